// The start-up time line of the kiosk (bench/kiosk/README.md): with REPERE_STARTUP_TRACE=1 in
// the environment, each step prints "repere-kiosk: startup +N.N ms [thread] step" on stderr,
// counted from main(). Thread-safe: the start-up worker and the sound worker mark their steps too.
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace repere::app {

class StartupTrace {
public:
    using Clock = std::chrono::steady_clock;
    explicit StartupTrace(Clock::time_point origin)
        : origin_(origin), on_(enabledByEnvironment()) {}

    static bool enabledByEnvironment() {
        const char* v = std::getenv("REPERE_STARTUP_TRACE");
        return v && *v && *v != '0';
    }
    double msSinceStart() const {
        return std::chrono::duration<double, std::milli>(Clock::now() - origin_).count();
    }
    void mark(const char* thread, const char* step) {
        if (!on_)
            return;
        std::lock_guard lock(mutex_);
        std::fprintf(stderr, "repere-kiosk: startup +%.1f ms [%s] %s\n", msSinceStart(), thread,
                     step);
    }

private:
    Clock::time_point origin_;
    bool on_;
    std::mutex mutex_;
};

} // namespace repere::app
