// When the kiosk syncs, as plain time arithmetic (no threads, no clock reads) so tests can
// drive it: at the configured end-of-day time, on "Synchroniser maintenant", and while records
// are pending on a back-off timer (1 min doubling to 30 min, with jitter) after failures.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace repere::sync {

inline constexpr std::int64_t kBackoffFirstMs = 60 * 1000;
inline constexpr std::int64_t kBackoffMaxMs = 30 * 60 * 1000;

// The back-off bounds. The kiosk uses the defaults (1 min doubling to 30 min); tests of the
// background worker shrink them to milliseconds to watch the same policy in real time.
struct BackoffPolicy {
    std::int64_t firstMs = kBackoffFirstMs;
    std::int64_t maxMs = kBackoffMaxMs;
};

// Delay before retry number `failures` (1 = after the first failure): 1, 2, 4, 8, 16, 30, 30...
// minutes, then spread by ±20 % with jitter01 in [0, 1) so fifty kiosks that lost the network
// together do not come back in the same second.
std::int64_t backoffDelayMs(int failures, double jitter01, BackoffPolicy policy = {});

// "HH:MM" (24 h) -> minutes after midnight; nullopt when malformed.
std::optional<int> parseTimeOfDay(const std::string& text);

// The next instant strictly after nowMs at `minuteOfDay` local time, where local time is UTC
// shifted by utcOffsetMinutes (the caller passes the current offset, e.g. +60 in Paris winter).
std::int64_t nextDailyMs(std::int64_t nowMs, int minuteOfDay, int utcOffsetMinutes);

// The scheduling state of one kiosk. Feed it facts, ask it what to do.
class SyncSchedule {
public:
    SyncSchedule(int endOfDayMinute, int utcOffsetMinutes, std::int64_t nowMs,
                 BackoffPolicy policy = {});

    // Should a round start now? True when "Synchroniser maintenant" was asked, when the
    // end-of-day time has come, or when records are pending and the back-off delay is over.
    bool due(std::int64_t nowMs, std::int64_t pendingRecords) const;
    void requestNow() { requested_ = true; }
    bool requested() const { return requested_; }
    // After a round: success resets the back-off; a failure doubles it (jitter01 in [0, 1)).
    void onRoundFinished(bool success, std::int64_t nowMs, double jitter01);

    int failures() const { return failures_; }
    std::int64_t nextRetryMs() const { return nextRetryMs_; }
    std::int64_t nextEndOfDayMs() const { return nextEndOfDayMs_; }
    std::optional<std::int64_t> lastSuccessMs() const { return lastSuccessMs_; }
    // The local offset changes twice a year (summer time): the next end-of-day moves with it.
    void setUtcOffset(int minutes, std::int64_t nowMs);

private:
    int endOfDayMinute_;
    int utcOffsetMinutes_;
    BackoffPolicy policy_;
    bool requested_ = false;
    int failures_ = 0;
    std::int64_t nextRetryMs_ = 0; // opportunistic sync allowed from this instant
    std::int64_t nextEndOfDayMs_;
    std::optional<std::int64_t> lastSuccessMs_;
};

} // namespace repere::sync
