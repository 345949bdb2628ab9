// The back office's dashboard figures for a user's scope (kiosks, diagnostics this week and this
// month per agency, levels reached per skill drawn as an SVG bar chart) and its CSV export.
#pragma once

#include "sync/server/storage.hpp"
#include "sync/server/web_html.hpp"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace repere::sync::server::web {

struct KioskLine {
    std::string name;
    std::string agency;
    std::optional<std::int64_t> lastSyncMs;
    std::optional<std::int64_t> pending;
    bool revoked = false;
};

struct AgencyCount {
    std::string agency;
    int week = 0;  // diagnostics started since Monday 00:00 (server's local time)
    int month = 0; // since the 1st of the month
    int total = 0;
};

struct SkillDistribution {
    std::string skill;
    std::vector<std::pair<std::string, int>> levels; // lowest first, "pas évalué" last
};

struct Dashboard {
    std::vector<KioskLine> kiosks;
    std::vector<AgencyCount> agencies;
    std::vector<SkillDistribution> skills; // finished diagnostics only
    int finished = 0;
};

Dashboard loadDashboard(Storage& storage, const std::optional<std::string>& scope,
                        std::int64_t nowMs);

// Horizontal bars, one per level, with the count written at the end of each bar: SVG drawn by
// the bilan's cairo code. `idPrefix` differs for every chart of a page (their ids must not meet).
Html levelChart(const SkillDistribution& skill, const std::string& idPrefix);

// Start of the local day `ms` falls in, of its week (Monday) and of its month.
std::int64_t startOfWeekMs(std::int64_t ms);
std::int64_t startOfMonthMs(std::int64_t ms);
// "2026-12-06" (local midnight) -> ms; nullopt when malformed.
std::optional<std::int64_t> parseLocalDate(const std::string& text);

// The attempts started in [fromMs, toMs) in `scope`, in the kiosk export's columns plus agence
// and borne (store::writeAttemptsCsv). Returns the rows written.
std::size_t writeScopedCsv(Storage& storage, const std::optional<std::string>& scope,
                           std::int64_t fromMs, std::int64_t toMs, std::ostream& out);

} // namespace repere::sync::server::web
