#include "store/attempt_table.hpp"

#include "engine/attempt_result.hpp"
#include "i18n/strings.hpp"
#include "store/beneficiary_code.hpp"
#include "store/export.hpp"
#include "util/local_time.hpp"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <set>

namespace repere::store {

std::string csvLocalDate(std::int64_t ms) {
    if (ms <= 0) {
        return {};
    }
    return util::formatLocalTime(ms, "%Y-%m-%d %H:%M:%S");
}

// Decimal comma, no trailing zeros: 2.5 -> "2,5", 3 -> "3".
std::string csvFrenchNumber(double v) {
    if (!std::isfinite(v)) {
        return {};
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') {
        s.pop_back();
    }
    if (!s.empty() && s.back() == '.') {
        s.pop_back();
    }
    for (char& c : s) {
        if (c == '.') {
            c = ',';
        }
    }
    return s == "-0" ? "0" : s;
}

namespace {

// The strings table's French word for an export key, else the id as stored: a package may
// bring skills and levels the table does not know, and its id is still the best name then.
std::string frenchOr(const std::string& key, const std::string& id) {
    return i18n::has(key, "fr") ? i18n::text(key, "fr") : id;
}

} // namespace

std::string csvRow(const std::vector<std::string>& fields) {
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) {
            line += ';';
        }
        line += csvField(fields[i]);
    }
    return line + "\r\n";
}

std::size_t writeAttemptsCsv(const std::vector<AttemptRow>& rows,
                             const std::vector<std::string>& extraHeaders, std::ostream& out) {
    // One column per skill level and per competence score met in any of the results.
    std::set<std::string> skills;
    std::set<std::string> competences;
    for (const auto& r : rows) {
        const auto result = engine::attemptResultFromJson(r.result);
        if (!result) {
            continue;
        }
        for (const auto& skill : result->skills) {
            skills.insert(skill.skill);
        }
        for (const auto& entry : result->competences) {
            competences.insert(entry.first);
        }
    }
    // Column headers are read by French counsellors in a spreadsheet.
    std::vector<std::string> header{"code",  "questionnaire", "version",     "tentative", "statut",
                                    "début", "fin",           "durée (min)", "réponses"};
    for (const auto& s : skills) {
        header.push_back(i18n::format(i18n::text("export.level_column", "fr"),
                                      {{"skill", frenchOr("export.skill." + s, s)}}));
    }
    for (const auto& c : competences) {
        header.push_back("score " + c);
    }
    header.insert(header.end(), extraHeaders.begin(), extraHeaders.end());
    out << kCsvBom << csvRow(header);
    for (const auto& r : rows) {
        std::vector<std::string> cells{formatBeneficiaryCode(r.code),
                                       r.quizId,
                                       r.quizVersion,
                                       r.uuid,
                                       frenchOr("export.status." + r.status, r.status),
                                       csvLocalDate(r.startedAtMs),
                                       r.finishedAtMs ? csvLocalDate(*r.finishedAtMs)
                                                      : std::string(),
                                       csvFrenchNumber(static_cast<double>(r.activeMs) / 60000.0),
                                       std::to_string(r.responses)};
        const auto result =
            engine::attemptResultFromJson(r.result).value_or(engine::AttemptResult{});
        for (const auto& s : skills) {
            const engine::SkillOutcome* skill = result.skill(s);
            if (skill && !skill->levelId.empty()) {
                cells.push_back(frenchOr("export.level." + skill->levelId, skill->levelId));
            } else if (skill) {
                // Part of this diagnostic but not placed (no sound, skipped, too few answers).
                cells.push_back(i18n::text("export.not_placed", "fr"));
            } else {
                cells.push_back({}); // another questionnaire's skill
            }
        }
        for (const auto& c : competences) {
            const auto it = result.competences.find(c);
            cells.push_back(it == result.competences.end() ? std::string()
                                                           : csvFrenchNumber(it->second.score));
        }
        for (std::size_t k = 0; k < extraHeaders.size(); ++k) {
            cells.push_back(k < r.extra.size() ? r.extra[k] : std::string());
        }
        out << csvRow(cells);
    }
    return rows.size();
}

} // namespace repere::store
