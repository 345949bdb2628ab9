#include "quiz/json_fields.hpp"

#include "quiz/suggest.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace repere::quiz {

using nlohmann::json;

const char* const kIdRule = "ids use only letters, digits, '-', '_', '.' and '+', start with a "
                            "letter or a digit and have at most 64 characters";

const char* jsonKindName(const json& v) {
    switch (v.type()) {
    case json::value_t::object:
        return "an object";
    case json::value_t::array:
        return "an array";
    case json::value_t::string:
        return "a string";
    case json::value_t::boolean:
        return "true/false";
    case json::value_t::null:
        return "null";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        return "a number";
    default:
        return "an unexpected value";
    }
}

bool isValidId(std::string_view id) {
    if (id.empty() || id.size() > 64) {
        return false;
    }
    auto alnum = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    };
    if (!alnum(id.front())) {
        return false;
    }
    return std::all_of(id.begin(), id.end(), [&](char c) {
        return alnum(c) || c == '-' || c == '_' || c == '.' || c == '+';
    });
}

namespace {
const json& emptyObject() {
    static const json empty = json::object();
    return empty;
}

std::string expected(const char* what, const json& v) {
    return std::string("expected ") + what + ", found " + jsonKindName(v);
}
} // namespace

Fields::Fields(const json& obj, std::string pointer, Reporter& report, std::string_view what)
    : obj_(&obj), pointer_(std::move(pointer)), report_(report), isObject_(obj.is_object()) {
    if (!isObject_) {
        report_.error(pointer_, std::string(what) + ": " + expected("an object", obj));
        obj_ = &emptyObject();
    }
}

const json* Fields::get(std::string_view key) const {
    auto it = obj_->find(key);
    return it == obj_->end() ? nullptr : &*it;
}

void Fields::allowOnly(std::initializer_list<std::string_view> allowed) const {
    for (const auto& [key, value] : obj_->items()) {
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
            // Rare (an author's typo): only now pay for the names the hint needs.
            allowOnly(std::vector<std::string>(allowed.begin(), allowed.end()));
            return;
        }
    }
}

void Fields::allowOnly(const std::vector<std::string>& allowed,
                       const std::vector<std::string>& elsewhere,
                       const std::string& elsewhereNote) const {
    for (const auto& [key, value] : obj_->items()) {
        if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) {
            continue;
        }
        if (std::find(elsewhere.begin(), elsewhere.end(), key) != elsewhere.end()) {
            report_.error(at(key), "field " + inQuotes(key) + " is not used " + elsewhereNote);
            continue;
        }
        report_.error(at(key), "unknown field " + inQuotes(key) + didYouMean(key, allowed));
    }
}

void Fields::missing(std::string_view key) const {
    report_.error(at(key), "missing required field " + inQuotes(key));
}

std::optional<std::string> Fields::string(std::string_view key, bool required) const {
    const json* v = get(key);
    if (!v) {
        if (required) {
            missing(key);
        }
        return std::nullopt;
    }
    if (v->is_string()) { // the common case builds no pointer string
        return v->get<std::string>();
    }
    return asString(*v, at(key), report_);
}

std::optional<std::string> Fields::id(std::string_view key, bool required) const {
    const json* v = get(key);
    if (!v) {
        if (required) {
            missing(key);
        }
        return std::nullopt;
    }
    if (v->is_string() && isValidId(v->get_ref<const std::string&>())) {
        return v->get<std::string>();
    }
    return asId(*v, at(key), report_);
}

std::optional<bool> Fields::boolean(std::string_view key, bool required) const {
    const json* v = get(key);
    if (!v) {
        if (required) {
            missing(key);
        }
        return std::nullopt;
    }
    if (!v->is_boolean()) {
        report_.error(at(key), expected("true or false", *v));
        return std::nullopt;
    }
    return v->get<bool>();
}

std::optional<double> Fields::number(std::string_view key, bool required) const {
    const json* v = get(key);
    if (!v) {
        if (required) {
            missing(key);
        }
        return std::nullopt;
    }
    if (v->is_number()) {
        return v->get<double>();
    }
    return asNumber(*v, at(key), report_);
}

std::optional<long long> Fields::integer(std::string_view key, long long min, long long max,
                                         bool required) const {
    const json* v = get(key);
    if (!v) {
        if (required) {
            missing(key);
        }
        return std::nullopt;
    }
    if (!v->is_number()) {
        report_.error(at(key), expected("a whole number", *v));
        return std::nullopt;
    }
    double d = v->get<double>();
    if (std::floor(d) != d) {
        report_.error(at(key), "expected a whole number, found " + v->dump());
        return std::nullopt;
    }
    if (d < static_cast<double>(min) || d > static_cast<double>(max)) {
        report_.error(at(key), "must be between " + std::to_string(min) + " and " +
                                   std::to_string(max) + ", found " + v->dump());
        return std::nullopt;
    }
    return static_cast<long long>(d);
}

const json* Fields::array(std::string_view key, bool required) const {
    const json* v = get(key);
    if (!v) {
        if (required) {
            missing(key);
        }
        return nullptr;
    }
    if (!v->is_array()) {
        report_.error(at(key), expected("an array [...]", *v));
        return nullptr;
    }
    return v;
}

const json* Fields::object(std::string_view key, bool required) const {
    const json* v = get(key);
    if (!v) {
        if (required) {
            missing(key);
        }
        return nullptr;
    }
    if (!v->is_object()) {
        report_.error(at(key), expected("an object {...}", *v));
        return nullptr;
    }
    return v;
}

std::optional<std::string> asString(const json& v, const std::string& pointer, Reporter& r) {
    if (!v.is_string()) {
        r.error(pointer, expected("a string", v));
        return std::nullopt;
    }
    return v.get<std::string>();
}

std::optional<std::string> asId(const json& v, const std::string& pointer, Reporter& r) {
    auto s = asString(v, pointer, r);
    if (s && !isValidId(*s)) {
        r.error(pointer, "invalid id " + inQuotes(s->substr(0, 80)) + ": " + kIdRule);
        return std::nullopt;
    }
    return s;
}

std::optional<double> asNumber(const json& v, const std::string& pointer, Reporter& r) {
    if (!v.is_number()) {
        r.error(pointer, expected("a number", v));
        return std::nullopt;
    }
    return v.get<double>();
}

} // namespace repere::quiz
