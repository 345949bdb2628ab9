// Sync scheduling as time arithmetic: back-off, end-of-day, "Synchroniser maintenant".
#include "sync/client/schedule.hpp"

#include <catch2/catch.hpp>

using namespace repere::sync;

namespace {
constexpr std::int64_t kMin = 60 * 1000;
// 2026-11-28 00:00 UTC
constexpr std::int64_t kMidnightUtc = 1795824000000;
} // namespace

TEST_CASE("schedule: back-off doubles from 1 to 30 minutes, jitter spreads it by 20 %") {
    CHECK(backoffDelayMs(0, 0.5) == 0);
    CHECK(backoffDelayMs(1, 0.5) == 1 * kMin);
    CHECK(backoffDelayMs(2, 0.5) == 2 * kMin);
    CHECK(backoffDelayMs(3, 0.5) == 4 * kMin);
    CHECK(backoffDelayMs(5, 0.5) == 16 * kMin);
    CHECK(backoffDelayMs(6, 0.5) == 30 * kMin);
    CHECK(backoffDelayMs(60, 0.5) == 30 * kMin);
    CHECK(backoffDelayMs(1, 0.0) == 48 * 1000);
    CHECK(backoffDelayMs(6, 0.999999) <= 36 * kMin);
    CHECK(backoffDelayMs(6, 0.0) == 24 * kMin);
}

TEST_CASE("schedule: end-of-day time parsing and next occurrence in local time") {
    CHECK(parseTimeOfDay("17:30") == 17 * 60 + 30);
    CHECK_FALSE(parseTimeOfDay("25:00"));
    CHECK_FALSE(parseTimeOfDay("7:30"));
    CHECK_FALSE(parseTimeOfDay("17h30"));
    // Paris in winter is UTC+1: 17:30 local = 16:30 UTC.
    CHECK(nextDailyMs(kMidnightUtc + 10 * 60 * kMin, 17 * 60 + 30, 60) ==
          kMidnightUtc + (16 * 60 + 30) * kMin);
    // Already past today: tomorrow.
    CHECK(nextDailyMs(kMidnightUtc + (16 * 60 + 30) * kMin, 17 * 60 + 30, 60) ==
          kMidnightUtc + (24 * 60 + 16 * 60 + 30) * kMin);
}

TEST_CASE(
    "schedule: pending records retry on back-off - the end of day and a request always sync") {
    const std::int64_t t0 = kMidnightUtc + 9 * 60 * kMin; // 10:00 Paris
    SyncSchedule s(17 * 60 + 30, 60, t0);
    CHECK(s.due(t0, 3)); // pending and no failure yet: go
    CHECK_FALSE(s.due(t0, 0));
    s.onRoundFinished(false, t0, 0.5);
    CHECK(s.failures() == 1);
    CHECK_FALSE(s.due(t0 + 59 * 1000, 3));
    CHECK(s.due(t0 + kMin, 3));
    s.onRoundFinished(false, t0 + kMin, 0.5);
    CHECK_FALSE(s.due(t0 + 2 * kMin, 3));
    CHECK(s.due(t0 + 3 * kMin, 3)); // 1 + 2 minutes
    s.requestNow();
    CHECK(s.due(t0 + 2 * kMin, 0)); // "Synchroniser maintenant" ignores the back-off
    s.onRoundFinished(true, t0 + 2 * kMin, 0.5);
    CHECK(s.failures() == 0);
    CHECK(s.lastSuccessMs() == t0 + 2 * kMin);
    CHECK_FALSE(s.due(t0 + 2 * kMin + 1000, 5)); // a breather after a success
    CHECK(s.due(t0 + 3 * kMin, 5));
    // Nothing pending, no failure: only the end of day triggers.
    const std::int64_t endOfDay = kMidnightUtc + (16 * 60 + 30) * kMin;
    CHECK_FALSE(s.due(endOfDay - 1, 0));
    CHECK(s.due(endOfDay, 0));
    s.onRoundFinished(true, endOfDay, 0.5);
    CHECK(s.nextEndOfDayMs() == endOfDay + 24 * 60 * kMin);
}

TEST_CASE("schedule: a shorter back-off policy keeps the same doubling and cap") {
    const BackoffPolicy fast{100, 800};
    CHECK(backoffDelayMs(1, 0.5, fast) == 100);
    CHECK(backoffDelayMs(3, 0.5, fast) == 400);
    CHECK(backoffDelayMs(4, 0.5, fast) == 800);
    CHECK(backoffDelayMs(9, 0.5, fast) == 800);
    SyncSchedule s(17 * 60 + 30, 60, kMidnightUtc, fast);
    s.onRoundFinished(false, kMidnightUtc, 0.5);
    CHECK(s.nextRetryMs() == kMidnightUtc + 100);
    s.onRoundFinished(true, kMidnightUtc + 100, 0.5);
    CHECK(s.nextRetryMs() == kMidnightUtc + 200); // the breather is the first step of the policy
}

TEST_CASE("schedule: a change of UTC offset moves a future end of day but never skips a due one") {
    const std::int64_t t0 = kMidnightUtc + 9 * 60 * kMin;
    SyncSchedule s(17 * 60 + 30, 60, t0);
    CHECK(s.nextEndOfDayMs() == kMidnightUtc + (16 * 60 + 30) * kMin);
    s.setUtcOffset(120, t0); // summer time: 17:30 local = 15:30 UTC
    CHECK(s.nextEndOfDayMs() == kMidnightUtc + (15 * 60 + 30) * kMin);
    const std::int64_t late = kMidnightUtc + 20 * 60 * kMin; // past it, round not run yet
    CHECK(s.due(late, 0));
    s.setUtcOffset(60, late);
    CHECK(s.due(late, 0));
}
