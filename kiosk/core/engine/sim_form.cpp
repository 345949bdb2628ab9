#include "engine/sim_form.hpp"

#include <algorithm>
#include <cctype>

namespace repere::engine {

namespace {

std::string stringOf(const nlohmann::json& o, const char* key, const std::string& fallback = {}) {
    if (o.is_object() && o.contains(key) && o[key].is_string())
        return o[key].get<std::string>();
    return fallback;
}

std::string digitsOnly(const std::string& s) {
    std::string out;
    std::copy_if(s.begin(), s.end(), std::back_inserter(out),
                 [](unsigned char c) { return std::isdigit(c); });
    return out;
}

bool sameValue(const quiz::FormField& field, const std::string& typed,
               const std::string& accepted) {
    switch (field.kind) {
    case quiz::FieldKind::Phone:
    case quiz::FieldKind::Postcode:
    case quiz::FieldKind::Date:
    case quiz::FieldKind::Number:
        return !digitsOnly(typed).empty() && digitsOnly(typed) == digitsOnly(accepted);
    case quiz::FieldKind::Text:
    case quiz::FieldKind::Email:
        return looseNormalize(typed) == looseNormalize(accepted);
    }
    return false;
}

} // namespace

std::vector<quiz::FormField> simFormFields(const nlohmann::json& simConfig) {
    std::vector<quiz::FormField> fields;
    if (!simConfig.is_object() || !simConfig.contains("fields") || !simConfig["fields"].is_array())
        return fields;
    for (const auto& f : simConfig["fields"]) {
        quiz::FormField field;
        field.id = stringOf(f, "id");
        if (field.id.empty())
            continue;
        field.label = stringOf(f, "label", field.id);
        const auto kind = stringOf(f, "kind", "text");
        if (kind == "number")
            field.kind = quiz::FieldKind::Number;
        else if (kind == "date")
            field.kind = quiz::FieldKind::Date;
        else if (kind == "email")
            field.kind = quiz::FieldKind::Email;
        else if (kind == "phone")
            field.kind = quiz::FieldKind::Phone;
        else if (kind == "postcode")
            field.kind = quiz::FieldKind::Postcode;
        if (f.contains("accept") && f["accept"].is_array())
            for (const auto& a : f["accept"])
                if (a.is_string())
                    field.accept.push_back(a.get<std::string>());
        field.required =
            !(f.contains("required") && f["required"].is_boolean()) || f["required"].get<bool>();
        fields.push_back(std::move(field));
    }
    return fields;
}

bool simFieldRight(const quiz::FormField& field, const std::string& typed) {
    return std::any_of(field.accept.begin(), field.accept.end(),
                       [&](const std::string& a) { return sameValue(field, typed, a); });
}

std::optional<FieldCount> simFormFieldsRight(const quiz::Item& item, const nlohmann::json& answer) {
    if (item.type != quiz::ItemType::Sim || item.scenario != quiz::SimScenario::OnlineForm ||
        !answer.is_object() || !answer.contains("fields") || !answer["fields"].is_object())
        return std::nullopt;
    const auto& typed = answer["fields"];
    FieldCount count;
    for (const auto& field : simFormFields(item.simConfig)) {
        if (field.accept.empty())
            continue;
        ++count.total;
        const auto it = typed.find(field.id);
        if (it != typed.end() && it->is_string() && simFieldRight(field, it->get<std::string>()))
            ++count.right;
    }
    if (count.total == 0)
        return std::nullopt;
    return count;
}

// Lower-case ASCII, trimmed, inner spaces collapsed (accents are kept: "Aïcha" is listed as typed).
std::string looseNormalize(const std::string& text) {
    std::string out;
    bool pendingSpace = false;
    for (unsigned char c : text) {
        if (std::isspace(c)) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) {
            out.push_back(' ');
            pendingSpace = false;
        }
        out.push_back(static_cast<char>(std::tolower(c)));
    }
    return out;
}

} // namespace repere::engine
