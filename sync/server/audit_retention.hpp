// The server's audit retention (issue 14, point 9): audit lines older than `keepDays` go, once
// when the server starts (before it listens) and then once a day on a thread of their own, each
// pass audited with how many lines went (applyAuditRetention, admin.hpp). `repere-server
// --keep-audit-days N` (or `keep-audit-days = N` in --config) sets the rule; -1 keeps for ever.
//
// "Once a day" is read on the injected clock: the thread looks at it every `checkEvery` and
// passes when a day went by since the last pass, so a test moves a fake clock instead of waiting.
#pragma once

#include "sync/server/storage.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace repere::sync::server {

struct AuditRetentionOptions {
    int keepDays = 365;                  // -1: kept for ever (no pass at all)
    std::function<std::int64_t()> nowMs; // default: the system clock
    std::chrono::milliseconds checkEvery = std::chrono::hours(1);
    std::function<void(const std::string&)> log; // a pass that removed lines, or an error
};

class AuditRetention {
public:
    AuditRetention(Storage& storage, AuditRetentionOptions options);
    ~AuditRetention(); // stop()
    AuditRetention(const AuditRetention&) = delete;
    AuditRetention& operator=(const AuditRetention&) = delete;

    // The first pass, now, on the caller's thread; then the daily thread.
    void start();
    void stop();

    // For tests: passes made, and times the thread looked at the clock. The waits return false
    // when `guard` went by first (a hang guard, not a timing: the counts are what is checked).
    int passes() const;
    bool waitPasses(int n, std::chrono::milliseconds guard = std::chrono::minutes(1));
    bool waitChecks(int n, std::chrono::milliseconds guard = std::chrono::minutes(1));

private:
    void pass();
    void run();

    Storage& storage_;
    AuditRetentionOptions options_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;    // stop()
    std::condition_variable counted_; // passes_ or checks_ moved
    bool stopping_ = false;
    int passes_ = 0;
    int checks_ = 0;
    std::int64_t lastPassMs_ = 0;
    std::thread thread_;
};

} // namespace repere::sync::server
