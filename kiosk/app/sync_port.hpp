// What the kiosk's screens know of sync and may ask of it, without any sync code: the trainer
// area reads a SyncStatus copy and asks for a round; SyncWorker (sync_worker.hpp) implements it
// and tests substitute a fake.
#pragma once

#include "sync/client/sync_error.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace repere::app {

// Why the last round failed, typed where it failed (sync/client/sync_error.hpp), so screens say
// it in French (the error text itself is the sync client's English, for IT).
using SyncErrorKind = sync::SyncErrorKind;

// What screens show about sync; a copy, taken under the worker's lock.
struct SyncStatus {
    bool started = false;        // the worker opened its database and runs
    bool enrolled = false;       // this kiosk has a server and a token
    bool running = false;        // a round is in progress
    bool requested = false;      // "Synchroniser maintenant" asked, round not started yet
    std::int64_t pushed = 0;     // records acknowledged in the current (or last) round
    std::int64_t roundTotal = 0; // records pending when the round started (grows if more arrive)
    std::int64_t pending = 0;    // records waiting on the kiosk
    std::optional<std::int64_t> lastSuccessMs; // epoch ms
    std::string lastError;                     // of the last round ("" after a success)
    SyncErrorKind lastErrorKind = SyncErrorKind::None;
    int failures = 0;                          // rounds failed in a row (drives the back-off)
    std::optional<std::int64_t> lastRoundMs;   // epoch ms when the last round ended
    std::optional<std::int64_t> nextAttemptMs; // epoch ms of the next opportunistic round
    // Bumped each time a round installed quiz packages from the catalogue: the app then adds
    // them to its quiz library between frames (Controller::tick), without a restart.
    std::uint64_t catalogGeneration = 0;
    bool operator==(const SyncStatus&) const = default;
};

// What the app's screens may ask of sync (tests substitute it).
class SyncPort {
public:
    virtual ~SyncPort() = default;
    virtual SyncStatus status() const = 0;
    virtual void requestNow() = 0;
};

} // namespace repere::app
