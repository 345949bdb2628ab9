#include "ui/sim/login_booking_model.hpp"

#include <algorithm>
#include <cctype>

namespace repere::ui::sim {

LoginBookingModel::LoginBookingModel(const nlohmann::json& config)
    : site_(configString(config, "site")), url_(configString(config, "url")),
      service_(configString(config, "service")),
      connect_(configString(config, "connect", "ConnexionPublique")),
      account_(configString(config, "account")), user_(configString(config, "user")),
      code_(configString(config, "code")), day_(configString(config, "day")),
      target_(configString(config, "target")), slots_(configStrings(config, "slots")) {
    if (config.is_object() && config.contains("providers") && config["providers"].is_array())
        for (const auto& p : config["providers"]) {
            IdentityProvider ip{configString(p, "id"), configString(p, "name"),
                                configString(p, "url")};
            if (!ip.id.empty())
                providers_.push_back(std::move(ip));
        }
    // A code the keypad cannot type would leave the person stuck (as phone_unlock).
    const bool digits = std::all_of(code_.begin(), code_.end(),
                                    [](unsigned char c) { return std::isdigit(c) != 0; });
    if (!digits || code_.size() < 4 || code_.size() > 6)
        code_.clear();
}

bool LoginBookingModel::valid() const {
    const bool accountListed =
        std::any_of(providers_.begin(), providers_.end(),
                    [&](const IdentityProvider& p) { return p.id == account_; });
    return providers_.size() >= 2 && accountListed && !code_.empty() &&
           std::find(slots_.begin(), slots_.end(), target_) != slots_.end();
}

std::string LoginBookingModel::url() const {
    if (screen_ == Screen::Login && provider() && !provider()->url.empty())
        return provider()->url;
    return url_;
}

const IdentityProvider* LoginBookingModel::provider() const {
    return open_ && *open_ < providers_.size() ? &providers_[*open_] : nullptr;
}

void LoginBookingModel::start() {
    if (screen_ == Screen::Home && !finished()) {
        screen_ = Screen::Connect;
        trace_.step("start");
    }
}

void LoginBookingModel::chooseProvider(std::size_t i) {
    if (screen_ != Screen::Connect || finished() || i >= providers_.size())
        return;
    open_ = i;
    typed_.clear();
    wrongCode_ = false;
    screen_ = Screen::Login;
    trace_.step("provider:" + providers_[i].id);
}

void LoginBookingModel::digit(int d) {
    if (screen_ != Screen::Login || finished() || d < 0 || d > 9 || !valid())
        return;
    wrongCode_ = false;
    typed_.push_back(static_cast<char>('0' + d));
    if (typed_.size() < code_.size())
        return;
    // The code only opens the account it belongs to: on another provider's page it is refused
    // like a wrong code, as a real provider would.
    const bool right = typed_ == code_ && provider() && provider()->id == account_;
    typed_.clear();
    if (!right) {
        wrongCode_ = true;
        trace_.step("code_wrong");
        return;
    }
    trace_.step("logged_in");
    screen_ = Screen::Slots;
}

void LoginBookingModel::erase() {
    if (screen_ == Screen::Login && !finished() && !typed_.empty()) {
        typed_.pop_back();
        trace_.step("erase");
    }
}

void LoginBookingModel::back() {
    if (finished())
        return;
    if (screen_ == Screen::Login) {
        typed_.clear();
        wrongCode_ = false;
        open_.reset();
        screen_ = Screen::Connect;
        trace_.step("back");
    } else if (screen_ == Screen::Confirm) {
        screen_ = Screen::Slots;
        trace_.step("back");
    }
}

void LoginBookingModel::pickSlot(std::size_t i) {
    if (screen_ == Screen::Slots && !finished() && i < slots_.size()) {
        picked_ = i;
        missingSlot_ = false;
        trace_.step("slot:" + slots_[i]);
    }
}

void LoginBookingModel::next() {
    if (screen_ != Screen::Slots || finished())
        return;
    if (!picked_) {
        missingSlot_ = true;
        trace_.step("next_refused");
        return;
    }
    screen_ = Screen::Confirm;
    trace_.step("next");
}

void LoginBookingModel::confirm() {
    if (screen_ != Screen::Confirm || finished() || !picked_)
        return;
    screen_ = Screen::Done;
    trace_.step("confirm");
    trace_.finish(slots_[*picked_] == target_ ? "booked_right_slot" : "booked_wrong_slot");
}

nlohmann::json LoginBookingModel::answer() const {
    auto a = trace_.answer();
    if (finished() && picked_)
        a["slot"] = slots_[*picked_];
    return a;
}

} // namespace repere::ui::sim
