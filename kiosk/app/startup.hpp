// Start-up work the first frame does not wait for (bench/kiosk/README.md, "First frame"):
//   - Prepared: the quiz packages (read and validated), the database (opened, checked, migrated)
//     and the catalogue versions, made on a worker thread started once the first frame is shown
//     (the welcome screen needs none of it); a touch before it is done waits for it.
//   - the sound (PortAudio devices, espeak-ng), made on a worker thread after the first frame.
// Whatever a worker made is handed to the UI thread whole (std::future), so nothing is shared
// while it is being built.
#pragma once

#include "app/kiosk_app.hpp"
#include "app/startup_trace.hpp"
#include "audio/audio_service.hpp"
#include "quiz/quiz_library.hpp"
#include "store/database.hpp"

#include <filesystem>
#include <future>
#include <memory>
#include <string>

namespace repere::app {

struct Prepared {
    std::unique_ptr<quiz::QuizLibrary> library;
    std::unique_ptr<store::Database> db;
    std::filesystem::path dataDir;
    std::string fatal; // not empty: the kiosk cannot start (the database could not be opened)
};

// Starts preparing on a worker thread; `done` is called on that thread at the end, just before
// the future becomes ready (so whoever `done` wakes must wait for it, not only test it).
std::future<Prepared> prepareAsync(const KioskOptions& o, StartupTrace& trace,
                                   std::function<void()> done);

// Starts the sound on a worker thread (null result with --audio none); `done` as above.
std::future<std::unique_ptr<audio::AudioService>>
startAudioAsync(const KioskOptions& o, const std::filesystem::path& dataDir, StartupTrace& trace,
                std::function<void()> done);

} // namespace repere::app
