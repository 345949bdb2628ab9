#include "sync/server/web_dashboard.hpp"

#include "i18n/strings.hpp"
#include "report_pdf/level_chart_svg.hpp"
#include "store/attempt_table.hpp"
#include "util/local_time.hpp"

#include <algorithm>
#include <ctime>
#include <map>

namespace repere::sync::server::web {
namespace {

std::string levelLabel(const std::string& id) {
    const std::string key = "export.level." + id;
    return i18n::has(key, "fr") ? i18n::text(key, "fr") : id;
}

std::string skillLabel(const std::string& id) {
    const std::string key = "export.skill." + id;
    return i18n::has(key, "fr") ? i18n::text(key, "fr") : id;
}

} // namespace

std::int64_t startOfWeekMs(std::int64_t ms) {
    std::tm t = util::localTm(ms);
    t.tm_mday -= (t.tm_wday + 6) % 7; // Monday
    return util::localMidnightMs(t);
}

std::int64_t startOfMonthMs(std::int64_t ms) {
    std::tm t = util::localTm(ms);
    t.tm_mday = 1;
    return util::localMidnightMs(t);
}

std::optional<std::int64_t> parseLocalDate(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    for (std::size_t k : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (text[k] < '0' || text[k] > '9')
            return std::nullopt;
    std::tm t{};
    t.tm_year = std::stoi(text.substr(0, 4)) - 1900;
    t.tm_mon = std::stoi(text.substr(5, 2)) - 1;
    t.tm_mday = std::stoi(text.substr(8, 2));
    if (t.tm_mon < 0 || t.tm_mon > 11 || t.tm_mday < 1 || t.tm_mday > 31)
        return std::nullopt;
    return util::localMidnightMs(t);
}

Dashboard loadDashboard(Storage& storage, const std::optional<std::string>& scope,
                        std::int64_t nowMs) {
    Dashboard d;
    for (const auto& a : storage.deviceActivity()) {
        if (scope && a.device.agency != *scope)
            continue;
        d.kiosks.push_back({a.device.name, a.device.agency, a.lastSyncMs, a.pendingReported,
                            a.device.revokedAtMs.has_value()});
    }
    // From the summaries kept at ingest (schema version 5): no payload is read here.
    SummaryQuery q;
    q.agency = scope;
    const auto week = startOfWeekMs(nowMs);
    const auto month = startOfMonthMs(nowMs);
    std::map<std::string, AgencyCount> agencies;
    for (const auto& a : storage.attemptSummaries(q)) {
        auto& c = agencies[a.agency];
        c.agency = a.agency;
        ++c.total;
        c.week += a.startedAtMs >= week;
        c.month += a.startedAtMs >= month;
        d.finished += a.status == "finished";
    }
    // skill -> level label -> (order, count); unplaced sorts last.
    std::map<std::string, std::map<std::string, std::pair<int, int>>> levels;
    for (const auto& l : storage.finishedLevels(scope)) {
        const bool placed = !l.levelId.empty();
        const std::string label =
            placed ? levelLabel(l.levelId) : i18n::text("export.not_placed", "fr");
        auto& slot = levels[l.skill][label];
        slot.first = placed && l.levelIndex ? static_cast<int>(*l.levelIndex) : 1000;
        slot.second += static_cast<int>(l.count);
    }
    for (auto& [name, c] : agencies)
        d.agencies.push_back(c);
    for (const auto& [skill, byLabel] : levels) {
        SkillDistribution s;
        s.skill = skillLabel(skill);
        std::vector<std::tuple<int, std::string, int>> sorted;
        for (const auto& [label, oc] : byLabel)
            sorted.emplace_back(oc.first, label, oc.second);
        std::sort(sorted.begin(), sorted.end());
        for (const auto& [order, label, count] : sorted)
            s.levels.emplace_back(label, count);
        d.skills.push_back(std::move(s));
    }
    return d;
}

Html levelChart(const SkillDistribution& skill, const std::string& idPrefix) {
    return Html::fromRenderer(
        report::levelChartSvg("Niveaux atteints : " + skill.skill, skill.levels, idPrefix));
}

std::size_t writeScopedCsv(Storage& storage, const std::optional<std::string>& scope,
                           std::int64_t fromMs, std::int64_t toMs, std::ostream& out) {
    SummaryQuery q;
    q.agency = scope;
    q.startedFromMs = fromMs;
    q.startedToMs = toMs;
    q.withResult = true;
    std::vector<store::AttemptRow> rows;
    for (const auto& a : storage.attemptSummaries(q)) {
        store::AttemptRow row;
        row.code = a.code;
        row.quizId = a.quizId;
        row.quizVersion = a.quizVersion;
        row.uuid = a.uuid;
        row.status = a.status;
        row.startedAtMs = a.startedAtMs;
        row.finishedAtMs = a.finishedAtMs;
        row.activeMs = a.activeMs;
        row.responses = static_cast<std::size_t>(a.responses);
        row.result =
            a.result.empty() ? nlohmann::json() : nlohmann::json::parse(a.result, nullptr, false);
        row.extra = {a.agency, a.deviceId};
        rows.push_back(std::move(row));
    }
    return store::writeAttemptsCsv(rows, {"agence", "borne"}, out);
}

} // namespace repere::sync::server::web
