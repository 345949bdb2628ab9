// Reads the root of quiz.json: the header (format, id, version, locales, title), the competence
// framework (skills, levels, can-do lines, cut-points) and the adaptive settings, then hands
// each section to read_sections.cpp.
//
// Sections of this file: readPackage and the root object; header; can-do lines; framework;
// adaptive settings.
#include "quiz/reader/package_reader_impl.hpp"
#include "quiz/suggest.hpp"
#include "text/utf8.hpp"

#include <regex>

namespace repere::quiz::reader {

using nlohmann::json;

namespace {

const Names kRootFields = {"$schema", "format",      "formatVersion", "id",      "version",
                           "title",   "description", "defaultLocale", "locales", "framework",
                           "assets",  "adaptive",    "sections",      "results", "audience"};

} // namespace

Quiz PackageReader::read() {
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
    // Issue 19: a package stops a skill when its level is decided (levelConfidence); a
    // standard-error target only when the package sets one (docs/placement.md).
    q_.adaptive.seTarget = 0.0;
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

void PackageReader::readHeader(const Fields& root) {
    if (auto format = root.string("format", true); format && *format != "repere-quiz") {
        r_.error(root.at("format"), "must be \"repere-quiz\", found " + inQuotes(*format));
    }
    if (auto v = root.integer("formatVersion", 1, 1000, true); v && *v != 1) {
        r_.error(root.at("formatVersion"), "format version " + std::to_string(*v) +
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
    if (auto audience = root.string("audience")) {
        static const Names audiences = {"everyone", "authors"};
        if (!contains(audiences, *audience)) {
            r_.error(root.at("audience"), "unknown audience " + inQuotes(*audience) +
                                              didYouMean(*audience, audiences) +
                                              "; use \"everyone\" or \"authors\"");
        }
        q_.forAuthors = *audience == "authors";
    }
}

// framework.canDo: {"<skill id>": {"<level id>": text}} (read after skills and levels). Every
// id must name a skill or level of the framework, and each text must fit one line of the
// bilan. A skill or level left out falls back to the level's own "canDo".
void PackageReader::readCanDo(const json& table, const std::string& ptr) {
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
                r_.error(lat, "unknown level " + inQuotes(levelId) + " (levels: " +
                                  joinNames(levelIds()) + ")" + didYouMean(levelId, levelIds()));
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

void PackageReader::readFramework(const json& j, const std::string& ptr) {
    Fields f(j, ptr, r_, "the framework");
    f.allowOnly({"skills", "levels", "canDo", "cutPoints", "strengthLevel", "canDoMinAnswers"});
    if (const json* skills = f.array("skills", true)) {
        if (skills->empty()) {
            r_.error(f.at("skills"), "list at least one skill");
        }
        for (std::size_t i = 0; i < skills->size(); ++i) {
            Fields s((*skills)[i], pointerJoin(f.at("skills"), i), r_, "a skill");
            s.allowOnly({"id", "title", "description", "competences", "testsReading"});
            Skill skill;
            skill.id = s.id("id", true).value_or("");
            skill.title = text(s, "title", true);
            skill.description = text(s, "description", false);
            skill.competences = idList(s, "competences", false);
            skill.testsReading = s.boolean("testsReading").value_or(false);
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
    if (auto strength = f.string("strengthLevel")) {
        if (!q_.framework.levelIndex(*strength))
            r_.error(f.at("strengthLevel"),
                     "unknown level " + inQuotes(*strength) + "; name one of framework.levels");
        q_.framework.strengthLevel = *strength;
    }
    if (const json* n = f.get("canDoMinAnswers")) {
        if (!n->is_number_integer() || n->get<int>() < 1)
            r_.error(f.at("canDoMinAnswers"), "write a whole number of answers, at least 1");
        else
            q_.framework.canDoMinAnswers = n->get<int>();
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

void PackageReader::readAdaptive(const json& j, const std::string& ptr) {
    Fields f(j, ptr, r_, "the adaptive settings");
    f.allowOnly({"seTarget", "levelConfidence", "minItems", "maxItems", "topK", "priorMean",
                 "priorSd", "levelGates"});
    AdaptiveSettings& a = q_.adaptive;
    if (auto v = f.number("seTarget")) {
        if (*v < 0 || *v > 5) {
            r_.error(f.at("seTarget"), "must be between 0 (off) and 5 (e.g. 0.45)");
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
                                       ") is above maxItems (" + std::to_string(a.maxItems) + ")");
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

} // namespace repere::quiz::reader

namespace repere::quiz {

Quiz readPackage(const nlohmann::json& doc, Reporter& report, ReadExtras& extras) {
    return reader::PackageReader(doc, report, extras).read();
}

} // namespace repere::quiz
