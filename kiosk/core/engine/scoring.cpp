#include "engine/scoring.hpp"

#include "engine/sim_form.hpp"
#include "text/normalize.hpp"
#include "text/words.hpp"

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>
#include <sstream>

namespace repere::engine {

using nlohmann::json;
using quiz::Item;
using quiz::ItemType;
using quiz::ScoringRule;

namespace {

constexpr double kEpsilon = 1e-9;

[[noreturn]] void badShape(const Item& item, const std::string& what) {
    throw AnswerError("answer to item \"" + item.id + "\" (" + quiz::toString(item.type) +
                      "): " + what);
}

const json& member(const Item& item, const json& answer, const char* key) {
    if (!answer.is_object()) {
        badShape(item,
                 std::string("expected an object with \"") + key + "\", got " + answer.type_name());
    }
    auto it = answer.find(key);
    if (it == answer.end()) {
        badShape(item, std::string("missing \"") + key + "\"");
    }
    return *it;
}

std::vector<std::string> stringArray(const Item& item, const json& value, const char* key) {
    if (!value.is_array()) {
        badShape(item, std::string("\"") + key + "\" must be an array of strings");
    }
    std::vector<std::string> out;
    for (const auto& v : value) {
        if (!v.is_string()) {
            badShape(item, std::string("\"") + key + "\" must be an array of strings");
        }
        out.push_back(v.get<std::string>());
    }
    return out;
}

std::map<std::string, std::string> stringMap(const Item& item, const json& value, const char* key) {
    if (!value.is_object()) {
        badShape(item, std::string("\"") + key + "\" must be an object of strings");
    }
    std::map<std::string, std::string> out;
    for (const auto& [k, v] : value.items()) {
        if (!v.is_string()) {
            badShape(item, std::string("\"") + key + "\"/" + k + " must be a string");
        }
        out[k] = v.get<std::string>();
    }
    return out;
}

bool hasOption(const std::vector<quiz::Option>& options, const std::string& id) {
    return std::any_of(options.begin(), options.end(),
                       [&](const quiz::Option& o) { return o.id == id; });
}

double mapPoints(const Item& item, const std::string& key) {
    auto it = item.scoring.map.find(key);
    return it == item.scoring.map.end() ? 0.0 : it->second;
}

double mapMax(const Item& item) {
    if (item.scoring.max) {
        return *item.scoring.max;
    }
    double sum = 0.0;
    for (const auto& [key, points] : item.scoring.map) {
        sum += std::max(0.0, points);
    }
    return sum;
}

double clampMap(const Item& item, double raw) {
    const double lo = item.scoring.min.value_or(0.0);
    return std::clamp(raw, lo, std::max(lo, mapMax(item)));
}

ItemScore finish(double score, double max) {
    ItemScore s;
    s.score = score;
    s.maxScore = max;
    if (max > 0.0 && score >= max - kEpsilon) {
        s.status = ResponseStatus::Ok;
    } else if (score > kEpsilon) {
        s.status = ResponseStatus::Partial;
    } else {
        s.status = ResponseStatus::Ko;
    }
    return s;
}

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
        return "";
    }
    const auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

std::string withoutSeparators(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c != ' ' && c != '.' && c != '-') {
            out += c;
        }
    }
    return out;
}

