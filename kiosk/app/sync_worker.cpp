#include "app/sync_worker.hpp"

#include "quiz/loader.hpp"
#include "store/database.hpp"
#include "sync/client/database_state.hpp"
#include "util/local_time.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <random>

namespace repere::app {
namespace {

constexpr std::int64_t kRetentionEveryMs = 86'400'000; // daily, and at start

std::int64_t systemEpochMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Pulled packages go through the same loader the kiosk uses before they are installed.
std::vector<std::string> validateWithLoader(const std::filesystem::path& folder) {
    return quiz::loadPackage(folder).errorLines();
}

std::optional<std::int64_t> parseMs(const std::optional<std::string>& text) {
    if (!text || text->empty())
        return std::nullopt;
    try {
        return std::stoll(*text);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace

SyncWorker::SyncWorker(SyncWorkerOptions options) : options_(std::move(options)) {
    if (!options_.epochMs)
        options_.epochMs = systemEpochMs;
    if (!options_.utcOffsetMinutes)
        options_.utcOffsetMinutes = util::localUtcOffsetMinutes;
    if (!options_.validate)
        options_.validate = validateWithLoader;
    options_.pollMs = std::max<std::int64_t>(options_.pollMs, 10);
}

SyncWorker::~SyncWorker() {
    stop();
}

void SyncWorker::start() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (thread_.joinable() || stopping_)
        return;
    thread_ = std::thread([this] { run(); });
}

void SyncWorker::stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
        if (!thread_.joinable())
            return;
    }
    wake_.notify_all();
    // Cut the request in flight. Repeated until the thread is out, because a request can be
    // between "not cancelled yet" and having a socket to cut the first time round.
    {
        std::unique_lock<std::mutex> lock(mutex_);
        while (!exited_) {
            lock.unlock();
            cancel_->cancel();
            lock.lock();
            exitedCv_.wait_for(lock, std::chrono::milliseconds(20), [&] { return exited_; });
        }
    }
    thread_.join();
}

SyncStatus SyncWorker::status() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return status_;
}

void SyncWorker::requestNow() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        requested_ = true;
        status_.requested = true;
    }
    wake_.notify_all();
    if (options_.changed)
        options_.changed();
}

void SyncWorker::nudge() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        nudged_ = true;
    }
    wake_.notify_all();
}

std::int64_t SyncWorker::now() const {
    return options_.epochMs();
}

void SyncWorker::publish(const std::function<void(SyncStatus&)>& edit) {
    bool changed = false;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        const SyncStatus before = status_;
        edit(status_);
        changed = !(status_ == before);
    }
    // Only real changes wake the screen: an idle kiosk stays idle between polls.
    if (changed && options_.changed)
        options_.changed();
}

void SyncWorker::applyRetention(store::Database& db) {
    try {
        const auto r = store::applyRetention(db, options_.dataDir, options_.retention, now());
        if (!r.filesRemoved.empty() || r.outboxRows > 0 || r.auditLines > 0)
            std::fprintf(stderr, "repere-kiosk: retention: %s removed\n", r.summary().c_str());
    } catch (const std::exception& e) {
        // Tried again tomorrow; sync goes on.
        std::fprintf(stderr, "repere-kiosk: retention: %s\n", e.what());
    }
}

struct SyncWorker::Connection {
    std::unique_ptr<store::Database> db;
    std::unique_ptr<sync::DatabaseSyncState> state;
    std::optional<sync::SyncSchedule> schedule;
};

void SyncWorker::waitFor(std::int64_t ms) {
    std::unique_lock<std::mutex> lock(mutex_);
    wake_.wait_for(lock, std::chrono::milliseconds(std::max<std::int64_t>(ms, 1)),
                   [&] { return stopping_ || requested_ || nudged_; });
    nudged_ = false;
}

bool SyncWorker::stopping() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return stopping_;
}

bool SyncWorker::open(Connection& c) {
    try {
        store::OpenOptions o;
        // The UI's connection opened (and checked) the file first; this one must never move it
        // aside behind the UI's back.
        o.moveAsideCorrupt = false;
        c.db = store::Database::openDataDir(options_.dataDir, o);
        c.state = std::make_unique<sync::DatabaseSyncState>(*c.db);
        const auto t = now();
        c.schedule.emplace(options_.endOfDayMinute, options_.utcOffsetMinutes(t), t,
                           options_.backoff);
        const auto lastSuccess = parseMs(c.state->value(sync::key::kLastSuccessMs));
        const auto lastError = c.state->value(sync::key::kLastError).value_or("");
        // Saved by the last round (SyncClient::round); a database from before the kind was
        // saved has only the text: shown as a failure without a cause of its own.
        const auto lastKind =
            sync::parseSyncErrorKind(c.state->value(sync::key::kLastErrorKind).value_or(""))
                .value_or(lastError.empty() ? SyncErrorKind::None : SyncErrorKind::Other);
        publish([&](SyncStatus& s) {
            s.started = true;
            s.lastSuccessMs = lastSuccess;
            s.lastError = lastError;
            s.lastErrorKind = lastKind;
        });
        return true;
    } catch (const std::exception& e) {
        c.db.reset();
        c.state.reset();
        const sync::SyncError why = sync::syncErrorFromException(e);
        publish([&](SyncStatus& s) {
            s.lastError = "cannot open the kiosk database: " + why.message;
            s.lastErrorKind = why.kind;
        });
        return false;
    }
}

