// The "scoring" object of an item: its rule (defaulted and checked against the item's type),
// points, map, rubric and tolerance, then what the rule needs from the item (a right answer, map
// keys that name its options, gaps, fields or words).
//
// Sections of this file: rules per type; scoring object; tolerance; what each rule needs;
// match answers; map keys.
#include "quiz/reader/package_reader_impl.hpp"
#include "quiz/suggest.hpp"
#include "text/words.hpp"

#include <algorithm>

namespace repere::quiz::reader {

using nlohmann::json;

namespace {

ScoringRule defaultRule(ItemType t) {
    switch (t) {
    case ItemType::Hotspot:
        return ScoringRule::Area;
    case ItemType::Write:
    case ItemType::Speak:
        return ScoringRule::Manual;
    case ItemType::Info:
    case ItemType::Profile:
        return ScoringRule::None;
    case ItemType::Sim:
        return ScoringRule::Map;
    default:
        return ScoringRule::Match;
    }
}

std::vector<ScoringRule> allowedRules(ItemType t) {
    switch (t) {
    case ItemType::Choice:
    case ItemType::Match:
    case ItemType::Order:
    case ItemType::Gaps:
    case ItemType::Form:
    case ItemType::Mark:
        return {ScoringRule::Match, ScoringRule::Map};
    case ItemType::Hotspot:
        return {ScoringRule::Area};
    case ItemType::Write:
    case ItemType::Speak:
        return {ScoringRule::Manual, ScoringRule::None};
    case ItemType::Info:
    case ItemType::Profile:
        return {ScoringRule::None};
    case ItemType::Sim:
        return {ScoringRule::Map, ScoringRule::None};
    }
    return {};
}

} // namespace

void PackageReader::readScoring(const Fields& itemFields, Item& item) {
    Scoring& sc = item.scoring;
    sc.rule = defaultRule(item.type);
    const json* j = itemFields.get("scoring");
    std::string ptr = itemFields.at("scoring");
    static const json noScoring = json::object();
    Fields f(j ? *j : noScoring, ptr, r_, "the scoring");
    f.allowOnly({"rule", "points", "map", "min", "max", "rubric", "tolerance", "example"});
    sc.example = text(f, "example", false);
    if (auto rule = f.string("rule")) {
        static const Names rules = {"match", "map", "area", "manual", "none"};
        if (auto r = scoringRuleFromString(*rule)) {
            sc.rule = *r;
            auto allowed = allowedRules(item.type);
            if (std::find(allowed.begin(), allowed.end(), *r) == allowed.end()) {
                Names names;
                for (auto a : allowed) {
                    names.push_back(toString(a));
                }
                r_.error(f.at("rule"),
                         "scoring rule " + inQuotes(*rule) + " does not fit items of type " +
                             inQuotes(toString(item.type)) + " (use " + joinNames(names) + ")");
            }
        } else {
            r_.error(f.at("rule"), "unknown scoring rule " + inQuotes(*rule) +
                                       didYouMean(*rule, rules) + "; rules are " +
                                       joinNames(rules));
        }
    }
    if (auto points = f.number("points")) {
        if (*points <= 0) {
            r_.error(f.at("points"), "points must be above 0");
        } else {
            sc.points = *points;
        }
    }
    if (const json* map = f.object("map")) {
        for (const auto& [key, value] : map->items()) {
            if (auto p = asNumber(value, pointerJoin(f.at("map"), key), r_)) {
                sc.map[key] = *p;
            }
        }
    }
    sc.min = f.number("min");
    sc.max = f.number("max");
    if (sc.min && sc.max && *sc.min > *sc.max) {
        r_.error(f.at("min"), "min is above max");
    }
    if (const json* rubric = f.array("rubric")) {
        for (std::size_t i = 0; i < rubric->size(); ++i) {
            Fields c((*rubric)[i], pointerJoin(f.at("rubric"), i), r_, "a rubric criterion");
            c.allowOnly({"id", "label", "points"});
            RubricCriterion crit;
            crit.id = c.id("id", true).value_or("");
            crit.label = text(c, "label", true);
            if (auto p = c.number("points")) {
                if (*p <= 0) {
                    r_.error(c.at("points"), "points must be above 0");
                } else {
                    crit.points = *p;
                }
            }
            sc.rubric.push_back(std::move(crit));
        }
        checkUniqueIds(sc.rubric, f.at("rubric"), "rubric criterion");
    }
    if (const json* tol = f.get("tolerance")) {
        readTolerance(*tol, f.at("tolerance"), sc.tolerance);
        bool typed = item.type == ItemType::Form ||
                     std::any_of(item.gaps.begin(), item.gaps.end(),
                                 [](const Gap& g) { return g.mode == GapMode::Typed; });
        if (!typed) {
            r_.warning(f.at("tolerance"),
                       "tolerance only applies to typed answers (typed gaps, form fields)");
        }
    }
    checkRuleNeeds(f, item);
}

void PackageReader::readTolerance(const json& j, const std::string& ptr, Tolerance& t) {
    Fields f(j, ptr, r_, "the tolerance");
    f.allowOnly({"ignoreCase", "ignoreAccents", "ignorePunctuation", "normalizeApostrophes",
                 "maxEditRatio"});
    t.ignoreCase = f.boolean("ignoreCase").value_or(t.ignoreCase);
    t.ignoreAccents = f.boolean("ignoreAccents").value_or(t.ignoreAccents);
    t.ignorePunctuation = f.boolean("ignorePunctuation").value_or(t.ignorePunctuation);
    t.normalizeApostrophes = f.boolean("normalizeApostrophes").value_or(t.normalizeApostrophes);
    if (auto r = f.number("maxEditRatio")) {
        if (*r < 0 || *r >= 1) {
            r_.error(f.at("maxEditRatio"), "maxEditRatio is a fraction of the answer's length, "
                                           "from 0 to below 1 (e.g. 0.2)");
        } else {
            t.maxEditRatio = *r;
        }
    }
}

// What each rule needs from the item: a right answer, a map, areas, a rubric.
void PackageReader::checkRuleNeeds(const Fields& f, Item& item) {
    const Scoring& sc = item.scoring;
    const std::string itemPtr =
        f.pointer().substr(0, f.pointer().size() - std::string("/scoring").size());
    auto itemAt = [&](std::string_view key) {
        return pointerJoin(itemPtr, key);
    };
    if (sc.rule != ScoringRule::Map && (f.has("map") || f.has("min") || f.has("max"))) {
        r_.error(f.at(f.has("map") ? "map" : (f.has("min") ? "min" : "max")),
                 "\"map\", \"min\" and \"max\" are only used by the \"map\" rule");
    }
    if (sc.rule != ScoringRule::Manual && f.has("rubric")) {
        r_.error(f.at("rubric"), "a rubric is only used by the \"manual\" rule");
    }
    switch (sc.rule) {
    case ScoringRule::Manual:
        if (sc.rubric.empty()) {
            r_.error(f.at("rubric"),
                     "manual scoring needs a rubric: list what the trainer checks, with points");
        }
        break;
    case ScoringRule::Area:
        if (item.correct.empty() && item.type == ItemType::Hotspot) {
            r_.error(itemAt("correct"), "list the right area ids in \"correct\"");
        }
        break;
    case ScoringRule::Map:
        if (item.type == ItemType::Sim) {
            if (f.has("map")) {
                r_.error(f.at("map"),
                         "sim items give points per end state in \"endStates\", not in a map");
            }
            break;
        }
        if (f.isObject() && !f.has("map")) {
            r_.error(f.at("map"), "the \"map\" rule needs a map of points");
        }
        checkMapKeys(f, item);
        break;
    case ScoringRule::Match:
        checkMatchAnswer(itemAt, item);
        break;
    case ScoringRule::None:
        break;
    }
    if (f.has("points") && (sc.rule == ScoringRule::Map || sc.rule == ScoringRule::Manual ||
                            sc.rule == ScoringRule::None)) {
        r_.error(f.at("points"), "\"points\" is only used by the \"match\" and \"area\" rules");
    }
}

template <typename At> void PackageReader::checkMatchAnswer(const At& itemAt, const Item& item) {
    switch (item.type) {
    case ItemType::Choice:
        if (item.correct.empty()) {
            r_.error(itemAt("correct"), "list the right option ids in \"correct\"");
        } else if (!item.multiple && item.correct.size() > 1) {
            r_.error(itemAt("correct"),
                     "a single choice has one right option; set \"multiple\": true for several");
        }
        break;
    case ItemType::Form: {
        bool anyCheck =
            std::any_of(item.fields.begin(), item.fields.end(), [](const FormField& ff) {
                return !ff.accept.empty() || !ff.pattern.empty();
            });
        if (!item.fields.empty() && !anyCheck) {
            r_.warning(itemAt("fields"),
                       "no field has \"accept\" or \"pattern\": any filled-in form is right");
        }
        break;
    }
    default:
        break; // order, mark, gaps and match require their answer fields already
    }
}

void PackageReader::checkMapKeys(const Fields& f, const Item& item) {
    Names options = idsOf(item.options);
    for (const auto& [key, points] : item.scoring.map) {
        std::string at = pointerJoin(f.at("map"), key);
        std::string problem;
        switch (item.type) {
        case ItemType::Choice:
            if (!contains(options, key)) {
                problem = "unknown option " + inQuotes(key) + didYouMean(key, options);
            }
            break;
        case ItemType::Match: {
            auto eq = key.find('=');
            Names right = idsOf(item.right);
            if (eq == std::string::npos) {
                problem = "match keys are \"left=right\", found " + inQuotes(key);
            } else if (!contains(options, key.substr(0, eq)) ||
                       !contains(right, key.substr(eq + 1))) {
                problem = "unknown pair " + inQuotes(key) + " (left and right option ids)";
            }
            break;
        }
        case ItemType::Order: {
            auto colon = key.find(':');
            std::string pos = colon == std::string::npos ? "" : key.substr(0, colon);
            bool digits =
                !pos.empty() && pos.size() < 5 &&
                std::all_of(pos.begin(), pos.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (!digits || std::stoul(pos) >= options.size() ||
                !contains(options, key.substr(colon + 1))) {
                problem = "order keys are \"position:option\" with positions from 0, found " +
                          inQuotes(key);
            }
            break;
        }
        case ItemType::Gaps: {
            Names gapIds;
            for (const auto& g : item.gaps) {
                gapIds.push_back(g.id);
            }
            if (!contains(gapIds, key)) {
                problem = "unknown gap " + inQuotes(key) + didYouMean(key, gapIds);
            }
            break;
        }
        case ItemType::Form: {
            Names ids;
            for (const auto& ff : item.fields) {
                ids.push_back(ff.id);
            }
            if (!contains(ids, key)) {
                problem = "unknown field " + inQuotes(key) + didYouMean(key, ids);
            }
            break;
        }
        case ItemType::Mark: {
            std::size_t words = text::splitWords(item.text).size();
            bool digits =
                !key.empty() && key.size() < 7 &&
                std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (!digits || std::stoul(key) >= words) {
                problem = "mark keys are word numbers from 0 to " +
                          std::to_string(words == 0 ? 0 : words - 1) + ", found " + inQuotes(key);
            }
            break;
        }
        default:
            break;
        }
        if (!problem.empty()) {
            r_.error(at, problem);
        }
    }
}

} // namespace repere::quiz::reader
