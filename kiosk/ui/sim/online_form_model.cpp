#include "ui/sim/online_form_model.hpp"

#include "engine/sim_form.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

namespace repere::ui::sim {

namespace {

std::string digitsOnly(const std::string& s) {
    std::string out;
    std::copy_if(s.begin(), s.end(), std::back_inserter(out),
                 [](unsigned char c) { return std::isdigit(c); });
    return out;
}

} // namespace

FieldError checkField(const quiz::FormField& field, const std::string& value) {
    const std::string v = looseNormalize(value);
    if (v.empty()) {
        return field.required ? FieldError::Required : FieldError::None;
    }
    switch (field.kind) {
    case quiz::FieldKind::Email:
        return std::regex_match(v, std::regex(R"([^@ ]+@[^@ ]+\.[a-z]{2,})")) ? FieldError::None
                                                                              : FieldError::Email;
    case quiz::FieldKind::Postcode:
        return std::regex_match(v, std::regex(R"(\d{5})")) ? FieldError::None
                                                           : FieldError::Postcode;
    case quiz::FieldKind::Date:
        return std::regex_match(v, std::regex(R"(\d{2}/\d{2}/\d{4})")) ? FieldError::None
                                                                       : FieldError::Date;
    case quiz::FieldKind::Phone:
        return digitsOnly(v).size() == 10 && std::regex_match(v, std::regex(R"([\d ]+)"))
                   ? FieldError::None
                   : FieldError::Phone;
    case quiz::FieldKind::Number:
        return std::regex_match(v, std::regex(R"(\d+)")) ? FieldError::None : FieldError::Number;
    case quiz::FieldKind::Text:
        return FieldError::None;
    }
    return FieldError::None;
}

OnlineFormModel::OnlineFormModel(const nlohmann::json& config)
    : site_(configString(config, "site")), url_(configString(config, "url")),
      consentLabel_(configString(config, "consent")), form_(engine::simFormFields(config)) {
    if (config.is_object() && config.contains("persona") && config["persona"].is_array()) {
        for (const auto& p : config["persona"]) {
            persona_.push_back({configString(p, "label"), configString(p, "value")});
        }
    }
}

void OnlineFormModel::startSignUp() {
    if (screen_ == Screen::Home && !finished()) {
        screen_ = Screen::Form;
        trace_.step("signup");
    }
}

void OnlineFormModel::toggleConsent() {
    if (screen_ == Screen::Form && !finished()) {
        consent_ = !consent_;
        consentMissing_ = false;
        trace_.step(consent_ ? "consent:on" : "consent:off");
    }
}

FieldError OnlineFormModel::errorOf(const std::string& fieldId) const {
    for (std::size_t i = 0; i < errors_.size(); ++i) {
        // An error disappears once the value it was raised on has been changed.
        if (errors_[i].first == fieldId && form_.value(fieldId) == errorValues_[i]) {
            return errors_[i].second;
        }
    }
    return FieldError::None;
}

bool OnlineFormModel::hasErrors() const {
    if (consentMissing_) {
        return true;
    }
    return std::any_of(errors_.begin(), errors_.end(),
                       [&](const auto& e) { return errorOf(e.first) != FieldError::None; });
}

void OnlineFormModel::submit() {
    if (screen_ != Screen::Form || finished()) {
        return;
    }
    errors_.clear();
    errorValues_.clear();
    for (const auto& field : form_.fields()) {
        const auto value = form_.value(field.id);
        if (auto e = checkField(field, value); e != FieldError::None) {
            errors_.emplace_back(field.id, e);
            errorValues_.push_back(value);
        }
    }
    consentMissing_ = !consentLabel_.empty() && !consent_;
    if (!errors_.empty() || consentMissing_) {
        trace_.step("submit_refused:" + std::to_string(errors_.size() + (consentMissing_ ? 1 : 0)));
        return;
    }
    bool allRight = true;
    for (const auto& field : form_.fields()) {
        if (field.accept.empty()) {
            continue;
        }
        if (!engine::simFieldRight(field, form_.value(field.id))) {
            allRight = false;
            trace_.step("wrong:" + field.id);
        }
    }
    screen_ = Screen::Done;
    trace_.step("submit");
    trace_.finish(allRight ? "submitted_correct" : "submitted_wrong_data");
}

nlohmann::json OnlineFormModel::answer() const {
    auto a = trace_.answer();
    a["fields"] = form_.answer()["fields"];
    return a;
}

} // namespace repere::ui::sim