bool SyncWorker::look(Connection& c, std::int64_t& pending, bool& enrolled) {
    try {
        pending = c.db->pendingCount();
        sync::SyncClient probe(*c.db, *c.state, options_.dataDir);
        enrolled = probe.enrolled();
        return true;
    } catch (const std::exception& e) {
        const sync::SyncError why = sync::syncErrorFromException(e);
        publish([&](SyncStatus& s) {
            s.lastError = why.message;
            s.lastErrorKind = why.kind;
        });
        return false;
    }
}

void SyncWorker::run() {
    Connection c;
    std::optional<std::int64_t> lastRetentionMs;
    std::mt19937 rng(std::random_device{}());
    std::uniform_real_distribution<double> jitter(0.0, 1.0);

    while (!stopping()) {
        if (!c.db && !open(c)) {
            waitFor(options_.pollMs);
            continue;
        }
        auto& schedule = *c.schedule;
        const auto t = now();
        if (!lastRetentionMs || t - *lastRetentionMs >= kRetentionEveryMs) {
            lastRetentionMs = t;
            applyRetention(*c.db);
        }
        schedule.setUtcOffset(options_.utcOffsetMinutes(t), t);
        std::int64_t pending = 0;
        bool enrolled = false;
        if (!look(c, pending, enrolled)) {
            waitFor(options_.pollMs);
            continue;
        }
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (requested_)
                schedule.requestNow();
            requested_ = false;
        }
        publish([&](SyncStatus& s) {
            s.pending = pending;
            s.enrolled = enrolled;
            s.requested = schedule.requested();
            s.failures = schedule.failures();
            s.nextAttemptMs = pending > 0
                                  ? std::optional<std::int64_t>(std::max(schedule.nextRetryMs(), t))
                                  : std::nullopt;
        });

        // Not enrolled: only an explicit request runs a round (it fails with the reason, which
        // the trainer then sees); the schedule stays quiet instead of failing every minute.
        if (schedule.due(t, pending) && (enrolled || schedule.requested())) {
            const bool ok = round(*c.db, *c.state, pending);
            const auto endMs = now();
            schedule.onRoundFinished(ok, endMs, jitter(rng));
            const auto failures = schedule.failures();
            const auto next = schedule.nextRetryMs();
            publish([&](SyncStatus& s) {
                s.lastRoundMs = endMs;
                s.failures = failures;
                s.requested = false;
                s.nextAttemptMs = s.pending > 0 ? std::optional<std::int64_t>(next) : std::nullopt;
            });
            continue;
        }

        std::int64_t waitMs = options_.pollMs;
        if (enrolled) {
            if (pending > 0)
                waitMs = std::min(waitMs, schedule.nextRetryMs() - t);
            waitMs = std::min(waitMs, schedule.nextEndOfDayMs() - t);
        }
        waitFor(waitMs);
    }

    std::lock_guard<std::mutex> lock(mutex_);
    exited_ = true;
    exitedCv_.notify_all();
}

bool SyncWorker::round(store::Database& db, sync::KioskSyncState& state,
                       std::int64_t pendingAtStart) {
    const auto startMs = now();
    publish([&](SyncStatus& s) {
        s.running = true;
        s.pushed = 0;
        s.roundTotal = pendingAtStart;
    });
    sync::ClientHooks hooks = options_.testHooks;
    hooks.cancel = cancel_;
    auto testAcknowledged = hooks.acknowledged;
    hooks.acknowledged = [this, testAcknowledged](std::int64_t n) {
        publish([&](SyncStatus& s) {
            s.pushed = n;
            s.roundTotal = std::max(s.roundTotal, n);
        });
        if (testAcknowledged)
            testAcknowledged(n);
    };
    sync::SyncClient client(db, state, options_.dataDir, hooks);
    client.recordings = &db; // recorded answers go up after their records
    if (options_.maxBatchRecords > 0)
        client.maxBatchRecords = options_.maxBatchRecords;
    client.retry = options_.retry; // its waits are cut by the worker's cancel token on stop()

    sync::RoundReport r;
    std::int64_t pendingAfter = pendingAtStart;
    try {
        r = client.round(options_.validate, startMs);
        pendingAfter = r.push.pending;
    } catch (const std::exception& e) {
        // A store error on this connection (disk full, busy beyond the timeout): the round
        // failed, nothing was marked that the server did not name, the back-off applies.
        r.push.ok = false;
        const sync::SyncError why = sync::syncErrorFromException(e);
        r.push.error = why.message;
        r.push.errorKind = why.kind;
        try {
            pendingAfter = db.pendingCount();
        } catch (const std::exception&) {
        }
    }
    if (r.push.resent > 0) // the server had lost acknowledged records (sync_client.cpp)
        std::cerr << "sync: the server's cursor was behind this kiosk's acknowledgements; "
                  << r.push.resent << " records sent again" << std::endl;
    const bool ok = r.ok();
    const std::string error = ok ? std::string() : r.error();
    const SyncErrorKind kind = r.errorKind();
    publish([&](SyncStatus& s) {
        s.running = false;
        s.pending = pendingAfter;
        if (ok)
            s.lastSuccessMs = startMs;
        s.lastError = error;
        s.lastErrorKind = kind;
        if (r.pull.quizzesInstalled > 0)
            ++s.catalogGeneration; // committed by applyCatalog
    });
    return ok;
}

} // namespace repere::app
