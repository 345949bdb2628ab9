#include "ui/items/form_model.hpp"

#include <algorithm>

namespace repere::ui::items {

KeyboardKind keyboardFor(quiz::FieldKind kind) {
    switch (kind) {
    case quiz::FieldKind::Number:
    case quiz::FieldKind::Date:
    case quiz::FieldKind::Phone:
    case quiz::FieldKind::Postcode:
        return KeyboardKind::Numeric;
    case quiz::FieldKind::Text:
    case quiz::FieldKind::Email:
        return KeyboardKind::Azerty;
    }
    return KeyboardKind::Azerty;
}

std::size_t maxCharsFor(quiz::FieldKind kind) {
    switch (kind) {
    case quiz::FieldKind::Postcode:
        return 5;
    case quiz::FieldKind::Date:
        return 10; // 01/02/1990
    case quiz::FieldKind::Phone:
        return 14; // 06 12 34 56 78
    case quiz::FieldKind::Number:
        return 12;
    case quiz::FieldKind::Email:
        return 60;
    case quiz::FieldKind::Text:
        return 60;
    }
    return 60;
}

std::string digitsOf(const std::string& value) {
    std::string d;
    for (char c : value) {
        if (c >= '0' && c <= '9') {
            d.push_back(c);
        }
    }
    return d;
}

std::size_t maxDigitsFor(quiz::FieldKind kind) {
    switch (kind) {
    case quiz::FieldKind::Date:
        return 8;
    case quiz::FieldKind::Phone:
        return 10;
    case quiz::FieldKind::Postcode:
        return 5;
    default:
        return 12;
    }
}

std::string formatDigits(quiz::FieldKind kind, const std::string& digits) {
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (kind == quiz::FieldKind::Date && (i == 2 || i == 4)) {
            out.push_back('/');
        } else if (kind == quiz::FieldKind::Phone && i > 0 && i % 2 == 0) {
            out.push_back(' ');
        }
        out.push_back(digits[i]);
    }
    return out;
}

FormModel::FormModel(std::vector<quiz::FormField> fields) : fields_(std::move(fields)) {
    for (const auto& f : fields_) {
        values_.emplace(f.id, TextBuffer(maxCharsFor(f.kind)));
    }
    if (!fields_.empty()) {
        focused_ = fields_.front().id;
    }
}

const quiz::FormField* FormModel::find(const std::string& fieldId) const {
    auto it = std::find_if(fields_.begin(), fields_.end(),
                           [&](const auto& f) { return f.id == fieldId; });
    return it == fields_.end() ? nullptr : &*it;
}

void FormModel::focus(const std::string& fieldId) {
    if (find(fieldId)) {
        focused_ = fieldId;
    }
}

KeyboardKind FormModel::keyboard() const {
    const auto* f = focused_ ? find(*focused_) : nullptr;
    return f ? keyboardFor(f->kind) : KeyboardKind::Azerty;
}

void FormModel::focusNext() {
    if (!focused_) {
        return;
    }
    auto it = std::find_if(fields_.begin(), fields_.end(),
                           [&](const auto& f) { return f.id == *focused_; });
    if (it != fields_.end() && std::next(it) != fields_.end()) {
        focused_ = std::next(it)->id;
    }
}

bool FormModel::type(std::string_view utf8) {
    return focused_ && values_.at(*focused_).insert(utf8);
}

bool FormModel::backspace() {
    return focused_ && values_.at(*focused_).backspace();
}

void FormModel::setValue(const std::string& fieldId, std::string_view utf8) {
    if (auto it = values_.find(fieldId); it != values_.end()) {
        it->second.clear();
        it->second.insert(utf8);
    }
}

std::string FormModel::value(const std::string& fieldId) const {
    auto it = values_.find(fieldId);
    return it == values_.end() ? std::string{} : it->second.text();
}

std::vector<std::string> FormModel::missingRequired() const {
    std::vector<std::string> missing;
    for (const auto& f : fields_) {
        if (f.required && !values_.at(f.id).hasContent()) {
            missing.push_back(f.id);
        }
    }
    return missing;
}

nlohmann::json FormModel::answer() const {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& f : fields_) {
        out[f.id] = values_.at(f.id).text();
    }
    return {{"fields", out}};
}

} // namespace repere::ui::items
