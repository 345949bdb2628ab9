// WAL checkpoints off the answer path.
//
// With SQLite's default (wal_autocheckpoint=1000), the commit that brings the WAL to 1000 pages
// also copies them into the database file and syncs that file: the person whose answer it was
// waits for the copy and a second fsync (bench/store: the slow 1 % of commits). Here the writing
// connection checkpoints itself only as a safety net, when the WAL reaches
// CheckpointPolicy::inlineLimitPages (so the WAL stays bounded even if the worker cannot keep
// up), and a worker thread with a connection of its own runs PASSIVE checkpoints (which never
// block the writer) once no commit came for a while: people read the next item for seconds.
// The worker also makes the first commit of the WAL's next round (restartWal), which SQLite
// syncs twice; so an answer's commit is one append and one fdatasync of the WAL, nothing more.
//
// Durability is unchanged: with synchronous=FULL every commit is synced in the WAL before it
// returns, and a checkpoint only copies pages already committed there into the database file.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <thread>

struct sqlite3;

namespace repere::store {

struct CheckpointPolicy {
    // No commit for this long and at least minFrames pages waiting: checkpoint.
    int quietMs = 1500;
    int minFrames = 1000; // SQLite's own threshold: the WAL file stays about 4 MiB
    // No commit for this long and any page waiting: checkpoint (an idle kiosk leaves a complete
    // database file).
    int idleMs = 30'000;
    // The writer checkpoints inline (as SQLite's autocheckpoint would) at this WAL size:
    // 8,000 pages = 32 MiB with 4 KiB pages.
    int inlineLimitPages = 8000;
};

class Checkpointer {
public:
    // Installs its WAL hook on `writer` (replacing SQLite's autocheckpoint) and opens a second
    // connection to `file` for the worker. Throws std::runtime_error when that connection cannot
    // be opened (the caller keeps SQLite's autocheckpoint then).
    Checkpointer(sqlite3* writer, const std::filesystem::path& file, CheckpointPolicy policy = {});
    // Stops the worker and closes its connection; must run before `writer` is closed (the last
    // connection to close checkpoints and removes the WAL).
    ~Checkpointer();
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;

    // Checkpoints run so far by the worker, and inline by the writer (bench, tests).
    std::uint64_t backgroundCheckpoints() const { return background_; }
    std::uint64_t inlineCheckpoints() const { return inline_; }
    // WAL restarts made by the worker (restartWal) rather than by an answer.
    std::uint64_t walRestarts() const { return restarts_; }

private:
    static int onCommit(void* self, sqlite3* db, const char* schema, int frames);
    void run();
    void restartWal();

    sqlite3* writer_;
    sqlite3* own_ = nullptr;
    CheckpointPolicy policy_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    bool pending_ = false; // commits since the worker's last checkpoint
    int frames_ = 0;       // pages in the WAL after the last commit
    std::chrono::steady_clock::time_point lastCommit_;
    std::atomic<std::uint64_t> background_{0};
    std::atomic<std::uint64_t> inline_{0};
    std::atomic<std::uint64_t> restarts_{0};
    std::thread worker_;
};

} // namespace repere::store