bool allDigits(const std::string& s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A well-formed value for a field that has no accepted answers nor pattern.
bool wellFormed(quiz::FieldKind kind, const std::string& value) {
    switch (kind) {
    case quiz::FieldKind::Text:
        return true;
    case quiz::FieldKind::Number: {
        std::string v = value;
        std::replace(v.begin(), v.end(), ',', '.');
        static const std::regex number(R"(^[+-]?\d+(\.\d+)?$)");
        return std::regex_match(v, number);
    }
    case quiz::FieldKind::Date: {
        static const std::regex date(R"(^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$)");
        std::smatch m;
        if (!std::regex_match(value, m, date)) {
            return false;
        }
        const int day = std::stoi(m[1]);
        const int month = std::stoi(m[2]);
        return day >= 1 && day <= 31 && month >= 1 && month <= 12;
    }
    case quiz::FieldKind::Email: {
        static const std::regex email(R"(^[^@\s]+@[^@\s]+\.[^@\s]+$)");
        return std::regex_match(value, email);
    }
    case quiz::FieldKind::Phone: {
        const std::string digits = withoutSeparators(value);
        if (digits.size() == 12 && digits.rfind("+33", 0) == 0) {
            return allDigits(digits.substr(3));
        }
        return digits.size() == 10 && digits[0] == '0' && allDigits(digits);
    }
    case quiz::FieldKind::Postcode:
        return value.size() == 5 && allDigits(value);
    }
    return false;
}

bool fieldRight(const Item& item, const quiz::FormField& field, const std::string& raw) {
    const std::string value = trim(raw);
    if (value.empty()) {
        return !field.required;
    }
    if (!field.accept.empty()) {
        return text::typedAnswerMatchesAny(value, field.accept, item.scoring.tolerance);
    }
    if (!field.pattern.empty()) {
        try {
            return std::regex_match(value, std::regex(field.pattern, std::regex::ECMAScript));
        } catch (const std::regex_error&) {
            return false; // the validator reports bad patterns; an answer is never the culprit
        }
    }
    return wellFormed(field.kind, value);
}

bool gapRight(const Item& item, const quiz::Gap& gap, const std::string& value) {
    if (gap.mode == quiz::GapMode::Typed) {
        return text::typedAnswerMatchesAny(value, gap.accept, item.scoring.tolerance);
    }
    return std::find(gap.accept.begin(), gap.accept.end(), value) != gap.accept.end();
}

// Raw score of a scored (non-manual, non-none) item, before clamping. `allRight` says whether
// the answer is entirely right, for the match rule.
struct Raw {
    double mapSum = 0.0;
    bool allRight = false;
};

Raw scoreChoice(const Item& item, const json& answer) {
    const auto selected = stringArray(item, member(item, answer, "selected"), "selected");
    if (!item.multiple && selected.size() > 1) {
        badShape(item,
                 "single-choice item got " + std::to_string(selected.size()) + " selected options");
    }
    Raw raw;
    std::set<std::string> given;
    for (const auto& id : selected) {
        if (!hasOption(item.options, id)) {
            badShape(item, "unknown option \"" + id + "\"");
        }
        if (given.insert(id).second) {
            raw.mapSum += mapPoints(item, id);
        }
    }
    raw.allRight = given == std::set<std::string>(item.correct.begin(), item.correct.end());
    return raw;
}

Raw scoreHotspot(const Item& item, const json& answer) {
    const json& x = member(item, answer, "x");
    const json& y = member(item, answer, "y");
    if (!x.is_number() || !y.is_number()) {
        badShape(item, "\"x\" and \"y\" must be numbers (fractions of the image)");
    }
    const double fx = x.get<double>();
    const double fy = y.get<double>();
    Raw raw;
    for (const auto& area : item.areas) {
        if (!areaContains(area, fx, fy)) {
            continue;
        }
        raw.mapSum += mapPoints(item, area.id);
        if (std::find(item.correct.begin(), item.correct.end(), area.id) != item.correct.end()) {
            raw.allRight = true;
        }
    }
    return raw;
}

Raw scoreMatch(const Item& item, const json& answer) {
    const auto pairs = stringMap(item, member(item, answer, "pairs"), "pairs");
    Raw raw;
    for (const auto& [left, right] : pairs) {
        if (!item.options.empty() && !hasOption(item.options, left)) {
            badShape(item, "unknown left element \"" + left + "\"");
        }
        if (!item.right.empty() && !hasOption(item.right, right)) {
            badShape(item, "unknown right element \"" + right + "\"");
        }
        raw.mapSum += mapPoints(item, left + "=" + right);
    }
    raw.allRight = pairs == item.pairs;
    return raw;
}

Raw scoreOrder(const Item& item, const json& answer) {
    const auto order = stringArray(item, member(item, answer, "order"), "order");
    Raw raw;
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (!item.options.empty() && !hasOption(item.options, order[i])) {
            badShape(item, "unknown option \"" + order[i] + "\"");
        }
        raw.mapSum += mapPoints(item, std::to_string(i) + ":" + order[i]);
    }
    raw.allRight = order == item.correct;
    return raw;
}

