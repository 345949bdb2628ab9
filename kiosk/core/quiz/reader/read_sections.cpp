// Sections (linear or adaptive, routing rules) and the item envelope every item type shares:
// id, rev, type, skill, competence, level, difficulty, instruction, stimulus, readAloud,
// levelSource. The fields of each type are read in read_items.cpp and read_text_items.cpp.
//
// Sections of this file: which fields an item may have; sections; adaptive sections' items;
// item envelope; readAloud and levelSource; difficulty; stimulus.
#include "quiz/reader/package_reader_impl.hpp"
#include "quiz/suggest.hpp"

#include <algorithm>

namespace repere::quiz::reader {

using nlohmann::json;

namespace {

const Names kEnvelopeFields = {
    "id",          "rev",        "type",       "skill",       "competence",
    "level",       "difficulty", "practice",   "instruction", "instructionAudio",
    "stimulus",    "dontKnow",   "timeLimitS", "scoring",     "readAloud",
    "levelSource", "reading"};

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

} // namespace

Section PackageReader::readSection(const json& j, const std::string& ptr) {
    Fields f(j, ptr, r_, "a section");
    f.allowOnly({"id", "title", "mode", "skill", "pick", "shuffle", "showIf", "skipLevel", "next",
                 "items"});
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
                                       inQuotes(*mode) + didYouMean(*mode, {"linear", "adaptive"}));
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
            s.items.push_back(readItem((*items)[i], pointerJoin(f.at("items"), i), hasDifficulty));
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
                                       std::to_string(s.items.size()) + " items of the section");
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

void PackageReader::checkAdaptiveItems(const Section& s, const std::string& itemsPtr) {
    const auto& withDifficulty = extras_.hasDifficulty.back();
    for (std::size_t i = 0; i < s.items.size(); ++i) {
        const Item& item = s.items[i];
        std::string ptr = pointerJoin(itemsPtr, i);
        // A sim's practice try is the one exception: the engine shows it just before the
        // section's first scored sim of its scenario, never as a candidate (issue 17).
        if (item.practice && item.type == ItemType::Sim)
            continue;
        if (item.type == ItemType::Info || item.type == ItemType::Profile || item.practice ||
            item.scoring.rule == ScoringRule::Manual || item.scoring.rule == ScoringRule::None) {
            r_.error(pointerJoin(ptr, "type"),
                     "an adaptive section holds only automatically scored "
                     "items (no info, profile, practice or trainer-scored items): "
                     "put this one in a linear section");
            continue;
        }
        if (!item.skill.empty() && !s.skill.empty() && item.skill != s.skill) {
            r_.error(pointerJoin(ptr, "skill"), "the item's skill " + inQuotes(item.skill) +
                                                    " differs from the adaptive section's skill " +
                                                    inQuotes(s.skill));
        }
        if (!withDifficulty[i]) {
            r_.error(pointerJoin(ptr, "difficulty"),
                     "items of an adaptive section need a \"difficulty\"");
        }
    }
}

Item PackageReader::readItem(const json& j, const std::string& ptr, bool& hasDifficulty) {
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
            r_.error(f.at("competence"), "competence " + inQuotes(*c) + " is not listed in skill " +
                                             inQuotes(item.skill) +
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
    readReadAloud(f, item);
    readLevelSource(f, item);
    item.reading = f.boolean("reading").value_or(false);
    if (type) {
        readTypeFields(f, item);
        readScoring(f, item);
    }
    return item;
}

void PackageReader::readReadAloud(const Fields& f, Item& item) {
    auto v = f.string("readAloud");
    if (!v) {
        return;
    }
    static const Names kinds = {"all", "instructionOnly"};
    if (*v == "instructionOnly") {
        item.readAloud = ReadAloud::InstructionOnly;
    } else if (*v != "all") {
        r_.error(f.at("readAloud"), "unknown value " + inQuotes(*v) + didYouMean(*v, kinds) +
                                        "; use \"all\" or \"instructionOnly\"");
    }
}

// "<scale>:<descriptor>": the scale from a fixed list (FORMAT.md), the descriptor free but present.
void PackageReader::readLevelSource(const Fields& f, Item& item) {
    auto v = f.string("levelSource");
    if (!v) {
        return;
    }
    const Names scales(std::begin(kLevelSourceScales), std::end(kLevelSourceScales));
    const auto colon = v->find(':');
    const std::string scale = v->substr(0, colon);
    if (colon == std::string::npos || colon + 1 >= v->size()) {
        r_.error(f.at("levelSource"), "write \"<scale>:<descriptor>\", e.g. "
                                      "\"cefr-cv:announcements-a2\"; scales are " +
                                          joinNames(scales));
    } else if (!contains(scales, scale)) {
        r_.error(f.at("levelSource"), "unknown scale " + inQuotes(scale) +
                                          didYouMean(scale, scales) + "; scales are " +
                                          joinNames(scales));
    } else {
        item.levelSource = *v;
    }
}

void PackageReader::readDifficulty(const Fields& f, Item& item, bool& hasDifficulty) {
    const json* d = f.get("difficulty");
    if (!d) {
        return;
    }
    std::string ptr = f.at("difficulty");
    auto inRange = [&](double v, const std::string& at) {
        if (v < -10 || v > 10) {
            r_.error(at, "difficulty is on the logit scale: expected a value between -10 and 10");
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
            r_.error(df.at("a"), "discrimination \"a\" must be above 0 and at most 5 (1 = Rasch)");
        } else {
            item.discrimination = *a;
        }
    }
}

void PackageReader::readStimulus(const json& j, const std::string& ptr, Stimulus& st) {
    Fields f(j, ptr, r_, "the stimulus");
    f.allowOnly({"text", "image", "audio", "maxPlays"});
    st.text = f.string("text").value_or("");
    st.image = assetField(f, "image", AssetKind::Image);
    st.audio = assetField(f, "audio", AssetKind::Audio);
    st.maxPlays = static_cast<int>(f.integer("maxPlays", 0, 100).value_or(0));
    if (f.has("maxPlays") && !f.has("audio")) {
        r_.error(f.at("maxPlays"),
                 "maxPlays limits how often the stimulus \"audio\" is played, but there is none");
    }
    if (f.isObject() && !f.has("text") && !f.has("image") && !f.has("audio")) {
        r_.warning(ptr, "the stimulus is empty: give it a \"text\", an \"image\" or an "
                        "\"audio\", or remove it");
    }
}

} // namespace repere::quiz::reader
