// Interaction model of a form item (and of the fields of the online_form sim): labelled fields,
// tap a field to type in it; text and e-mail fields get the AZERTY keyboard, numbers, dates,
// phones and postcodes get the numeric keypad. Nothing is checked while typing: the answer is
// scored as typed.
#pragma once

#include "quiz/model.hpp"
#include "ui/items/text_buffer.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace repere::ui::items {

enum class KeyboardKind { Azerty, Numeric };

// Which keyboard a field kind needs (Numeric also has "/" for dates and a space for phones).
KeyboardKind keyboardFor(quiz::FieldKind kind);
// Maximum characters per field kind: enough for real values, short enough to stop runaway typing.
std::size_t maxCharsFor(quiz::FieldKind kind);

// Numeric fields are typed as digits only; the separators are put in for the person:
// date "01021990" -> "01/02/1990", phone "0612345678" -> "06 12 34 56 78" (also while typing).
std::string formatDigits(quiz::FieldKind kind, const std::string& digits);
// The digits of a value (what the keypad edits).
std::string digitsOf(const std::string& value);
// How many digits the keypad accepts for a kind.
std::size_t maxDigitsFor(quiz::FieldKind kind);

class FormModel {
public:
    explicit FormModel(std::vector<quiz::FormField> fields);

    // Tapping a field puts the cursor there (the first field is focused at start).
    void focus(const std::string& fieldId);
    const std::optional<std::string>& focused() const { return focused_; }
    KeyboardKind keyboard() const;
    // Moves to the next field (the keyboard's "Suivant" key); stays on the last one.
    void focusNext();

    bool type(std::string_view utf8);
    bool backspace();
    void setValue(const std::string& fieldId, std::string_view utf8);
    std::string value(const std::string& fieldId) const;
    const quiz::FormField* field(const std::string& fieldId) const { return find(fieldId); }
    const std::vector<quiz::FormField>& fields() const { return fields_; }

    // Required fields still empty, in form order.
    std::vector<std::string> missingRequired() const;
    bool canSubmit() const { return !fields_.empty() && missingRequired().empty(); }
    // {"fields": {"nom": "Diallo", ...}} every field, empty ones as ""
    nlohmann::json answer() const;

private:
    const quiz::FormField* find(const std::string& fieldId) const;

    std::vector<quiz::FormField> fields_;
    std::map<std::string, TextBuffer> values_;
    std::optional<std::string> focused_;
};

} // namespace repere::ui::items
