#include "store/retention_rules.hpp"

#include "store/database.hpp"

#include <chrono>
#include <system_error>

namespace repere::store {

namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kDayMs = 86'400'000;

std::int64_t cutoffOf(int days, std::int64_t nowMs) {
    return nowMs - static_cast<std::int64_t>(days) * kDayMs;
}

bool modifiedBefore(const fs::path& p, std::int64_t cutoffMs) {
    std::error_code ec;
    const auto t = fs::last_write_time(p, ec);
    if (ec)
        return false;
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::file_clock::to_sys(t).time_since_epoch())
                        .count();
    return ms < cutoffMs;
}

// "rec/…" relative, without "..": a path from the database never leads out of rec/.
bool insideRec(const fs::path& rel) {
    if (rel.empty() || rel.is_absolute() || *rel.begin() != "rec")
        return false;
    for (const auto& part : rel)
        if (part == "..")
            return false;
    return true;
}

} // namespace

std::string RetentionReport::summary() const {
    return std::to_string(filesRemoved.size()) + " files, " + std::to_string(outboxRows) +
           " acknowledged outbox rows, " + std::to_string(auditLines) + " audit lines";
}

std::vector<fs::path> applyFileRetention(const fs::path& dataDir, const RetentionRules& rules,
                                         std::int64_t nowMs) {
    std::vector<fs::path> removed;
    const auto take = [&](const fs::path& p, int days) {
        std::error_code ec;
        if (days >= 0 && modifiedBefore(p, cutoffOf(days, nowMs)) && fs::remove_all(p, ec) > 0 &&
            !ec)
            removed.push_back(p);
    };
    std::error_code ec;
    if (fs::is_directory(dataDir / "exports", ec))
        for (const auto& e : fs::directory_iterator(dataDir / "exports", ec))
            take(e.path(), rules.exportsDays);
    for (const auto& e : fs::directory_iterator(dataDir, ec))
        if (e.is_regular_file(ec) &&
            e.path().filename().string().find(".corrupt-") != std::string::npos)
            take(e.path(), rules.corruptDays);
    return removed;
}

RetentionReport applyRetention(Database& db, const fs::path& dataDir, const RetentionRules& rules,
                               std::int64_t nowMs) {
    RetentionReport report;
    report.filesRemoved = applyFileRetention(dataDir, rules, nowMs);
    if (rules.recordingsDays >= 0) {
        for (const auto& r : db.recordingsAckedBefore(cutoffOf(rules.recordingsDays, nowMs))) {
            const fs::path rel = fs::path(r).lexically_normal();
            std::error_code ec;
            if (insideRec(rel) && fs::remove(dataDir / rel, ec))
                report.filesRemoved.push_back(dataDir / rel);
        }
    }
    if (rules.ackedOutboxDays >= 0)
        report.outboxRows = db.purgeAckedOutboxBefore(cutoffOf(rules.ackedOutboxDays, nowMs));
    if (rules.auditDays >= 0)
        report.auditLines = db.purgeAuditBefore(cutoffOf(rules.auditDays, nowMs));
    if (!report.filesRemoved.empty() || report.outboxRows > 0 || report.auditLines > 0)
        db.audit("kiosk", "retention", report.summary());
    return report;
}

} // namespace repere::store
