// The kiosk program: options, start-up (window and fonts here; quizzes, database and sound on
// workers, startup.hpp), the event-driven loop.
#pragma once

#include "app/inactivity.hpp"
#include "store/retention_rules.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace repere::app {

struct KioskOptions {
    // Start of the program (made first thing in main()): origin of the start-up time line.
    std::chrono::steady_clock::time_point startedAt = std::chrono::steady_clock::now();
    std::filesystem::path dataDir;
    std::filesystem::path quizzesDir;
    int width = 1280, height = 800;
    bool fullscreen = false;
    std::optional<std::filesystem::path> script;
    std::optional<std::filesystem::path> screenshots;
    InactivityConfig idle;
    std::uint64_t seed = 0;
    std::string kioskId = "kiosk";
    bool sync = true;                 // background sync with the enrolled server (sync_worker.hpp)
    int syncEndOfDayMinute = 18 * 60; // local time of the daily round
    std::filesystem::path exportDir;  // trainer exports (empty: <data dir>/exports)
    std::string agency;               // printed on the bilan
    std::string defaultLocale = "fr"; // instructions until the person chooses a language
    std::string serverUrl;            // kiosk.conf's server: checked against the enrolment
    bool exitAfterFirstFrame = false; // benchmarks: time to first frame
    bool scriptLoop = false;          // benchmarks (soak): play the script again when it ends
    // Made (empty, 0600) once the first frame is on screen: deploy/kiosk-session waits for it and
    // restarts cage when it does not come (a compositor or kiosk stuck before drawing).
    std::filesystem::path readyFile;
    // Device: PortAudio + espeak-ng. Fake: no sound card needed (real-time null output, synthetic
    // microphone, real espeak-ng) so scripted journeys can record. None: no sound at all.
    enum class Audio { Device, Fake, None } audio = Audio::Device;
    bool autoPlayInstructions = true; // instructions start by themselves when a screen opens
    // "Entendez-vous la musique ?" after the choice of language (switched on per kiosk).
    bool soundCheck = false;
    std::filesystem::path soundCheckMusic = "assets/sounds/sound-check.ogg";
    // Retention rules, applied by the sync worker's thread at start and daily (not with
    // --no-sync: tests and benchmarks).
    store::RetentionRules retention;
};

// Runs the kiosk until the window closes (or the script ends). Returns the exit code:
// 0 ok, 1 a script step failed, 2 cannot start (no display, unreadable database...).
int runKiosk(const KioskOptions& options);

} // namespace repere::app
