#include "quiz/package_reader.hpp"

#include "quiz/json_fields.hpp"
#include "quiz/media.hpp"
#include "quiz/suggest.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>
#include <unordered_map>

namespace repere::quiz {

using nlohmann::json;

namespace {

using Names = std::vector<std::string>;

const Names kRootFields = {"$schema", "format",      "formatVersion", "id",      "version",
                           "title",   "description", "defaultLocale", "locales", "framework",
                           "assets",  "adaptive",    "sections",      "results"};
const Names kEnvelopeFields = {
    "id",       "rev",        "type",       "skill",       "competence",
    "level",    "difficulty", "practice",   "instruction", "instructionAudio",
    "stimulus", "dontKnow",   "timeLimitS", "scoring"};

// Fields each item type adds to the envelope.
const Names& typeFields(ItemType t) {
    static const Names choice = {"multiple", "options", "correct"};
    static const Names hotspot = {"image", "areas", "correct"};
    static const Names match = {"options", "right", "pairs"};
    static const Names order = {"options", "correct"};
    static const Names gaps = {"text", "gaps", "options"};
    static const Names form = {"fields"};
    static const Names mark = {"text", "correct"};
    static const Names write = {"maxLength"};
    static const Names speak = {"maxDurationS"};
    static const Names none = {};
    static const Names profile = {"variable", "multiple", "options"};
    static const Names sim = {"scenario", "sim", "endStates"};
    switch (t) {
    case ItemType::Choice:
        return choice;
    case ItemType::Hotspot:
        return hotspot;
    case ItemType::Match:
        return match;
    case ItemType::Order:
        return order;
    case ItemType::Gaps:
        return gaps;
    case ItemType::Form:
        return form;
    case ItemType::Mark:
        return mark;
    case ItemType::Write:
        return write;
    case ItemType::Speak:
        return speak;
    case ItemType::Info:
        return none;
    case ItemType::Profile:
        return profile;
    case ItemType::Sim:
        return sim;
    }
    return none;
}

const Names kAllItemTypes = {"choice", "hotspot", "match", "order", "gaps",    "form",
                             "mark",   "write",   "speak", "info",  "profile", "sim"};

Names collectAllTypeFields() {
    Names out;
    for (const auto& name : kAllItemTypes) {
        for (const auto& f : typeFields(*itemTypeFromString(name))) {
            if (std::find(out.begin(), out.end(), f) == out.end()) {
                out.push_back(f);
            }
        }
    }
    return out;
}

// Every type's own fields (for "not used by items of type X" instead of "unknown field").
const Names& allTypeFields() {
    static const Names all = collectAllTypeFields();
    return all;
}

// What an item of type `t` may contain: the envelope plus its type's fields. Built once per
// type: the reader asks for every item of a package.
const Names& allowedItemFields(ItemType t) {
    static const std::vector<Names> byType = [] {
        std::vector<Names> out;
        for (const auto& name : kAllItemTypes) {
            Names allowed = kEnvelopeFields;
            const Names& extra = typeFields(*itemTypeFromString(name));
            allowed.insert(allowed.end(), extra.begin(), extra.end());
            out.push_back(std::move(allowed));
        }
        return out;
    }();
    return byType.at(static_cast<std::size_t>(t));
}

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

std::string joinNames(const Names& names) {
    std::string out;
    for (const auto& n : names) {
        out += out.empty() ? "" : ", ";
        out += n;
    }
    return out;
}

bool contains(const Names& names, const std::string& s) {
    return std::find(names.begin(), names.end(), s) != names.end();
}

// Words of a mark item: split on spaces, as the kiosk shows them.
Names splitWords(const std::string& text) {
    Names words;
    std::string current;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t') {
            if (!current.empty()) {
                words.push_back(std::move(current));
                current.clear();
            }
        } else {
            current += c;
        }
    }
    if (!current.empty()) {
        words.push_back(std::move(current));
    }
    return words;
}

class Reader {
    // std::regex compiles slowly (tens of microseconds); packages repeat the same few patterns
    // (postcode, phone) across many form items, so each distinct pattern is compiled once.
    const std::string& patternProblem(const std::string& pattern) {
        auto [it, fresh] = patternProblems_.try_emplace(pattern);
        if (fresh) {
            try {
                std::regex re(pattern, std::regex::ECMAScript);
            } catch (const std::regex_error& e) {
                it->second = e.what();
            }
        }
        return it->second;
    }
    std::unordered_map<std::string, std::string> patternProblems_; // pattern -> "" when it compiles

public:
    Reader(const json& doc, Reporter& report, ReadExtras& extras)
        : doc_(doc), r_(report), extras_(extras) {}

    Quiz read() {
        Fields root(doc_, "", r_, "the quiz file");
        root.allowOnly(kRootFields);
        readHeader(root);
        if (const json* fw = root.get("framework")) {
            readFramework(*fw, "/framework");
        } else {
            root.missing("framework");
        }
        if (const json* assets = root.array("assets")) {
            readAssets(*assets, "/assets");
        }
        if (const json* adaptive = root.get("adaptive")) {
            readAdaptive(*adaptive, "/adaptive");
        }
        if (const json* sections = root.array("sections", true)) {
            if (sections->empty()) {
                r_.error("/sections", "a quiz needs at least one section");
            }
            for (std::size_t i = 0; i < sections->size(); ++i) {
                q_.sections.push_back(readSection((*sections)[i], pointerJoin("/sections", i)));
            }
        }
        if (const json* results = root.array("results")) {
            for (std::size_t i = 0; i < results->size(); ++i) {
                std::string ptr = pointerJoin("/results", i);
                Fields f((*results)[i], ptr, r_, "a result message");
                f.allowOnly({"if", "text"});
                ResultMessage m;
                if (const json* c = f.get("if")) {
                    m.condition = *c;
                }
                m.text = text(f, "text", true);
                q_.resultMessages.push_back(std::move(m));
            }
        }
        return std::move(q_);
    }

private:
    // ---- localised text and references ------------------------------------------------------

