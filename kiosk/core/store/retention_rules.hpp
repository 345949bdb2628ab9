// Retention rules of the kiosk (issue 14, point 9): how long recordings, exports, `.corrupt-*`
// copies of a damaged database, audit lines and acknowledged outbox rows are kept. The sync
// worker's thread applies them when the kiosk starts and then once a day, never the UI thread
// (a removal pass walks folders and deletes rows); `repere db retention` applies them by hand.
// Defaults in the README. A rule of -1 days is switched off; `nowMs` is injected (tests).
//
// What ages how: exports and `.corrupt-*` copies by their file's modification time; a recording
// by its answer, once the server has acknowledged that answer that long ago (never one the
// server may still need); audit lines by their time; outbox rows by acked_at_ms (the cursor
// check of point 1 re-sends acknowledged rows a rolled-back server lost, until then).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace repere::store {

class Database;

struct RetentionRules {
    int recordingsDays = 180; // rec/* of answers acknowledged that long ago
    int exportsDays = 30;     // <data dir>/exports/* (one folder per export)
    int corruptDays = 30;     // <data dir>/*.corrupt-* (a damaged database and its -wal/-shm)
    int auditDays = 365;      // audit lines
    int ackedOutboxDays = 90; // outbox rows acknowledged that long ago
};

struct RetentionReport {
    std::vector<std::filesystem::path> filesRemoved;
    std::int64_t auditLines = 0;
    std::int64_t outboxRows = 0;
    std::string summary() const;
};

// Applies every rule; audited ("retention") when anything went. Errors on one file are skipped
// (the next pass tries again); store errors throw StoreError.
RetentionReport applyRetention(Database& db, const std::filesystem::path& dataDir,
                               const RetentionRules& rules, std::int64_t nowMs);

// The file rules only (exports, `.corrupt-*`): what was removed.
std::vector<std::filesystem::path> applyFileRetention(const std::filesystem::path& dataDir,
                                                      const RetentionRules& rules,
                                                      std::int64_t nowMs);

} // namespace repere::store
