#include "store/checkpointer.hpp"

#include <sqlite3.h>
#include <stdexcept>
#include <string>

namespace repere::store {

using Clock = std::chrono::steady_clock;

Checkpointer::Checkpointer(sqlite3* writer, const std::filesystem::path& file,
                           CheckpointPolicy policy)
    : writer_(writer), policy_(policy), lastCommit_(Clock::now()) {
    // The worker's own connection: a checkpoint on the writer's connection would hold its mutex
    // and make the next answer wait.
    if (sqlite3_open_v2(file.c_str(), &own_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        const std::string why = own_ ? sqlite3_errmsg(own_) : "out of memory";
        sqlite3_close(own_);
        throw std::runtime_error("checkpoint connection to " + file.string() + ": " + why);
    }
    sqlite3_exec(own_, "PRAGMA cache_size=-64", nullptr, nullptr, nullptr); // copies, not reads
    sqlite3_wal_autocheckpoint(own_, 0); // its own tiny writes never checkpoint inline
    worker_ = std::thread([this] { run(); });
    sqlite3_wal_hook(writer_, &Checkpointer::onCommit, this);
}

Checkpointer::~Checkpointer() {
    sqlite3_wal_hook(writer_, nullptr, nullptr);
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    worker_.join();
    sqlite3_close(own_);
}

// Runs on the writer's thread after each commit, with the number of pages now in the WAL.
int Checkpointer::onCommit(void* self, sqlite3* db, const char* schema, int frames) {
    auto& c = *static_cast<Checkpointer*>(self);
    if (frames >= c.policy_.inlineLimitPages) {
        // The worker did not get a quiet moment for a long time: bound the WAL as SQLite would.
        sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        ++c.inline_;
    }
    {
        std::lock_guard lock(c.mutex_);
        c.pending_ = true;
        c.frames_ = frames;
        c.lastCommit_ = Clock::now();
    }
    c.wake_.notify_all();
    return SQLITE_OK;
}

void Checkpointer::run() {
    std::unique_lock lock(mutex_);
    while (!stop_) {
        if (!pending_) {
            wake_.wait(lock, [this] { return stop_ || pending_; });
            continue;
        }
        const int waitMs = frames_ >= policy_.minFrames ? policy_.quietMs : policy_.idleMs;
        const auto due = lastCommit_ + std::chrono::milliseconds(waitMs);
        if (Clock::now() < due) {
            wake_.wait_until(lock, due); // a commit meanwhile moves `due`: looked at again
            continue;
        }
        pending_ = false;
        lock.unlock();
        int inWal = 0, copied = 0;
        const int rc =
            sqlite3_wal_checkpoint_v2(own_, "main", SQLITE_CHECKPOINT_PASSIVE, &inWal, &copied);
        ++background_;
        if (rc == SQLITE_OK && inWal > 0 && copied == inWal)
            restartWal();
        lock.lock();
        // A reader kept some pages from being copied, or the disk refused (full, I/O error): the
        // pages stay safe in the WAL; try again after the next quiet period.
        if ((rc != SQLITE_OK || copied < inWal) && !stop_) {
            pending_ = true;
            lastCommit_ = Clock::now();
        }
    }
}

// The first commit into a fully checkpointed WAL starts it over from its beginning and syncs its
// new header before its own pages: two syncs where an answer pays one. That first commit is made
// here, on the worker: page 1 rewritten with the user_version it already has (nothing changes).
// If the writer is busy the restart is left to it, as before.
void Checkpointer::restartWal() {
    if (sqlite3_exec(own_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
        return;
    sqlite3_stmt* st = nullptr;
    int version = -1;
    if (sqlite3_prepare_v2(own_, "PRAGMA user_version", -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        version = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    const std::string same = "PRAGMA user_version = " + std::to_string(version);
    if (version < 0 || sqlite3_exec(own_, same.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK ||
        sqlite3_exec(own_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
        sqlite3_exec(own_, "ROLLBACK", nullptr, nullptr, nullptr);
    else
        ++restarts_;
}

} // namespace repere::store