    LocalizedText text(const Fields& f, std::string_view key, bool required) {
        LocalizedText out;
        const json* v = f.get(key);
        if (!v) {
            if (required) {
                f.missing(key);
            }
            return out;
        }
        std::string ptr = f.at(key);
        if (v->is_string()) {
            if (required && v->get_ref<const std::string&>().empty()) {
                r_.error(ptr, "the text is empty");
            }
            out.byLocale[q_.defaultLocale] = v->get<std::string>();
            return out;
        }
        if (!v->is_object()) {
            r_.error(
                ptr,
                std::string(
                    "expected a text (a string or {\"fr\": \"...\", \"en\": \"...\"}), found ") +
                    jsonKindName(*v));
            return out;
        }
        for (const auto& [locale, value] : v->items()) {
            std::string at = pointerJoin(ptr, locale);
            if (!contains(q_.locales, locale)) {
                r_.error(at, "locale " + inQuotes(locale) + " is not in \"locales\" (" +
                                 joinNames(q_.locales) + ")" + didYouMean(locale, q_.locales));
                continue;
            }
            if (auto s = asString(value, at, r_)) {
                out.byLocale[locale] = *s;
            }
        }
        if (!v->contains(q_.defaultLocale)) {
            r_.error(ptr, "no text for the default locale " + inQuotes(q_.defaultLocale));
        }
        return out;
    }

    // Checks an asset reference; returns the id (even when wrong, so the model keeps it).
    std::string assetRef(const json& v, const std::string& ptr, AssetKind kind) {
        auto id = asString(v, ptr, r_);
        if (!id) {
            return {};
        }
        extras_.usedAssets.push_back(*id);
        const Asset* a = q_.findAsset(*id);
        if (!a) {
            Names ids;
            for (const auto& asset : q_.assets) {
                ids.push_back(asset.id);
            }
            r_.error(ptr, "unknown asset " + inQuotes(*id) + " (declare it in \"assets\")" +
                              didYouMean(*id, ids));
        } else if (a->kind != kind && assetKindFromPath(a->path)) {
            r_.error(ptr, "asset " + inQuotes(*id) +
                              (a->kind == AssetKind::Audio ? " is a sound" : " is a picture") +
                              ", " + (kind == AssetKind::Audio ? "a sound" : "a picture") +
                              " is needed here");
        }
        return *id;
    }

    std::string assetField(const Fields& f, std::string_view key, AssetKind kind,
                           bool required = false) {
        const json* v = f.get(key);
        if (!v) {
            if (required) {
                f.missing(key);
            }
            return {};
        }
        return assetRef(*v, f.at(key), kind);
    }

    Names skillIds() const {
        Names ids;
        for (const auto& s : q_.framework.skills) {
            ids.push_back(s.id);
        }
        return ids;
    }

    Names levelIds() const {
        Names ids;
        for (const auto& l : q_.framework.levels) {
            ids.push_back(l.id);
        }
        return ids;
    }

    std::string skillRef(const Fields& f, std::string_view key, bool required) {
        auto id = f.string(key, required);
        if (!id) {
            return {};
        }
        if (!q_.framework.findSkill(*id)) {
            r_.error(f.at(key), "unknown skill " + inQuotes(*id) + " (skills: " +
                                    joinNames(skillIds()) + ")" + didYouMean(*id, skillIds()));
        }
        return *id;
    }

    std::string levelRef(const Fields& f, std::string_view key) {
        auto id = f.string(key);
        if (!id) {
            return {};
        }
        if (!q_.framework.levelIndex(*id)) {
            r_.error(f.at(key), "unknown level " + inQuotes(*id) + " (levels: " +
                                    joinNames(levelIds()) + ")" + didYouMean(*id, levelIds()));
        }
        return *id;
    }

    // An array of ids (option ids, area ids...). Reports non-strings and repeats.
    Names idList(const Fields& f, std::string_view key, bool required) {
        Names out;
        const json* arr = f.array(key, required);
        if (!arr) {
            return out;
        }
        for (std::size_t i = 0; i < arr->size(); ++i) {
            std::string ptr = pointerJoin(f.at(key), i);
            if (auto s = asString((*arr)[i], ptr, r_)) {
                if (contains(out, *s)) {
                    r_.error(ptr, inQuotes(*s) + " is listed twice");
                }
                out.push_back(*s);
            }
        }
        return out;
    }

