// The kiosk's background sync: one thread that pushes the outbox and pulls the catalogue
// without ever holding up the screen.
//
// When it syncs: at the configured end-of-day time, when asked ("Synchroniser maintenant"),
// and while records are pending on the back-off timer of SyncSchedule (1 min doubling to
// 30 min, with jitter) after failures.
//
// Why it cannot block the screen: it has its own connection to the kiosk database (SQLite WAL:
// the UI's writes and its reads do not wait for each other; its own writes are short
// transactions), all HTTP happens on its thread, and screens read a copied SyncStatus. Its waits
// are condition-variable waits, and stop() cancels the request in flight, so closing the kiosk
// never waits for a slow network.
#pragma once

#include "app/sync_port.hpp"
#include "store/retention_rules.hpp"
#include "sync/client/http_transport.hpp"
#include "sync/client/schedule.hpp"
#include "sync/client/sync_client.hpp"

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace repere::store {
class Database;
}

namespace repere::app {

struct SyncWorkerOptions {
    std::filesystem::path dataDir; // the kiosk's data folder (database, pulled packages)
    int endOfDayMinute = 18 * 60;  // local time of the daily round
    sync::BackoffPolicy backoff;   // tests shrink it
    std::int64_t pollMs = 5000;    // how often the outbox is looked at when nothing wakes us
    std::function<std::int64_t()> epochMs;                     // default: system clock
    std::function<int(std::int64_t epochMs)> utcOffsetMinutes; // default: the system's time zone
    sync::PackageValidator validate; // pulled packages; default: the quiz loader
    std::function<void()> changed;   // status changed (the app wakes its event loop); any thread
    std::size_t maxBatchRecords = 0; // 0: the protocol's maximum (tests use small batches)
    sync::RetryPolicy retry;         // a failed request within a round (tests: short waits)
    sync::ClientHooks testHooks;     // tests only (progress lines...); cancel is the worker's
    // Retention rules (issue 14, point 9): applied on this thread when it starts, then once a
    // day (by epochMs), never on the UI thread.
    store::RetentionRules retention;
};

class SyncWorker final : public SyncPort {
public:
    explicit SyncWorker(SyncWorkerOptions options);
    ~SyncWorker() override; // stop()
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    void start();
    // Returns promptly even mid-round: the request in flight is cut, nothing is half-marked.
    void stop();

    SyncStatus status() const override;
    void requestNow() override;
    // The UI stored records: look at the outbox now instead of at the next poll.
    void nudge();

private:
    // The worker thread's own database connection and schedule (sync_worker.cpp).
    struct Connection;
    void run();
    // Opens the database on the worker's thread and publishes the last round's outcome; false
    // when it cannot be opened yet (the reason is published).
    bool open(Connection& c);
    // What the outbox holds and whether the kiosk is enrolled; false when the store failed.
    bool look(Connection& c, std::int64_t& pending, bool& enrolled);
    void waitFor(std::int64_t ms);
    bool stopping() const;
    bool round(store::Database& db, sync::KioskSyncState& state, std::int64_t pendingAtStart);
    void publish(const std::function<void(SyncStatus&)>& edit);
    void applyRetention(store::Database& db);
    std::int64_t now() const;

    SyncWorkerOptions options_;
    std::shared_ptr<sync::CancelToken> cancel_ = std::make_shared<sync::CancelToken>();
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    bool requested_ = false;
    bool nudged_ = false;
    bool exited_ = false;
    std::condition_variable exitedCv_;
    SyncStatus status_;
    std::thread thread_;
};

} // namespace repere::app
