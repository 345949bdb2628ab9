#include "sync/client/schedule.hpp"

#include <algorithm>
#include <cmath>

namespace repere::sync {

std::int64_t backoffDelayMs(int failures, double jitter01, BackoffPolicy policy) {
    if (failures <= 0)
        return 0;
    std::int64_t base = policy.firstMs;
    for (int k = 1; k < failures && base < policy.maxMs; ++k)
        base *= 2;
    base = std::min(base, policy.maxMs);
    const double j = std::clamp(jitter01, 0.0, 1.0);
    return static_cast<std::int64_t>(std::llround(static_cast<double>(base) * (0.8 + 0.4 * j)));
}

std::optional<int> parseTimeOfDay(const std::string& text) {
    if (text.size() != 5 || text[2] != ':')
        return std::nullopt;
    for (int k : {0, 1, 3, 4})
        if (text[static_cast<std::size_t>(k)] < '0' || text[static_cast<std::size_t>(k)] > '9')
            return std::nullopt;
    const int h = (text[0] - '0') * 10 + (text[1] - '0');
    const int m = (text[3] - '0') * 10 + (text[4] - '0');
    if (h > 23 || m > 59)
        return std::nullopt;
    return h * 60 + m;
}

std::int64_t nextDailyMs(std::int64_t nowMs, int minuteOfDay, int utcOffsetMinutes) {
    constexpr std::int64_t day = 24LL * 3600 * 1000;
    const std::int64_t offset = static_cast<std::int64_t>(utcOffsetMinutes) * 60000;
    const std::int64_t local = nowMs + offset;
    const std::int64_t midnight = local - ((local % day) + day) % day;
    std::int64_t candidate = midnight + static_cast<std::int64_t>(minuteOfDay) * 60000;
    if (candidate <= local)
        candidate += day;
    return candidate - offset;
}

SyncSchedule::SyncSchedule(int endOfDayMinute, int utcOffsetMinutes, std::int64_t nowMs,
                           BackoffPolicy policy)
    : endOfDayMinute_(endOfDayMinute), utcOffsetMinutes_(utcOffsetMinutes), policy_(policy),
      nextEndOfDayMs_(nextDailyMs(nowMs, endOfDayMinute, utcOffsetMinutes)) {}

bool SyncSchedule::due(std::int64_t nowMs, std::int64_t pendingRecords) const {
    if (requested_)
        return true;
    if (nowMs >= nextEndOfDayMs_)
        return true;
    return pendingRecords > 0 && nowMs >= nextRetryMs_;
}

void SyncSchedule::onRoundFinished(bool success, std::int64_t nowMs, double jitter01) {
    requested_ = false;
    if (nowMs >= nextEndOfDayMs_)
        nextEndOfDayMs_ = nextDailyMs(nowMs, endOfDayMinute_, utcOffsetMinutes_);
    if (success) {
        failures_ = 0;
        lastSuccessMs_ = nowMs;
        // New records made after a success go up at the next opportunity, one minute later at
        // the soonest, so a busy kiosk does not sync after every single answer.
        nextRetryMs_ = nowMs + policy_.firstMs;
    } else {
        ++failures_;
        nextRetryMs_ = nowMs + backoffDelayMs(failures_, jitter01, policy_);
    }
}

void SyncSchedule::setUtcOffset(int minutes, std::int64_t nowMs) {
    if (minutes == utcOffsetMinutes_)
        return;
    utcOffsetMinutes_ = minutes;
    // A due end-of-day round stays due; only a future one moves.
    if (nextEndOfDayMs_ > nowMs)
        nextEndOfDayMs_ = nextDailyMs(nowMs, endOfDayMinute_, utcOffsetMinutes_);
}

} // namespace repere::sync