    void checkMembers(const Names& ids, const std::string& ptr, const Names& known,
                      const std::string& what) {
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (!contains(known, ids[i])) {
                r_.error(pointerJoin(ptr, i),
                         "unknown " + what + " " + inQuotes(ids[i]) + didYouMean(ids[i], known));
            }
        }
    }

    // Reports repeated ids in a list already read; `key` is the id field name.
    template <typename T>
    void checkUniqueIds(const std::vector<T>& list, const std::string& arrayPtr,
                        const std::string& what) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string& id = list[i].id;
            if (id.empty()) {
                continue;
            }
            if (!seen.insert(id).second) {
                r_.error(pointerJoin(pointerJoin(arrayPtr, i), "id"),
                         "duplicate " + what + " id " + inQuotes(id));
            }
        }
    }

    // ---- package header, framework, assets, adaptive ------------------------------------------

    void readHeader(const Fields& root) {
        if (auto format = root.string("format", true); format && *format != "repere-quiz") {
            r_.error(root.at("format"), "must be \"repere-quiz\", found " + inQuotes(*format));
        }
        if (auto v = root.integer("formatVersion", 1, 1000, true); v && *v != 1) {
            r_.error(root.at("formatVersion"),
                     "format version " + std::to_string(*v) +
                         " is not supported: this Repère reads version 1");
        }
        q_.id = root.id("id", true).value_or("");
        q_.version = root.string("version", true).value_or("");
        if (root.has("version") && q_.version.empty()) {
            r_.error(root.at("version"), "the version is empty (e.g. \"1.0.0\")");
        }
        if (auto def = root.string("defaultLocale")) {
            q_.defaultLocale = *def;
        }
        if (const json* locales = root.array("locales")) {
            for (std::size_t i = 0; i < locales->size(); ++i) {
                std::string ptr = pointerJoin("/locales", i);
                if (auto l = asString((*locales)[i], ptr, r_)) {
                    static const std::regex localeRe("[a-z]{2,3}(-[A-Z]{2})?");
                    if (!std::regex_match(*l, localeRe)) {
                        r_.error(ptr, "invalid locale " + inQuotes(*l) +
                                          " (use a language code such as \"fr\", \"en\", \"ar\")");
                    } else if (contains(q_.locales, *l)) {
                        r_.error(ptr, "locale " + inQuotes(*l) + " is listed twice");
                    } else {
                        q_.locales.push_back(*l);
                    }
                }
            }
            if (locales->empty()) {
                r_.error("/locales", "list at least one locale");
            }
        }
        if (q_.locales.empty()) {
            q_.locales.push_back(q_.defaultLocale);
        } else if (!contains(q_.locales, q_.defaultLocale)) {
            r_.error(root.has("defaultLocale") ? "/defaultLocale" : "/locales",
                     "the default locale " + inQuotes(q_.defaultLocale) + " is not in \"locales\"");
        }
        q_.title = text(root, "title", true);
        q_.description = text(root, "description", false);
    }

    // framework.canDo: {"<skill id>": {"<level id>": text}} (read after skills and levels). Every
    // id must name a skill or level of the framework, and each text must fit one line of the
    // bilan. A skill or level left out falls back to the level's own "canDo".
    void readCanDo(const json& table, const std::string& ptr) {
        for (const auto& [skillId, perLevel] : table.items()) {
            const std::string at = pointerJoin(ptr, skillId);
            if (!q_.framework.findSkill(skillId)) {
                r_.error(at, "unknown skill " + inQuotes(skillId) + " (skills: " +
                                 joinNames(skillIds()) + ")" + didYouMean(skillId, skillIds()));
                continue;
            }
            Fields levels(perLevel, at, r_, "the can-do lines of a skill ({\"<level id>\": text})");
            if (!perLevel.is_object()) {
                continue;
            }
            auto& lines = q_.framework.canDo[skillId];
            for (const auto& [levelId, value] : perLevel.items()) {
                const std::string lat = pointerJoin(at, levelId);
                if (!q_.framework.levelIndex(levelId)) {
                    r_.error(lat, "unknown level " + inQuotes(levelId) +
                                      " (levels: " + joinNames(levelIds()) + ")" +
                                      didYouMean(levelId, levelIds()));
                    continue;
                }
                LocalizedText line = text(levels, levelId, true);
                for (const auto& [locale, words] : line.byLocale) {
                    const std::size_t chars = ::repere::text::decodeUtf8(words).size();
                    if (chars > kCanDoMaxChars) {
                        r_.error(value.is_string() ? lat : pointerJoin(lat, locale),
                                 "too long for one line of the bilan: " + std::to_string(chars) +
                                     " characters, at most " + std::to_string(kCanDoMaxChars) +
                                     " (say it in fewer words)");
                    }
                }
                lines[levelId] = std::move(line);
            }
        }
    }

    void readFramework(const json& j, const std::string& ptr) {
        Fields f(j, ptr, r_, "the framework");
        f.allowOnly({"skills", "levels", "canDo", "cutPoints"});
        if (const json* skills = f.array("skills", true)) {
            if (skills->empty()) {
                r_.error(f.at("skills"), "list at least one skill");
            }
            for (std::size_t i = 0; i < skills->size(); ++i) {
                Fields s((*skills)[i], pointerJoin(f.at("skills"), i), r_, "a skill");
                s.allowOnly({"id", "title", "description", "competences"});
                Skill skill;
                skill.id = s.id("id", true).value_or("");
                skill.title = text(s, "title", true);
                skill.description = text(s, "description", false);
                skill.competences = idList(s, "competences", false);
                q_.framework.skills.push_back(std::move(skill));
            }
            checkUniqueIds(q_.framework.skills, f.at("skills"), "skill");
        }
        if (const json* levels = f.array("levels", true)) {
            if (levels->empty()) {
                r_.error(f.at("levels"), "list at least one level, from the lowest to the highest");
            }
            for (std::size_t i = 0; i < levels->size(); ++i) {
                Fields l((*levels)[i], pointerJoin(f.at("levels"), i), r_, "a level");
                l.allowOnly({"id", "title", "canDo"});
                Level level;
                level.id = l.id("id", true).value_or("");
                level.title = text(l, "title", true);
                level.canDo = text(l, "canDo", false);
                q_.framework.levels.push_back(std::move(level));
            }
            checkUniqueIds(q_.framework.levels, f.at("levels"), "level");
        }
        if (const json* table = f.object("canDo")) {
            readCanDo(*table, f.at("canDo"));
        }
        if (const json* cuts = f.array("cutPoints", true)) {
            for (std::size_t i = 0; i < cuts->size(); ++i) {
                std::string at = pointerJoin(f.at("cutPoints"), i);
                if (auto v = asNumber((*cuts)[i], at, r_)) {
                    if (!q_.framework.cutPoints.empty() && *v <= q_.framework.cutPoints.back()) {
                        r_.error(at, "cut-points must go up strictly: " + (*cuts)[i].dump() +
                                         " is not above " + (*cuts)[i - 1].dump());
                    }
                    q_.framework.cutPoints.push_back(*v);
                }
            }
            std::size_t levels = q_.framework.levels.size();
            if (levels > 0 && cuts->size() != levels - 1) {
                r_.error(f.at("cutPoints"), "expected " + std::to_string(levels - 1) +
                                                " cut-points (one less than the " +
                                                std::to_string(levels) + " levels), found " +
                                                std::to_string(cuts->size()));
            }
        }
    }

    void readAssets(const json& arr, const std::string& ptr) {
        for (std::size_t i = 0; i < arr.size(); ++i) {
            Fields f(arr[i], pointerJoin(ptr, i), r_, "an asset");
            f.allowOnly({"id", "path", "sha256", "alt", "transcript"});
            Asset a;
            a.id = f.id("id", true).value_or("");
            a.path = f.string("path", true).value_or("");
            if (f.has("path")) {
                if (auto problem = mediaPathProblem(a.path); !problem.empty()) {
                    r_.error(f.at("path"), problem);
                } else if (auto kind = assetKindFromPath(a.path)) {
                    a.kind = *kind;
                } else {
                    r_.error(f.at("path"),
                             "unsupported file type: pictures are .png or .jpg, sounds are "
                             ".ogg, .opus, .flac or .wav");
                }
            }
            if (auto hash = f.string("sha256")) {
                static const std::regex hexRe("[0-9a-f]{64}");
                if (!std::regex_match(*hash, hexRe)) {
                    r_.error(f.at("sha256"), "expected 64 lowercase hexadecimal characters "
                                             "(run `repere quiz fix-hashes` to fill it in)");
                } else {
                    a.sha256 = *hash;
                }
            } else if (f.isObject() && !f.has("sha256")) {
                r_.error(f.at("sha256"), "missing required field \"sha256\" (run `repere quiz "
                                         "fix-hashes PACKAGE` to fill it in)");
            }
            a.alt = text(f, "alt", false);
            a.transcript = f.string("transcript").value_or("");
            if (a.kind == AssetKind::Image && a.alt.empty() && f.has("path")) {
                r_.warning(f.at("alt"),
                           "a picture should say what it shows in \"alt\" (read aloud on request)");
            }
            if (a.kind == AssetKind::Audio && f.has("alt")) {
                r_.error(f.at("alt"), "\"alt\" is for pictures; sounds have a \"transcript\"");
            }
            if (a.kind == AssetKind::Image && f.has("transcript")) {
                r_.error(f.at("transcript"),
                         "\"transcript\" is for sounds; pictures have an \"alt\" text");
            }
            q_.assets.push_back(std::move(a));
        }
        checkUniqueIds(q_.assets, ptr, "asset");
    }

    void readAdaptive(const json& j, const std::string& ptr) {
        Fields f(j, ptr, r_, "the adaptive settings");
        f.allowOnly({"seTarget", "levelConfidence", "minItems", "maxItems", "topK", "priorMean",
                     "priorSd", "levelGates"});
        AdaptiveSettings& a = q_.adaptive;
        if (auto v = f.number("seTarget")) {
            if (*v <= 0 || *v > 5) {
                r_.error(f.at("seTarget"), "must be above 0 and at most 5 (e.g. 0.45)");
            } else {
                a.seTarget = *v;
            }
        }
        if (auto v = f.number("levelConfidence")) {
            if (*v < 0 || *v > 1) {
                r_.error(f.at("levelConfidence"), "must be between 0 (off) and 1 (e.g. 0.75)");
            } else {
                a.levelConfidence = *v;
            }
        }
        a.minItems = static_cast<int>(f.integer("minItems", 1, 1000).value_or(a.minItems));
        a.maxItems = static_cast<int>(f.integer("maxItems", 1, 1000).value_or(a.maxItems));
        if (a.minItems > a.maxItems) {
            r_.error(f.at("minItems"), "minItems (" + std::to_string(a.minItems) +
                                           ") is above maxItems (" + std::to_string(a.maxItems) +
                                           ")");
        }
        a.topK = static_cast<int>(f.integer("topK", 1, 100).value_or(a.topK));
        a.priorMean = f.number("priorMean").value_or(a.priorMean);
        if (auto v = f.number("priorSd")) {
            if (*v <= 0) {
                r_.error(f.at("priorSd"), "must be above 0 (e.g. 1.5)");
            } else {
                a.priorSd = *v;
            }
        }
        a.levelGates = f.boolean("levelGates").value_or(a.levelGates);
    }

    // ---- sections
    // --------------------------------------------------------------------------------

    Section readSection(const json& j, const std::string& ptr) {
        Fields f(j, ptr, r_, "a section");
        f.allowOnly({"id", "title", "mode", "skill", "pick", "shuffle", "showIf", "skipLevel",
                     "next", "items"});
        Section s;
        s.id = f.id("id", true).value_or("");
        if (s.id == "end") {
            r_.error(f.at("id"), "\"end\" is reserved for \"goto\": choose another section id");
        }
        s.title = text(f, "title", false);
        if (auto mode = f.string("mode")) {
            if (*mode == "adaptive") {
                s.mode = Section::Mode::Adaptive;
            } else if (*mode != "linear") {
                r_.error(f.at("mode"), "mode must be \"linear\" or \"adaptive\", found " +
                                           inQuotes(*mode) +
                                           didYouMean(*mode, {"linear", "adaptive"}));
            }
        }
        bool adaptive = s.mode == Section::Mode::Adaptive;
        s.skill = skillRef(f, "skill", adaptive);
        s.shuffle = f.boolean("shuffle").value_or(false);
        if (const json* c = f.get("showIf")) {
            s.showIf = *c;
        }
        s.skipLevel = levelRef(f, "skipLevel");
        if (f.has("skipLevel") && s.skill.empty()) {
            r_.error(f.at("skipLevel"), "skipLevel needs the section's \"skill\"");
        }
        if (const json* next = f.array("next")) {
            for (std::size_t i = 0; i < next->size(); ++i) {
                Fields n((*next)[i], pointerJoin(f.at("next"), i), r_, "a routing rule");
                n.allowOnly({"if", "goto"});
                NextRule rule;
                if (const json* c = n.get("if")) {
                    rule.condition = *c;
                }
                rule.gotoSection = n.string("goto", true).value_or("");
                s.next.push_back(std::move(rule));
            }
        }
        std::vector<bool> difficulty;
        if (const json* items = f.array("items", true)) {
            if (items->empty()) {
                r_.error(f.at("items"), "a section needs at least one item");
            }
            for (std::size_t i = 0; i < items->size(); ++i) {
                bool hasDifficulty = false;
                s.items.push_back(
                    readItem((*items)[i], pointerJoin(f.at("items"), i), hasDifficulty));
                difficulty.push_back(hasDifficulty);
            }
        }
        extras_.hasDifficulty.push_back(std::move(difficulty));
        if (auto pick = f.integer("pick", 0, 100000)) {
            s.pick = static_cast<int>(*pick);
            if (adaptive) {
                r_.error(f.at("pick"),
                         "pick is for linear sections; adaptive sections stop by themselves");
            } else if (static_cast<std::size_t>(s.pick) > s.items.size()) {
                r_.error(f.at("pick"), "pick " + std::to_string(s.pick) + " is more than the " +
                                           std::to_string(s.items.size()) +
                                           " items of the section");
            }
        }
        if (adaptive && s.shuffle) {
            r_.error(f.at("shuffle"),
                     "shuffle is for linear sections; adaptive sections choose the order");
        }
        if (adaptive) {
            checkAdaptiveItems(s, f.at("items"));
        }
        return s;
    }

    void checkAdaptiveItems(const Section& s, const std::string& itemsPtr) {
        const auto& withDifficulty = extras_.hasDifficulty.back();
        for (std::size_t i = 0; i < s.items.size(); ++i) {
            const Item& item = s.items[i];
            std::string ptr = pointerJoin(itemsPtr, i);
            if (item.type == ItemType::Info || item.type == ItemType::Profile || item.practice ||
                item.scoring.rule == ScoringRule::Manual ||
                item.scoring.rule == ScoringRule::None) {
                r_.error(pointerJoin(ptr, "type"),
                         "an adaptive section holds only automatically scored "
                         "items (no info, profile, practice or trainer-scored items): "
                         "put this one in a linear section");
                continue;
            }
            if (!item.skill.empty() && !s.skill.empty() && item.skill != s.skill) {
                r_.error(pointerJoin(ptr, "skill"),
                         "the item's skill " + inQuotes(item.skill) +
                             " differs from the adaptive section's skill " + inQuotes(s.skill));
            }
            if (!withDifficulty[i]) {
                r_.error(pointerJoin(ptr, "difficulty"),
                         "items of an adaptive section need a \"difficulty\"");
            }
        }
    }

    // ---- items
    // -----------------------------------------------------------------------------------

    Item readItem(const json& j, const std::string& ptr, bool& hasDifficulty) {
        Fields f(j, ptr, r_, "an item");
        Item item;
        item.id = f.id("id", true).value_or("");
        std::optional<ItemType> type;
        if (auto t = f.string("type", true)) {
            type = itemTypeFromString(*t);
            if (!type) {
                r_.error(f.at("type"), "unknown item type " + inQuotes(*t) +
                                           didYouMean(*t, kAllItemTypes) + "; types are " +
                                           joinNames(kAllItemTypes));
            }
        }
        if (type) {
            item.type = *type;
            f.allowOnly(allowedItemFields(*type), allTypeFields(),
                        std::string("by items of type \"") + toString(*type) + "\"");
        } else {
            Names allowed = kEnvelopeFields;
            const Names& more = allTypeFields();
            allowed.insert(allowed.end(), more.begin(), more.end());
            f.allowOnly(allowed);
        }
        item.rev = static_cast<int>(f.integer("rev", 1, 1000000).value_or(1));
        bool scored = type && *type != ItemType::Info && *type != ItemType::Profile;
        item.practice = f.boolean("practice").value_or(false);
        item.skill = skillRef(f, "skill", scored && !item.practice);
        if (auto c = f.string("competence")) {
            item.competence = *c;
            if (const Skill* sk = q_.framework.findSkill(item.skill);
                sk && !sk->competences.empty() && !contains(sk->competences, *c)) {
                r_.error(f.at("competence"), "competence " + inQuotes(*c) +
                                                 " is not listed in skill " + inQuotes(item.skill) +
                                                 didYouMean(*c, sk->competences));
            }
        }
        item.level = levelRef(f, "level");
        readDifficulty(f, item, hasDifficulty);
        item.instruction = text(f, "instruction", true);
        if (const json* audio = f.object("instructionAudio")) {
            for (const auto& [locale, id] : audio->items()) {
                std::string at = pointerJoin(f.at("instructionAudio"), locale);
                if (!contains(q_.locales, locale)) {
                    r_.error(at, "locale " + inQuotes(locale) + " is not in \"locales\"" +
                                     didYouMean(locale, q_.locales));
                    continue;
                }
                item.instructionAudio[locale] = assetRef(id, at, AssetKind::Audio);
            }
        }
        if (const json* st = f.get("stimulus")) {
            readStimulus(*st, f.at("stimulus"), item.stimulus);
        }
        item.dontKnow = f.boolean("dontKnow").value_or(true);
        item.timeLimitS = static_cast<int>(f.integer("timeLimitS", 0, 3600).value_or(0));
        if (type) {
            readTypeFields(f, item);
            readScoring(f, item);
        }
        return item;
    }

    void readDifficulty(const Fields& f, Item& item, bool& hasDifficulty) {
        const json* d = f.get("difficulty");
        if (!d) {
            return;
        }
        std::string ptr = f.at("difficulty");
        auto inRange = [&](double v, const std::string& at) {
            if (v < -10 || v > 10) {
                r_.error(at,
                         "difficulty is on the logit scale: expected a value between -10 and 10");
                return false;
            }
            return true;
        };
        if (d->is_number()) {
            double v = d->get<double>();
            if (inRange(v, ptr)) {
                item.difficulty = v;
                hasDifficulty = true;
            }
            return;
        }
        if (!d->is_object()) {
            r_.error(ptr, std::string("expected a number or {\"b\": ..., \"a\": ...}, found ") +
                              jsonKindName(*d));
            return;
        }
        Fields df(*d, ptr, r_, "the difficulty");
        df.allowOnly({"b", "a"});
        if (auto b = df.number("b", true); b && inRange(*b, df.at("b"))) {
            item.difficulty = *b;
            hasDifficulty = true;
        }
        if (auto a = df.number("a")) {
            if (*a <= 0 || *a > 5) {
                r_.error(df.at("a"),
                         "discrimination \"a\" must be above 0 and at most 5 (1 = Rasch)");
            } else {
                item.discrimination = *a;
            }
        }
    }

    void readStimulus(const json& j, const std::string& ptr, Stimulus& st) {
        Fields f(j, ptr, r_, "the stimulus");
        f.allowOnly({"text", "image", "audio", "maxPlays"});
        st.text = f.string("text").value_or("");
        st.image = assetField(f, "image", AssetKind::Image);
        st.audio = assetField(f, "audio", AssetKind::Audio);
        st.maxPlays = static_cast<int>(f.integer("maxPlays", 0, 100).value_or(0));
        if (f.has("maxPlays") && !f.has("audio")) {
            r_.error(
                f.at("maxPlays"),
                "maxPlays limits how often the stimulus \"audio\" is played, but there is none");
        }
        if (f.isObject() && !f.has("text") && !f.has("image") && !f.has("audio")) {
            r_.warning(ptr, "the stimulus is empty: give it a \"text\", an \"image\" or an "
                            "\"audio\", or remove it");
        }
    }

    enum class OptionStyle { Content, Profile, Word };

    std::vector<Option> readOptions(const Fields& f, std::string_view key, OptionStyle style,
                                    std::size_t minCount, bool required = true) {
        std::vector<Option> out;
        const json* arr = f.array(key, required);
        if (!arr) {
            return out;
        }
        std::string ptr = f.at(key);
        if (arr->size() < minCount) {
            r_.error(ptr, "needs at least " + std::to_string(minCount) + " options, found " +
                              std::to_string(arr->size()));
        }
        for (std::size_t i = 0; i < arr->size(); ++i) {
            Fields o((*arr)[i], pointerJoin(ptr, i), r_, "an option");
            Option opt;
            opt.id = o.id("id", true).value_or("");
            if (style == OptionStyle::Profile) {
                o.allowOnly({"id", "label", "image"});
                opt.label = text(o, "label", true);
                opt.image = assetField(o, "image", AssetKind::Image);
            } else if (style == OptionStyle::Word) {
                o.allowOnly({"id", "text"});
                opt.text = o.string("text", true).value_or("");
            } else {
                o.allowOnly({"id", "text", "image", "audio"});
                opt.text = o.string("text").value_or("");
                opt.image = assetField(o, "image", AssetKind::Image);
                opt.audio = assetField(o, "audio", AssetKind::Audio);
                if (o.isObject() && !o.has("text") && !o.has("image") && !o.has("audio")) {
                    r_.error(o.pointer(),
                             "an option needs a \"text\", an \"image\" or an \"audio\"");
                }
            }
            out.push_back(std::move(opt));
        }
        checkUniqueIds(out, ptr, "option");
        return out;
    }

    static Names idsOf(const std::vector<Option>& options) {
        Names ids;
        for (const auto& o : options) {
            ids.push_back(o.id);
        }
        return ids;
    }

    void readTypeFields(const Fields& f, Item& item) {
        switch (item.type) {
        case ItemType::Choice: {
            item.multiple = f.boolean("multiple").value_or(false);
            item.options = readOptions(f, "options", OptionStyle::Content, 2);
            item.correct = idList(f, "correct", false);
            checkMembers(item.correct, f.at("correct"), idsOf(item.options), "option");
            break;
        }
        case ItemType::Hotspot: {
            item.image = assetField(f, "image", AssetKind::Image, true);
            readAreas(f, item);
            item.correct = idList(f, "correct", false);
            Names areaIds;
            for (const auto& a : item.areas) {
                areaIds.push_back(a.id);
            }
            checkMembers(item.correct, f.at("correct"), areaIds, "area");
            break;
        }
        case ItemType::Match: {
            item.options = readOptions(f, "options", OptionStyle::Content, 2);
            item.right = readOptions(f, "right", OptionStyle::Content, 2);
            Names left = idsOf(item.options);
            Names right = idsOf(item.right);
            for (const auto& id : left) {
                if (!id.empty() && contains(right, id)) {
                    r_.error(f.at("right"),
                             "id " + inQuotes(id) +
                                 " is used on both sides: left and right ids must differ");
                }
            }
            if (const json* pairs = f.object("pairs", true)) {
                std::set<std::string> usedRight;
                for (const auto& [l, rv] : pairs->items()) {
                    std::string at = pointerJoin(f.at("pairs"), l);
                    if (!contains(left, l)) {
                        r_.error(at, "unknown left option " + inQuotes(l) + didYouMean(l, left));
                    }
                    if (auto rid = asString(rv, at, r_)) {
                        if (!contains(right, *rid)) {
                            r_.error(at, "unknown right option " + inQuotes(*rid) +
                                             didYouMean(*rid, right));
                        } else if (!usedRight.insert(*rid).second) {
                            r_.error(at, "right option " + inQuotes(*rid) + " is paired twice");
                        }
                        item.pairs[l] = *rid;
                    }
                }
                for (const auto& id : left) {
                    if (!id.empty() && !pairs->contains(id)) {
                        r_.error(f.at("pairs"), "left option " + inQuotes(id) + " has no pair");
                    }
                }
            }
            break;
        }
        case ItemType::Order: {
            item.options = readOptions(f, "options", OptionStyle::Content, 2);
            item.correct = idList(f, "correct", true);
            Names ids = idsOf(item.options);
            checkMembers(item.correct, f.at("correct"), ids, "option");
            if (f.has("correct") && item.correct.size() != ids.size()) {
                r_.error(f.at("correct"), "the right order must list every option once (" +
                                              std::to_string(ids.size()) + " options, " +
                                              std::to_string(item.correct.size()) + " listed)");
            }
            break;
        }
        case ItemType::Gaps:
            readGaps(f, item);
            break;
        case ItemType::Form:
            readForm(f, item);
            break;
        case ItemType::Mark: {
            item.text = f.string("text", true).value_or("");
            std::size_t words = splitWords(item.text).size();
            if (const json* arr = f.array("correct", true)) {
                for (std::size_t i = 0; i < arr->size(); ++i) {
                    std::string at = pointerJoin(f.at("correct"), i);
                    const json& v = (*arr)[i];
                    long long index = -1;
                    if (v.is_number_integer() || v.is_number_unsigned()) {
                        index = v.get<long long>();
                    } else if (v.is_string() && !v.get_ref<const std::string&>().empty() &&
                               v.get_ref<const std::string&>().size() < 7 &&
                               std::all_of(v.get_ref<const std::string&>().begin(),
                                           v.get_ref<const std::string&>().end(),
                                           [](char c) { return c >= '0' && c <= '9'; })) {
                        index = std::stoll(v.get<std::string>());
                    } else {
                        r_.error(at,
                                 std::string("expected a word number (0 = first word), found ") +
                                     v.dump());
                        continue;
                    }
                    if (index < 0 || static_cast<std::size_t>(index) >= words) {
                        r_.error(at, "word " + std::to_string(index) +
                                         " does not exist: the text has " + std::to_string(words) +
                                         " words, numbered from 0");
                        continue;
                    }
                    std::string key = std::to_string(index);
                    if (contains(item.correct, key)) {
                        r_.error(at, "word " + key + " is listed twice");
                    }
                    item.correct.push_back(key);
                }
                if (arr->empty()) {
                    r_.error(f.at("correct"), "list at least one word to mark");
                }
            }
            break;
        }
        case ItemType::Write:
            item.maxLength = static_cast<int>(f.integer("maxLength", 0, 10000).value_or(0));
            break;
        case ItemType::Speak:
            item.maxDurationS = static_cast<int>(f.integer("maxDurationS", 1, 600).value_or(60));
            break;
        case ItemType::Info:
            break;
        case ItemType::Profile: {
            item.variable = f.id("variable", true).value_or("");
            item.multiple = f.boolean("multiple").value_or(false);
            item.options = readOptions(f, "options", OptionStyle::Profile, 2);
            break;
        }
        case ItemType::Sim:
            readSim(f, item);
            break;
        }
    }

    void readAreas(const Fields& f, Item& item) {
        const json* arr = f.array("areas", true);
        if (!arr) {
            return;
        }
        if (arr->empty()) {
            r_.error(f.at("areas"), "list at least one area");
        }
        for (std::size_t i = 0; i < arr->size(); ++i) {
            Fields a((*arr)[i], pointerJoin(f.at("areas"), i), r_, "an area");
            a.allowOnly({"id", "shape", "coords"});
            Area area;
            area.id = a.id("id", true).value_or("");
            std::size_t need = 4;
            bool polygon = false;
            if (auto shape = a.string("shape", true)) {
                if (*shape == "circle") {
                    area.shape = Area::Shape::Circle;
                    need = 3;
                } else if (*shape == "polygon") {
                    area.shape = Area::Shape::Polygon;
                    polygon = true;
                } else if (*shape != "rect") {
                    r_.error(a.at("shape"),
                             "shape must be \"rect\", \"circle\" or \"polygon\", found " +
                                 inQuotes(*shape) +
                                 didYouMean(*shape, {"rect", "circle", "polygon"}));
                }
            }
            if (const json* coords = a.array("coords", true)) {
                for (std::size_t k = 0; k < coords->size(); ++k) {
                    std::string at = pointerJoin(a.at("coords"), k);
                    if (auto v = asNumber((*coords)[k], at, r_)) {
                        if (*v < 0 || *v > 1) {
                            r_.error(at,
                                     "coordinates are fractions of the picture, between 0 and 1");
                        }
                        area.coords.push_back(*v);
                    }
                }
                std::size_t n = coords->size();
                if (polygon ? (n < 6 || n % 2 != 0) : n != need) {
                    r_.error(a.at("coords"),
                             polygon ? "a polygon needs x,y pairs for at least 3 corners"
                                     : (area.shape == Area::Shape::Circle
                                            ? "a circle needs 3 numbers: centre x, centre y, radius"
                                            : "a rect needs 4 numbers: x, y, width, height"));
                } else if (!polygon && area.coords.size() == n &&
                           (area.shape == Area::Shape::Circle
                                ? area.coords[2] <= 0
                                : (area.coords[2] <= 0 || area.coords[3] <= 0))) {
                    r_.error(a.at("coords"), "the area has no size (width, height or radius is 0)");
                }
            }
            item.areas.push_back(std::move(area));
        }
        checkUniqueIds(item.areas, f.at("areas"), "area");
    }

    void readGaps(const Fields& f, Item& item) {
        item.text = f.string("text", true).value_or("");
        item.options = readOptions(f, "options", OptionStyle::Word, 2, false);
        Names bank = idsOf(item.options);
        bool anyDrag = false;
        if (const json* arr = f.array("gaps", true)) {
            if (arr->empty()) {
                r_.error(f.at("gaps"), "list at least one gap");
            }
            for (std::size_t i = 0; i < arr->size(); ++i) {
                Fields g((*arr)[i], pointerJoin(f.at("gaps"), i), r_, "a gap");
                g.allowOnly({"id", "mode", "options", "accept"});
                Gap gap;
                gap.id = g.id("id", true).value_or("");
                if (auto mode = g.string("mode", true)) {
                    if (*mode == "drag") {
                        gap.mode = GapMode::Drag;
                    } else if (*mode == "typed") {
                        gap.mode = GapMode::Typed;
                    } else if (*mode != "select") {
                        r_.error(g.at("mode"),
                                 "mode must be \"select\", \"drag\" or \"typed\", found " +
                                     inQuotes(*mode) +
                                     didYouMean(*mode, {"select", "drag", "typed"}));
                    }
                }
                if (gap.mode == GapMode::Select) {
                    gap.options = readOptions(g, "options", OptionStyle::Word, 2, g.isObject());
                } else if (g.has("options")) {
                    r_.error(g.at("options"), gap.mode == GapMode::Drag
                                                  ? "drag gaps take their words from the item's "
                                                    "\"options\" (the word bank)"
                                                  : "typed gaps have no options: list the accepted "
                                                    "answers in \"accept\"");
                }
                anyDrag = anyDrag || gap.mode == GapMode::Drag;
                gap.accept = idList(g, "accept", g.isObject());
                if (g.has("accept") && gap.accept.empty() && g.array("accept")) {
                    r_.error(g.at("accept"), "list at least one accepted answer");
                }
                if (gap.mode == GapMode::Select) {
                    checkMembers(gap.accept, g.at("accept"), idsOf(gap.options), "option");
                } else if (gap.mode == GapMode::Drag) {
                    checkMembers(gap.accept, g.at("accept"), bank, "word-bank option");
                }
                item.gaps.push_back(std::move(gap));
            }
            checkUniqueIds(item.gaps, f.at("gaps"), "gap");
        }
        if (anyDrag && !f.has("options")) {
            r_.error(f.at("options"),
                     "drag gaps need a word bank: list the words in the item's \"options\"");
        } else if (!anyDrag && f.has("options")) {
            r_.error(f.at("options"), "the word bank \"options\" is only used by drag gaps");
        }
        checkGapMarkers(f, item);
    }

    void checkGapMarkers(const Fields& f, const Item& item) {
        if (!f.has("text")) {
            return;
        }
        std::string at = f.at("text");
        Names markers;
        std::size_t pos = 0;
        const std::string& t = item.text;
        while ((pos = t.find("{{", pos)) != std::string::npos) {
            auto end = t.find("}}", pos + 2);
            if (end == std::string::npos) {
                r_.error(at, "a gap marker \"{{\" is not closed with \"}}\"");
                break;
            }
            std::string id = t.substr(pos + 2, end - pos - 2);
            if (contains(markers, id)) {
                r_.error(at, "gap marker {{" + id + "}} appears twice");
            }
            markers.push_back(id);
            pos = end + 2;
        }
        Names gapIds;
        for (const auto& g : item.gaps) {
            gapIds.push_back(g.id);
        }
        for (const auto& m : markers) {
            if (!contains(gapIds, m)) {
                r_.error(at, "marker {{" + m + "}} has no gap with that id in \"gaps\"" +
                                 didYouMean(m, gapIds));
            }
        }
        for (std::size_t i = 0; i < item.gaps.size(); ++i) {
            const std::string& id = item.gaps[i].id;
            if (!id.empty() && !contains(markers, id)) {
                r_.error(pointerJoin(pointerJoin(f.at("gaps"), i), "id"),
                         "gap " + inQuotes(id) + " has no marker {{" + id + "}} in the text");
            }
        }
    }

    void readForm(const Fields& f, Item& item) {
        const json* arr = f.array("fields", true);
        if (!arr) {
            return;
        }
        if (arr->empty()) {
            r_.error(f.at("fields"), "list at least one field");
        }
        static const Names kinds = {"text", "number", "date", "email", "phone", "postcode"};
        for (std::size_t i = 0; i < arr->size(); ++i) {
            Fields ff((*arr)[i], pointerJoin(f.at("fields"), i), r_, "a form field");
            ff.allowOnly({"id", "label", "kind", "accept", "pattern", "required"});
            FormField field;
            field.id = ff.id("id", true).value_or("");
            field.label = ff.string("label", true).value_or("");
            if (auto kind = ff.string("kind")) {
                auto it = std::find(kinds.begin(), kinds.end(), *kind);
                if (it == kinds.end()) {
                    r_.error(ff.at("kind"), "unknown field kind " + inQuotes(*kind) +
                                                didYouMean(*kind, kinds) + "; kinds are " +
                                                joinNames(kinds));
                } else {
                    field.kind = static_cast<FieldKind>(it - kinds.begin());
                }
            }
            field.accept = idList(ff, "accept", false);
            if (auto pattern = ff.string("pattern")) {
                // Bounded so a hostile pattern cannot make the regex compiler recurse deeply.
                if (pattern->size() > 200) {
                    r_.error(ff.at("pattern"), "the pattern is longer than 200 characters");
                } else {
                    const std::string& problem = patternProblem(*pattern);
                    if (problem.empty()) {
                        field.pattern = *pattern;
                    } else {
                        r_.error(ff.at("pattern"), "invalid pattern: " + problem);
                    }
                }
            }
            field.required = ff.boolean("required").value_or(true);
            item.fields.push_back(std::move(field));
        }
        checkUniqueIds(item.fields, f.at("fields"), "field");
    }

    void readSim(const Fields& f, Item& item) {
        static const Names scenarios = {"email_attachment", "online_form", "phishing_message",
                                        "browser_address"};
        if (auto sc = f.string("scenario", true)) {
            if (auto s = simScenarioFromString(*sc)) {
                item.scenario = *s;
            } else {
                r_.error(f.at("scenario"), "unknown scenario " + inQuotes(*sc) +
                                               didYouMean(*sc, scenarios) + "; scenarios are " +
                                               joinNames(scenarios));
            }
        }
        if (const json* cfg = f.object("sim")) {
            item.simConfig = *cfg;
        }
        if (const json* states = f.object("endStates", true)) {
            if (states->empty()) {
                r_.error(f.at("endStates"), "list at least one end state with its points");
            }
            for (const auto& [state, points] : states->items()) {
                std::string at = pointerJoin(f.at("endStates"), state);
                if (!isValidId(state)) {
                    r_.error(at, "invalid end state name " + inQuotes(state) + ": " + kIdRule);
                    continue;
                }
                if (auto p = asNumber(points, at, r_)) {
                    if (*p < 0) {
                        r_.error(at, "points cannot be negative");
                    }
                    item.endStates[state] = *p;
                }
            }
        }
    }

    // ---- scoring
    // -----------------------------------------------------------------------------------

    void readScoring(const Fields& itemFields, Item& item) {
        Scoring& sc = item.scoring;
        sc.rule = defaultRule(item.type);
        const json* j = itemFields.get("scoring");
        std::string ptr = itemFields.at("scoring");
        static const json noScoring = json::object();
        Fields f(j ? *j : noScoring, ptr, r_, "the scoring");
        f.allowOnly({"rule", "points", "map", "min", "max", "rubric", "tolerance"});
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

    void readTolerance(const json& j, const std::string& ptr, Tolerance& t) {
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
    void checkRuleNeeds(const Fields& f, Item& item) {
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
                r_.error(
                    f.at("rubric"),
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

    template <typename At> void checkMatchAnswer(const At& itemAt, const Item& item) {
        switch (item.type) {
        case ItemType::Choice:
            if (item.correct.empty()) {
                r_.error(itemAt("correct"), "list the right option ids in \"correct\"");
            } else if (!item.multiple && item.correct.size() > 1) {
                r_.error(
                    itemAt("correct"),
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

    void checkMapKeys(const Fields& f, const Item& item) {
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
                bool digits = !pos.empty() && pos.size() < 5 &&
                              std::all_of(pos.begin(), pos.end(),
                                          [](char c) { return c >= '0' && c <= '9'; });
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
                std::size_t words = splitWords(item.text).size();
                bool digits = !key.empty() && key.size() < 7 &&
                              std::all_of(key.begin(), key.end(),
                                          [](char c) { return c >= '0' && c <= '9'; });
                if (!digits || std::stoul(key) >= words) {
                    problem = "mark keys are word numbers from 0 to " +
                              std::to_string(words == 0 ? 0 : words - 1) + ", found " +
                              inQuotes(key);
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

    const json& doc_;
    Reporter& r_;
    ReadExtras& extras_;
    Quiz q_;
};

} // namespace

Quiz readPackage(const json& doc, Reporter& report, ReadExtras& extras) {
    return Reader(doc, report, extras).read();
}

} // namespace repere::quiz
