// Time for the kiosk: one interface so tests and --script runs can move time forward
// (inactivity timeouts are 90 s + 30 s; nobody wants to wait for them in a test).
#pragma once

#include <chrono>
#include <cstdint>

namespace repere::platform {

class Clock {
public:
    virtual ~Clock() = default;
    // Monotonic milliseconds: for timers and durations.
    virtual std::int64_t nowMs() const = 0;
    // Unix epoch milliseconds: for timestamps that are stored.
    virtual std::int64_t epochMs() const = 0;
};

// The real clock, plus an offset that scripts and tests can advance.
class AdjustableClock final : public Clock {
public:
    std::int64_t nowMs() const override {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
                   .count() +
               offsetMs_;
    }
    std::int64_t epochMs() const override {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count() +
               offsetMs_;
    }
    void advance(std::int64_t ms) { offsetMs_ += ms; }

private:
    std::int64_t offsetMs_ = 0;
};

// A clock that only moves when told to: screen and controller tests.
class ManualClock final : public Clock {
public:
    explicit ManualClock(std::int64_t startMs = 1'000'000) : now_(startMs) {}
    std::int64_t nowMs() const override { return now_; }
    std::int64_t epochMs() const override { return 1'700'000'000'000 + now_; }
    void advance(std::int64_t ms) { now_ += ms; }

private:
    std::int64_t now_;
};

} // namespace repere::platform