// Gaps and form fields score alike: the answer names its parts by id (an id the item does not
// have is a bad shape), each right part adds its mapped points, all right is every part right.
// `right(part, value)` judges one part; `value` is null when the answer left it out.
template <typename Part, typename Right>
Raw scoreNamedParts(const Item& item, const json& answer, const char* key,
                    const std::vector<Part>& parts, const char* what, Right right) {
    const auto values = stringMap(item, member(item, answer, key), key);
    for (const auto& entry : values) {
        const std::string& id =
            entry.first; // not a structured binding: clang 14 cannot capture those
        if (std::none_of(parts.begin(), parts.end(), [&](const Part& p) { return p.id == id; })) {
            badShape(item, std::string("unknown ") + what + " \"" + id + "\"");
        }
    }
    Raw raw;
    raw.allRight = true;
    for (const auto& part : parts) {
        auto it = values.find(part.id);
        const bool isRight = right(part, it == values.end() ? nullptr : &it->second);
        raw.allRight = raw.allRight && isRight;
        if (isRight) {
            raw.mapSum += mapPoints(item, part.id);
        }
    }
    return raw;
}

Raw scoreGaps(const Item& item, const json& answer) {
    return scoreNamedParts(item, answer, "gaps", item.gaps, "gap",
                           [&](const quiz::Gap& gap, const std::string* value) {
                               return value && gapRight(item, gap, *value);
                           });
}

Raw scoreForm(const Item& item, const json& answer) {
    return scoreNamedParts(item, answer, "fields", item.fields, "field",
                           [&](const quiz::FormField& field, const std::string* value) {
                               return fieldRight(item, field, value ? *value : std::string());
                           });
}

Raw scoreMark(const Item& item, const json& answer) {
    const json& marked = member(item, answer, "marked");
    if (!marked.is_array()) {
        badShape(item, "\"marked\" must be an array of word indices");
    }
    const std::size_t words = text::splitWords(item.text).size();
    std::set<std::string> given;
    for (const auto& v : marked) {
        if (!v.is_number_integer() || v.get<long long>() < 0 ||
            static_cast<std::size_t>(v.get<long long>()) >= words) {
            badShape(item, "\"marked\" must hold word indices from 0 to " +
                               std::to_string(words - 1) + ", got " + v.dump());
        }
        given.insert(std::to_string(v.get<long long>()));
    }
    Raw raw;
    for (const auto& index : given) {
        raw.mapSum += mapPoints(item, index);
    }
    raw.allRight = given == std::set<std::string>(item.correct.begin(), item.correct.end());
    return raw;
}

void checkManualShape(const Item& item, const json& answer) {
    if (item.type == ItemType::Write) {
        if (!member(item, answer, "text").is_string()) {
            badShape(item, "\"text\" must be a string");
        }
    } else if (item.type == ItemType::Speak) {
        if (!member(item, answer, "recording").is_string()) {
            badShape(item, "\"recording\" must be a string (path of the recording)");
        }
    }
}

void checkShape(const Item& item, const json& answer);

Raw scoreRaw(const Item& item, const json& answer) {
    switch (item.type) {
    case ItemType::Choice:
        return scoreChoice(item, answer);
    case ItemType::Hotspot:
        return scoreHotspot(item, answer);
    case ItemType::Match:
        return scoreMatch(item, answer);
    case ItemType::Order:
        return scoreOrder(item, answer);
    case ItemType::Gaps:
        return scoreGaps(item, answer);
    case ItemType::Form:
        return scoreForm(item, answer);
    case ItemType::Mark:
        return scoreMark(item, answer);
    default:
        break;
    }
    badShape(item, "this item type is not scored automatically");
}

double simScore(const Item& item, const json& answer) {
    const json& state = member(item, answer, "state");
    if (!state.is_string()) {
        badShape(item, "\"state\" must be a string (the end state reached)");
    }
    auto it = item.endStates.find(state.get<std::string>());
    const double points = it == item.endStates.end() ? 0.0 : it->second;
    // A form that was sent is scored per field (issue 17): the points of a right form times the
    // share of fields typed right, never less than its end state's own points. One wrong digit
    // of a postcode no longer costs the whole form.
    const std::string& reached = state.get_ref<const std::string&>();
    if (reached != "submitted_correct" && reached != "submitted_wrong_data")
        return points;
    const auto fields = simFormFieldsRight(item, answer);
    const auto full = item.endStates.find("submitted_correct");
    if (!fields || full == item.endStates.end())
        return points;
    return std::max(points, full->second * fields->right / fields->total);
}

