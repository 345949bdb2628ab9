// Inactivity on a shared screen: after `askAfterMs` without a touch the kiosk asks
// "Vous êtes toujours là ?"; `resetAfterMs` later it saves, pauses and returns to welcome.
// Pure logic on a clock value, so tests drive it without waiting.
#pragma once

#include <cstdint>

namespace repere::app {

struct InactivityConfig {
    std::int64_t askAfterMs = 90'000;
    std::int64_t resetAfterMs = 30'000;
};

class Inactivity {
public:
    enum class Event { None, Ask, Reset };

    explicit Inactivity(InactivityConfig config = {}) : config_(config) {}

    // A touch or a key: the person is here.
    void activity(std::int64_t nowMs) {
        lastMs_ = nowMs;
        asking_ = false;
    }
    // What is due at `nowMs` (Ask once, then Reset once); `armed` false = welcome (nothing to
    // guard).
    Event poll(std::int64_t nowMs, bool armed) {
        if (!armed) {
            lastMs_ = nowMs;
            asking_ = false;
            return Event::None;
        }
        if (!asking_ && nowMs - lastMs_ >= config_.askAfterMs) {
            asking_ = true;
            askedMs_ = nowMs;
            return Event::Ask;
        }
        if (asking_ && nowMs - askedMs_ >= config_.resetAfterMs) {
            asking_ = false;
            lastMs_ = nowMs;
            return Event::Reset;
        }
        return Event::None;
    }
    bool asking() const { return asking_; }
    // Milliseconds until the next event (for the event loop's sleep); < 0 when disarmed.
    std::int64_t msUntilNext(std::int64_t nowMs, bool armed) const {
        if (!armed)
            return -1;
        const std::int64_t due =
            asking_ ? askedMs_ + config_.resetAfterMs : lastMs_ + config_.askAfterMs;
        return due > nowMs ? due - nowMs : 0;
    }
    // Seconds left before the reset while asking (shown on the question screen).
    int secondsLeft(std::int64_t nowMs) const {
        if (!asking_)
            return static_cast<int>(config_.resetAfterMs / 1000);
        const auto left = askedMs_ + config_.resetAfterMs - nowMs;
        return left > 0 ? static_cast<int>((left + 999) / 1000) : 0;
    }
    const InactivityConfig& config() const { return config_; }

private:
    InactivityConfig config_;
    std::int64_t lastMs_ = 0;
    std::int64_t askedMs_ = 0;
    bool asking_ = false;
};

} // namespace repere::app
