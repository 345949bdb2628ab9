#include "quiz/package_checks.hpp"

#include "quiz/suggest.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace repere::quiz {

using nlohmann::json;

namespace {

using Names = std::vector<std::string>;

std::string itemPointer(std::size_t s, std::size_t i) {
    return pointerJoin(pointerJoin(pointerJoin("/sections", s), "items"), i);
}

bool startsWith(const std::string& s, const std::string& prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// Where an expression is evaluated decides which answers are known by then.
struct ExprPlace {
    enum Kind { ShowIf, Next, Result } kind;
    std::size_t section = 0;
};

class PackageChecker {
public:
    PackageChecker(const Quiz& q, const ReadExtras& extras, Reporter& r)
        : q_(q), extras_(extras), r_(r) {}

    void run() {
        indexItems();
        checkSectionIds();
        checkUnusedAssets();
        checkReadAloud();
        for (std::size_t s = 0; s < q_.sections.size(); ++s) {
            const Section& sec = q_.sections[s];
            std::string ptr = pointerJoin("/sections", s);
            if (!sec.showIf.is_null()) {
                checkExpr(sec.showIf, pointerJoin(ptr, "showIf"), {ExprPlace::ShowIf, s});
                if (sec.showIf == json(false)) {
                    r_.warning(pointerJoin(ptr, "showIf"),
                               "this section is never shown (showIf is false)");
                }
            }
            for (std::size_t k = 0; k < sec.next.size(); ++k) {
                std::string rulePtr = pointerJoin(pointerJoin(ptr, "next"), k);
                if (!sec.next[k].condition.is_null()) {
                    checkExpr(sec.next[k].condition, pointerJoin(rulePtr, "if"),
                              {ExprPlace::Next, s});
                }
            }
        }
        for (std::size_t k = 0; k < q_.resultMessages.size(); ++k) {
            if (!q_.resultMessages[k].condition.is_null()) {
                checkExpr(q_.resultMessages[k].condition,
                          pointerJoin(pointerJoin("/results", k), "if"), {ExprPlace::Result, 0});
            }
        }
        checkRouting();
    }

private:
    struct ItemPlace {
        std::size_t section;
        std::size_t index;
    };

    void indexItems() {
        std::map<std::string, std::string> variableAt;
        for (std::size_t s = 0; s < q_.sections.size(); ++s) {
            const auto& items = q_.sections[s].items;
            for (std::size_t i = 0; i < items.size(); ++i) {
                const Item& item = items[i];
                if (!item.id.empty()) {
                    auto [it, fresh] = items_.emplace(item.id, ItemPlace{s, i});
                    if (!fresh) {
                        r_.error(pointerJoin(itemPointer(s, i), "id"),
                                 "duplicate item id " + inQuotes(item.id) + " (also at " +
                                     itemPointer(it->second.section, it->second.index) + ")");
                    }
                }
                if (item.type == ItemType::Profile && !item.variable.empty()) {
                    auto [it, fresh] = variableAt.emplace(item.variable, itemPointer(s, i));
                    if (!fresh) {
                        r_.error(pointerJoin(itemPointer(s, i), "variable"),
                                 "profile variable " + inQuotes(item.variable) +
                                     " is already set by " + it->second);
                    } else {
                        profiles_[item.variable] = &item;
                    }
                }
            }
        }
    }

    void checkSectionIds() {
        for (std::size_t s = 0; s < q_.sections.size(); ++s) {
            const std::string& id = q_.sections[s].id;
            if (id.empty()) {
                continue;
            }
            if (sectionIndex_.count(id)) {
                r_.error(pointerJoin(pointerJoin("/sections", s), "id"),
                         "duplicate section id " + inQuotes(id));
                continue;
            }
            sectionIndex_[id] = s;
            sectionIds_.push_back(id);
        }
    }

    void checkUnusedAssets() {
        std::set<std::string> used(extras_.usedAssets.begin(), extras_.usedAssets.end());
        for (std::size_t i = 0; i < q_.assets.size(); ++i) {
            if (!q_.assets[i].id.empty() && !used.count(q_.assets[i].id)) {
                r_.warning(pointerJoin("/assets", i),
                           "asset " + inQuotes(q_.assets[i].id) + " is never used");
            }
        }
    }

    // A reading item whose written answers the kiosk would read aloud tests listening instead:
    // warn so the author adds readAloud "instructionOnly" (the kiosk then shows no speaker on
    // them). Sound options of such an item would be played all the same: also a warning.
    void checkReadAloud() {
        for (std::size_t s = 0; s < q_.sections.size(); ++s) {
            const auto& items = q_.sections[s].items;
            for (std::size_t i = 0; i < items.size(); ++i) {
                const Item& item = items[i];
                const Skill* skill = q_.framework.findSkill(item.skill);
                const bool spokenText =
                    std::any_of(item.options.begin(), item.options.end(),
                                [](const Option& o) { return o.image.empty() && o.audio.empty(); });
                if (item.type == ItemType::Choice && skill && skill->testsReading && spokenText &&
                    item.readAloud == ReadAloud::All) {
                    r_.warning(itemPointer(s, i),
                               "item " + inQuotes(item.id) + " tests reading (skill " +
                                   inQuotes(item.skill) +
                                   "), but the kiosk would read its written answers aloud; add "
                                   "\"readAloud\": \"instructionOnly\"");
                }
                if (item.readAloud != ReadAloud::InstructionOnly) {
                    continue;
                }
                for (std::size_t k = 0; k < item.options.size(); ++k) {
                    if (!item.options[k].audio.empty()) {
                        r_.warning(pointerJoin(pointerJoin(itemPointer(s, i), "options"), k),
                                   "this option has a sound, but the item says readAloud "
                                   "\"instructionOnly\": the sound would give the answer away");
                    }
                }
            }
        }
    }

    // ---- expressions -------------------------------------------------------------------------

    void checkExpr(const json& e, const std::string& ptr, ExprPlace place) {
        if (e.is_primitive()) {
            return; // literal: number, string, true/false, null
        }
        if (e.is_array()) {
            for (std::size_t i = 0; i < e.size(); ++i) {
                checkExpr(e[i], pointerJoin(ptr, i), place);
            }
            return;
        }
        static const Names ops = {"var", "==", "!=", "<", "<=", ">", ">=", "and", "or", "!", "in"};
        if (e.size() != 1) {
            r_.error(ptr,
                     "an operation is an object with exactly one operator, e.g. {\"==\": [a, b]}");
            return;
        }
        const std::string& op = e.begin().key();
        const json& args = e.begin().value();
        std::string argsPtr = pointerJoin(ptr, op);
        if (std::find(ops.begin(), ops.end(), op) == ops.end()) {
            r_.error(argsPtr, "unknown operator " + inQuotes(op) + didYouMean(op, ops) +
                                  "; operators are var, ==, !=, <, <=, >, >=, and, or, !, in");
            return;
        }
        if (op == "var") {
            checkVar(args, argsPtr, place);
            return;
        }
        if (op == "!") {
            if (args.is_array() && args.size() != 1) {
                r_.error(argsPtr, "\"!\" takes one value");
                return;
            }
            checkExpr(args.is_array() ? args[0] : args,
                      args.is_array() ? pointerJoin(argsPtr, 0) : argsPtr, place);
            return;
        }
        if (!args.is_array()) {
            r_.error(argsPtr,
                     inQuotes(op) + " takes an array of values, e.g. {\"" + op + "\": [a, b]}");
            return;
        }
        if (op == "and" || op == "or") {
            if (args.empty()) {
                r_.error(argsPtr, inQuotes(op) + " needs at least one condition");
            }
        } else if (args.size() != 2) {
            r_.error(argsPtr, inQuotes(op) + " compares exactly two values, found " +
                                  std::to_string(args.size()));
            return;
        }
        for (std::size_t i = 0; i < args.size(); ++i) {
            // The second argument of "in" may be a literal list of values.
            if (op == "in" && i == 1 && args[i].is_array()) {
                continue;
            }
            checkExpr(args[i], pointerJoin(argsPtr, i), place);
        }
        if (op == "==" || op == "!=" || op == "in") {
            checkProfileValues(op, args, argsPtr);
        }
    }

    static std::string varPath(const json& v) {
        if (v.is_object() && v.size() == 1 && v.contains("var")) {
            const json& p = v["var"];
            if (p.is_string()) {
                return p.get<std::string>();
            }
            if (p.is_array() && !p.empty() && p[0].is_string()) {
                return p[0].get<std::string>();
            }
        }
        return {};
    }

    // {"==": [{"var": "profile.lit"}, "yess"]}: the value must be one of the profile's options.
    void checkProfileValues(const std::string& op, const json& args, const std::string& argsPtr) {
        for (std::size_t side = 0; side < 2; ++side) {
            std::string path = varPath(args[side]);
            if (!startsWith(path, "profile.")) {
                continue;
            }
            auto it = profiles_.find(path.substr(8));
            if (it == profiles_.end()) {
                continue;
            }
            Names ids;
            for (const auto& o : it->second->options) {
                ids.push_back(o.id);
            }
            std::size_t other = 1 - side;
            std::vector<std::pair<const json*, std::string>> values;
            if (args[other].is_string()) {
                values.emplace_back(&args[other], pointerJoin(argsPtr, other));
            } else if (op == "in" && args[other].is_array()) {
                for (std::size_t k = 0; k < args[other].size(); ++k) {
                    values.emplace_back(&args[other][k],
                                        pointerJoin(pointerJoin(argsPtr, other), k));
                }
            }
            for (const auto& [value, at] : values) {
                if (value->is_string() &&
                    std::find(ids.begin(), ids.end(), value->get<std::string>()) == ids.end()) {
                    r_.error(at, inQuotes(value->get<std::string>()) +
                                     " is not an option of profile " + inQuotes(it->first) +
                                     didYouMean(value->get<std::string>(), ids));
                }
            }
        }
    }

    void checkVar(const json& args, const std::string& ptr, ExprPlace place) {
        const json* pathValue = &args;
        std::string pathPtr = ptr;
        if (args.is_array()) {
            if (args.empty() || args.size() > 2) {
                r_.error(ptr, "\"var\" takes a path, or [path, default value]");
                return;
            }
            pathValue = &args[0];
            pathPtr = pointerJoin(ptr, 0);
        }
        if (!pathValue->is_string()) {
            r_.error(pathPtr, "a variable path is a string such as \"profile.lit_latin\"");
            return;
        }
        const std::string path = pathValue->get<std::string>();
        auto itemRef = [&](const std::string& id) {
            auto it = items_.find(id);
            if (it == items_.end()) {
                r_.error(pathPtr, "unknown item " + inQuotes(id) + " in " + inQuotes(path) +
                                      didYouMean(id, itemIds()));
                return;
            }
            bool later = (place.kind == ExprPlace::ShowIf && it->second.section >= place.section) ||
                         (place.kind == ExprPlace::Next && it->second.section > place.section);
            if (later) {
                r_.warning(pathPtr,
                           "item " + inQuotes(id) +
                               " comes later in the quiz: its answer is not known yet here");
            }
        };
        auto sectionRef = [&](const std::string& id) {
            if (!sectionIndex_.count(id)) {
                r_.error(pathPtr, "unknown section " + inQuotes(id) + " in " + inQuotes(path) +
                                      didYouMean(id, sectionIds_));
            }
        };
        auto skillRef = [&](const std::string& id) {
            if (!q_.framework.findSkill(id)) {
                Names ids;
                for (const auto& s : q_.framework.skills) {
                    ids.push_back(s.id);
                }
                r_.error(pathPtr, "unknown skill " + inQuotes(id) + " in " + inQuotes(path) +
                                      didYouMean(id, ids));
            }
        };
        if (startsWith(path, "answer.")) {
            itemRef(path.substr(7));
        } else if (startsWith(path, "score.item.")) {
            itemRef(path.substr(11));
        } else if (startsWith(path, "profile.")) {
            std::string var = path.substr(8);
            if (!profiles_.count(var)) {
                Names vars;
                for (const auto& [name, item] : profiles_) {
                    vars.push_back(name);
                }
                r_.error(pathPtr, "no profile item sets the variable " + inQuotes(var) +
                                      didYouMean(var, vars));
            }
        } else if (startsWith(path, "score.section.")) {
            sectionRef(path.substr(14));
        } else if (startsWith(path, "percent.section.")) {
            sectionRef(path.substr(16));
        } else if (startsWith(path, "dontknow.section.")) {
            sectionRef(path.substr(17));
        } else if (startsWith(path, "percent.skill.")) {
            skillRef(path.substr(14));
        } else if (startsWith(path, "level.")) {
            skillRef(path.substr(6));
        } else {
            r_.error(pathPtr,
                     "unknown variable " + inQuotes(path) +
                         ": variables start with answer., profile., score.item., score.section., "
                         "percent.section., percent.skill., level. or dontknow.section.");
        }
    }

    Names itemIds() const {
        Names ids;
        for (const auto& [id, place] : items_) {
            ids.push_back(id);
        }
        return ids;
    }

    // ---- routing -------------------------------------------------------------------------------

    void checkRouting() {
        const std::size_t n = q_.sections.size();
        std::vector<std::vector<std::size_t>> successors(n);
        for (std::size_t s = 0; s < n; ++s) {
            const Section& sec = q_.sections[s];
            std::string ptr = pointerJoin("/sections", s);
            bool unconditional = false;
            for (std::size_t k = 0; k < sec.next.size(); ++k) {
                const NextRule& rule = sec.next[k];
                std::string rulePtr = pointerJoin(pointerJoin(ptr, "next"), k);
                if (unconditional) {
                    r_.warning(
                        rulePtr,
                        "this rule is never used: an earlier rule of the section always applies");
                    continue;
                }
                bool never = rule.condition == json(false);
                bool always = rule.condition.is_null() || rule.condition == json(true);
                const std::string& target = rule.gotoSection;
                std::string gotoPtr = pointerJoin(rulePtr, "goto");
                if (target == "end") {
                    // ends the quiz: no successor
                } else if (!target.empty()) {
                    auto it = sectionIndex_.find(target);
                    if (it == sectionIndex_.end()) {
                        r_.error(gotoPtr, "unknown section " + inQuotes(target) +
                                              " (a section id or \"end\")" +
                                              didYouMean(target, sectionIds_));
                    } else if (it->second <= s) {
                        r_.error(gotoPtr,
                                 "goto " + inQuotes(target) +
                                     (it->second == s ? " goes back to this same section"
                                                      : " goes back to an earlier section") +
                                     ": the quiz could loop; gotos only go forward");
                    } else if (!never) {
                        successors[s].push_back(it->second);
                    }
                }
                if (always) {
                    unconditional = true;
                }
            }
            // A section hidden by showIf passes on to the next one, as does one whose rules all
            // fail.
            if ((!unconditional || !sec.showIf.is_null()) && s + 1 < n) {
                successors[s].push_back(s + 1);
            }
        }
        if (n == 0) {
            return;
        }
        std::vector<bool> reached(n, false);
        reached[0] = true;
        // Gotos only go forward, so one pass in order visits every reachable section.
        for (std::size_t s = 0; s < n; ++s) {
            if (!reached[s]) {
                continue;
            }
            for (std::size_t t : successors[s]) {
                reached[t] = true;
            }
        }
        for (std::size_t s = 0; s < n; ++s) {
            if (!reached[s]) {
                r_.error(pointerJoin("/sections", s),
                         "section " + inQuotes(q_.sections[s].id) +
                             " can never be reached: every route before it jumps over it");
            }
        }
    }

    const Quiz& q_;
    const ReadExtras& extras_;
    Reporter& r_;
    std::map<std::string, ItemPlace> items_;
    std::map<std::string, const Item*> profiles_;
    std::map<std::string, std::size_t> sectionIndex_;
    Names sectionIds_;
};

} // namespace

void checkPackage(const Quiz& quiz, const ReadExtras& extras, Reporter& report) {
    PackageChecker(quiz, extras, report).run();
}

} // namespace repere::quiz