// Shape checks for answers that are not scored (practice, rule none, manual).
void checkShape(const Item& item, const json& answer) {
    switch (item.type) {
    case ItemType::Info:
        if (!answer.is_object() && !answer.is_null()) {
            badShape(item, "expected {}");
        }
        return;
    case ItemType::Profile: {
        const auto selected = stringArray(item, member(item, answer, "selected"), "selected");
        if (!item.multiple && selected.size() > 1) {
            badShape(item, "single-choice profile question got several answers");
        }
        for (const auto& id : selected) {
            if (!hasOption(item.options, id)) {
                badShape(item, "unknown option \"" + id + "\"");
            }
        }
        return;
    }
    case ItemType::Write:
    case ItemType::Speak:
        checkManualShape(item, answer);
        return;
    case ItemType::Sim:
        simScore(item, answer);
        return;
    default:
        scoreRaw(item, answer);
        return;
    }
}

} // namespace

quiz::ScoringRule effectiveRule(const Item& item) {
    if (item.type == ItemType::Info || item.type == ItemType::Profile) {
        return ScoringRule::None;
    }
    const ScoringRule rule = item.scoring.rule;
    if (item.type == ItemType::Sim) {
        return rule == ScoringRule::None ? ScoringRule::None : ScoringRule::Map;
    }
    if ((item.type == ItemType::Write || item.type == ItemType::Speak) &&
        rule != ScoringRule::None) {
        return ScoringRule::Manual; // free text and recordings are only ever scored by a person
    }
    if (item.type == ItemType::Hotspot && rule == ScoringRule::Match) {
        return ScoringRule::Area;
    }
    return rule;
}

double maxScore(const Item& item) {
    if (item.practice) {
        return 0.0;
    }
    if (item.type == ItemType::Sim && effectiveRule(item) != ScoringRule::None) {
        double best = 0.0;
        for (const auto& [state, points] : item.endStates) {
            best = std::max(best, points);
        }
        return best;
    }
    switch (effectiveRule(item)) {
    case ScoringRule::None:
        return 0.0;
    case ScoringRule::Manual: {
        double sum = 0.0;
        for (const auto& c : item.scoring.rubric) {
            sum += std::max(0.0, c.points);
        }
        return sum;
    }
    case ScoringRule::Map:
        return std::max(0.0, mapMax(item));
    case ScoringRule::Match:
    case ScoringRule::Area:
        return item.scoring.points;
    }
    return 0.0;
}

ItemScore scoreAnswer(const Item& item, const json& answer) {
    const ScoringRule rule = effectiveRule(item);
    if (item.practice || rule == ScoringRule::None) {
        checkShape(item, answer);
        return ItemScore{0.0, 0.0, ResponseStatus::Unscored};
    }
    const double max = maxScore(item);
    if (rule == ScoringRule::Manual) {
        checkShape(item, answer);
        return ItemScore{0.0, max, ResponseStatus::PendingManual};
    }
    if (item.type == ItemType::Sim) {
        return finish(std::clamp(simScore(item, answer), 0.0, max), max);
    }
    const Raw raw = scoreRaw(item, answer);
    switch (rule) {
    case ScoringRule::Map:
        return finish(clampMap(item, raw.mapSum), max);
    case ScoringRule::Match:
    case ScoringRule::Area:
        return finish(raw.allRight ? item.scoring.points : 0.0, max);
    default:
        break;
    }
    return ItemScore{0.0, max, ResponseStatus::Unscored};
}

ItemScore scoreDontKnow(const Item& item) {
    const double max = maxScore(item);
    if (item.practice || effectiveRule(item) == ScoringRule::None) {
        return ItemScore{0.0, 0.0, ResponseStatus::DontKnow};
    }
    return ItemScore{0.0, max, ResponseStatus::DontKnow};
}

ItemScore scoreManual(const Item& item, double points) {
    const double max = maxScore(item);
    return finish(std::clamp(points, 0.0, max), max);
}

bool areaContains(const quiz::Area& area, double x, double y) {
    const auto& c = area.coords;
    switch (area.shape) {
    case quiz::Area::Shape::Rect:
        return c.size() == 4 && x >= c[0] && x <= c[0] + c[2] && y >= c[1] && y <= c[1] + c[3];
    case quiz::Area::Shape::Circle: {
        if (c.size() != 3) {
            return false;
        }
        const double dx = x - c[0];
        const double dy = y - c[1];
        return dx * dx + dy * dy <= c[2] * c[2];
    }
    case quiz::Area::Shape::Polygon: {
        if (c.size() < 6 || c.size() % 2 != 0) {
            return false;
        }
        const std::size_t n = c.size() / 2;
        bool inside = false;
        for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
            const double xi = c[2 * i], yi = c[2 * i + 1];
            const double xj = c[2 * j], yj = c[2 * j + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }
    }
    return false;
}

} // namespace repere::engine
