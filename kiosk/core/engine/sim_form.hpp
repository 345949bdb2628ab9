// The form of an online_form sim, as the engine scores it: per field, with partial credit.
//
// Why in the engine and not in the kiosk's model: the score must come from what was typed (the
// stored "fields" of the answer), the same on the kiosk, in `repere simulate` and when an attempt
// is rebuilt; the kiosk's model uses the same matching to tell the person the form was sent.
#pragma once

#include "quiz/model.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace repere::engine {

// The sim's "fields" settings (id, label, kind, accept, required); fields without an id are left
// out.
std::vector<quiz::FormField> simFormFields(const nlohmann::json& simConfig);

// The typed value is one of the field's accepted values: digits only for phone, postcode, date
// and number ("06 12 34 56 78" == "0612345678"); case and spaces ignored for text and e-mail.
// Lower-case ASCII, trimmed, inner spaces collapsed (accents kept): how typed values are
// compared, by the engine's form scoring and by the kiosk's sims alike.
std::string looseNormalize(const std::string& text);

bool simFieldRight(const quiz::FormField& field, const std::string& typed);

// For an online_form answer that holds the typed "fields": how many of the fields with `accept`
// were typed right, out of how many. Nothing for other answers (not a form, or no fields kept).
struct FieldCount {
    int right = 0;
    int total = 0;
};
std::optional<FieldCount> simFormFieldsRight(const quiz::Item& item, const nlohmann::json& answer);

} // namespace repere::engine
