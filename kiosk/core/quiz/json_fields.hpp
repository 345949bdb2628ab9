// Typed access to the fields of one JSON object, reporting every problem with its pointer.
//
// Used by the package reader: each object of a quiz file is read through a Fields view that
// knows its pointer, so "expected a number" or "missing required field" point at the right place.
#pragma once

#include "quiz/diagnostics.hpp"

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace repere::quiz {

// "an object", "a string", ... for messages.
const char* jsonKindName(const nlohmann::json& v);

// Ids: letters, digits, '-', '_', '.', '+'; first a letter or digit; at most 64 characters.
// Never '=' or ':' (map keys "left=right" and "position:id") nor spaces.
bool isValidId(std::string_view id);
extern const char* const kIdRule;

class Fields {
public:
    // When `obj` is not an object, reports it (as `what`) and behaves as an empty object.
    Fields(const nlohmann::json& obj, std::string pointer, Reporter& report, std::string_view what);

    bool isObject() const { return isObject_; }
    const std::string& pointer() const { return pointer_; }
    std::string at(std::string_view key) const { return pointerJoin(pointer_, key); }
    Reporter& report() const { return report_; }
    const nlohmann::json* get(std::string_view key) const;
    bool has(std::string_view key) const { return get(key) != nullptr; }

    // The same without allocating on the happy path (the reader calls it for every object).
    void allowOnly(std::initializer_list<std::string_view> allowed) const;
    // Reports keys not in `allowed` (with a "did you mean" hint). `elsewhere` lists fields valid
    // in a sibling context (other item types) to say "not used by ..." instead of "unknown".
    void allowOnly(const std::vector<std::string>& allowed,
                   const std::vector<std::string>& elsewhere = {},
                   const std::string& elsewhereNote = {}) const;

    void missing(std::string_view key) const;

    std::optional<std::string> string(std::string_view key, bool required = false) const;
    std::optional<std::string> id(std::string_view key, bool required = false) const;
    std::optional<bool> boolean(std::string_view key, bool required = false) const;
    std::optional<double> number(std::string_view key, bool required = false) const;
    std::optional<long long> integer(std::string_view key, long long min, long long max,
                                     bool required = false) const;
    // An array field; nullptr (and a report) when present but not an array.
    const nlohmann::json* array(std::string_view key, bool required = false) const;
    const nlohmann::json* object(std::string_view key, bool required = false) const;

private:
    const nlohmann::json* obj_;
    std::string pointer_;
    Reporter& report_;
    bool isObject_;
};

// Type checks on a bare value at `pointer`; report and return nullopt when wrong.
std::optional<std::string> asString(const nlohmann::json& v, const std::string& pointer,
                                    Reporter& r);
std::optional<std::string> asId(const nlohmann::json& v, const std::string& pointer, Reporter& r);
std::optional<double> asNumber(const nlohmann::json& v, const std::string& pointer, Reporter& r);

} // namespace repere::quiz
