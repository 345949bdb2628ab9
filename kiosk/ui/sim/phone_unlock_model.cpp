#include "ui/sim/phone_unlock_model.hpp"

#include <algorithm>
#include <cctype>

namespace repere::ui::sim {

PhoneUnlockModel::PhoneUnlockModel(const nlohmann::json& config)
    : pin_(configString(config, "pin")), time_(configString(config, "time", "09:41")),
      date_(configString(config, "date")) {
    // A code the keypad cannot type would leave the person stuck: no code, no sim (the view
    // says the item is unavailable and the content test refuses such a package).
    const bool digits =
        std::all_of(pin_.begin(), pin_.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
    if (!digits || pin_.size() < 4 || pin_.size() > 6)
        pin_.clear();
    if (config.is_object() && config.contains("maxTries") && config["maxTries"].is_number_integer())
        maxTries_ = std::clamp(config["maxTries"].get<int>(), 1, 5);
}

void PhoneUnlockModel::wake() {
    if (screen_ == Screen::Lock && !finished()) {
        screen_ = Screen::Keypad;
        trace_.step("wake");
    }
}

void PhoneUnlockModel::digit(int d) {
    if (screen_ != Screen::Keypad || finished() || d < 0 || d > 9 || !valid())
        return;
    showWrong_ = false;
    typed_.push_back(static_cast<char>('0' + d));
    if (typed_.size() < pin_.size())
        return;
    // Complete: checked at once, as phones do (no "OK" key).
    if (typed_ == pin_) {
        screen_ = Screen::Home;
        trace_.step("code_right");
        trace_.finish(wrong_ == 0 ? "unlocked" : "unlocked_after_error");
        return;
    }
    typed_.clear();
    ++wrong_;
    trace_.step("code_wrong");
    showWrong_ = true;
    if (wrong_ >= maxTries_) {
        screen_ = Screen::LockedOut;
        trace_.finish("locked_out");
    }
}

void PhoneUnlockModel::erase() {
    if (screen_ == Screen::Keypad && !finished() && !typed_.empty()) {
        typed_.pop_back();
        trace_.step("erase");
    }
}

void PhoneUnlockModel::back() {
    if (screen_ == Screen::Keypad && !finished()) {
        typed_.clear();
        showWrong_ = false;
        screen_ = Screen::Lock;
        trace_.step("back");
    }
}

} // namespace repere::ui::sim
