// Storage benchmark: how long the kiosk waits for each answer to be committed, over N simulated
// answers (default 4,000), in three databases written in turn at every step: synchronous=FULL
// with SQLite's own checkpoints (on the committing call), FULL with checkpoints on a background
// thread (what the kiosk uses, store/checkpointer.hpp), and NORMAL. The baseline, sampled at
// every step too, is the disk's own latency for what FULL pays per answer (4 KiB append +
// fdatasync). Then it exports the kiosk's database to CSV.
//
//   bench_store [--responses N] [--think-ms MS] [--dir DIR]   (DIR: a folder on the disk to
//   measure)
#include "store/database.hpp"
#include "store/export.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace repere::store;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

struct Stats {
    double p50 = 0, p90 = 0, p99 = 0, p999 = 0, max = 0, mean = 0;
};

Stats stats(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) {
        return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))];
    };
    Stats s;
    s.p50 = at(0.50);
    s.p90 = at(0.90);
    s.p99 = at(0.99);
    s.p999 = at(0.999);
    s.max = ms.back();
    double sum = 0;
    for (double v : ms) {
        sum += v;
    }
    s.mean = sum / static_cast<double>(ms.size());
    return s;
}

double msSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// A varied answer, about the size real ones have.
nlohmann::json simulatedAnswer(std::mt19937& rng, int seq) {
    switch (seq % 5) {
    case 0:
        return {{"selected", {std::string(1, static_cast<char>('a' + rng() % 4))}}};
    case 1:
        return {{"gaps", {{"g1", "pharmacie"}, {"g2", "mardi"}}}};
    case 2:
        return {{"text", "Bonjour, je voudrais prendre rendez-vous avec le médecin mardi matin."}};
    case 3:
        return {{"x", 0.42}, {"y", 0.31}};
    default:
        return {{"state", "sent_with_attachment"}, {"steps", {"open", "attach", "send"}}};
    }
}

// One database the bench writes answers into, as the kiosk does: 40 answers per attempt, each
// its own transaction with its outbox row; only storeResponse is timed (what the kiosk waits for
// before showing the next item).
struct Run {
    const char* name;
    std::unique_ptr<Database> db;
    std::mt19937 rng{42};
    std::string attempt;
    std::vector<double> ms;
};

Run openRun(const char* name, const fs::path& dir, Synchronous mode, bool background, int quietMs) {
    fs::remove_all(dir);
    OpenOptions options;
    options.synchronous = mode;
    options.backgroundCheckpoint = background;
    options.checkpointPolicy.quietMs = quietMs; // scaled to the bench's think time
    Run r{name, Database::openDataDir(dir, options), std::mt19937(42), {}, {}};
    return r;
}

void commitOne(Run& run, int i, int perAttempt) {
    auto& db = *run.db;
    auto& rng = run.rng;
    const int seq = i % perAttempt;
    if (seq == 0) {
        if (!run.attempt.empty()) {
            db.finishAttempt(run.attempt,
                             {{"levels", {{"reading", "a1"}, {"listening", "a1.1"}}},
                              {"competences", {{"read-sign", {{"score", 3}, {"max", 4}}}}}});
        }
        const auto b = db.registerNewBeneficiary(std::nullopt, db.nowMs());
        NewAttempt a;
        a.code = b.code;
        a.quizId = "francais";
        a.quizVersion = "1.0.0";
        a.quizHash = std::string(64, 'a');
        a.kioskId = "bench";
        a.seed = i;
        run.attempt = db.startAttempt(a).uuid;
    }
    repere::engine::Response r;
    r.attemptUuid = run.attempt;
    r.sequence = seq;
    r.sectionId = "lecture";
    r.itemId = "item-" + std::to_string(rng() % 90);
    r.answer = simulatedAnswer(rng, seq);
    r.score = rng() % 2;
    r.maxScore = 1;
    r.status =
        r.score > 0 ? repere::engine::ResponseStatus::Ok : repere::engine::ResponseStatus::Ko;
    r.durationMs = 2000 + static_cast<std::int64_t>(rng() % 30000);
    r.plays = static_cast<int>(rng() % 3);
    const auto t0 = Clock::now();
    db.storeResponse(r); // what the kiosk waits for before showing the next item
    run.ms.push_back(msSince(t0));
}

// The disk's own latency for what FULL pays per answer: a 4 KiB append + fdatasync.
struct RawSync {
    int fd = -1;
    std::string block = std::string(4096, 'x');
    std::vector<double> ms;
    explicit RawSync(const fs::path& dir) {
        fs::create_directories(dir);
        fd = ::open((dir / "fsync.bin").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd < 0) {
            std::perror("open");
            std::exit(1);
        }
    }
    ~RawSync() { ::close(fd); }
    void sample() {
        const auto t0 = Clock::now();
        if (::write(fd, block.data(), block.size()) != static_cast<ssize_t>(block.size()) ||
            ::fdatasync(fd) != 0) {
            std::perror("write");
            std::exit(1);
        }
        ms.push_back(msSince(t0));
    }
};

void print(const char* what, const Stats& s, std::size_t n, const Stats* baseline) {
    std::printf("%-44s n=%-6zu p50=%.3f ms  p90=%.3f ms  p99=%.3f ms  p99.9=%.3f ms  max=%.1f ms"
                "  mean=%.3f ms",
                what, n, s.p50, s.p90, s.p99, s.p999, s.max, s.mean);
    if (baseline && baseline->p99 > 0)
        std::printf("  p99 = %.2fx raw", s.p99 / baseline->p99);
    std::printf("\n");
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv) {
    int responses = 4'000;
    int thinkMs = 30;
    fs::path base = fs::temp_directory_path() / "repere-bench-store";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--responses") {
            responses = std::max(1, std::atoi(argv[i + 1]));
        } else if (arg == "--dir") {
            base = argv[i + 1];
        } else if (arg == "--think-ms") {
            thinkMs = std::max(0, std::atoi(argv[i + 1]));
        }
    }
    const int perAttempt = 40; // a diagnostic is 20 to 60 answers
    // People read the next item for seconds between two answers; the bench compresses that to
    // --think-ms, and the background checkpointer waits half of it (the kiosk: 1.5 s).
    const int quietMs = std::max(1, thinkMs / 2);
    std::printf("bench_store: %d responses (%d per attempt) in %s, SQLite WAL, %d ms between "
                "answers; each step writes one answer to every database and one raw fdatasync, "
                "so all see the same disk\n",
                responses, perAttempt, base.c_str(), thinkMs);
    std::vector<Run> runs;
    runs.push_back(openRun("commit FULL, checkpoint inline (SQLite's)", base / "full-inline",
                           Synchronous::Full, false, quietMs));
    runs.push_back(openRun("commit FULL, checkpoint in background", base / "full-background",
                           Synchronous::Full, true, quietMs));
    runs.push_back(openRun("commit NORMAL, checkpoint in background", base / "normal-background",
                           Synchronous::Normal, true, quietMs));
    RawSync raw(base / "fsync");
    auto t0 = Clock::now();
    for (int i = 0; i < responses; ++i) {
        raw.sample();
        for (auto& run : runs)
            commitOne(run, i, perAttempt);
        if (thinkMs > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(thinkMs));
    }
    std::printf("(%.1f s)\n", msSince(t0) / 1000);
    const Stats baseline = stats(raw.ms);
    print("raw 4 KiB append + fdatasync", baseline, raw.ms.size(), nullptr);
    for (const auto& run : runs) {
        print(run.name, stats(run.ms), run.ms.size(), &baseline);
        if (const auto* c = run.db->checkpointer())
            std::printf("%-44s checkpoints: %llu in background (%llu WAL restarts there), %llu "
                        "inline (WAL at its limit)\n",
                        "", static_cast<unsigned long long>(c->backgroundCheckpoints()),
                        static_cast<unsigned long long>(c->walRestarts()),
                        static_cast<unsigned long long>(c->inlineCheckpoints()));
    }
    runs.clear();

    // Export what FULL stored: one row per attempt, then one row per response.
    auto db = Database::openDataDir(base / "full-background");
    for (const bool perResponse : {false, true}) {
        const fs::path out = base / (perResponse ? "responses.csv" : "attempts.csv");
        ExportOptions options;
        options.responses = perResponse;
        t0 = Clock::now();
        std::size_t rows = 0;
        {
            std::ofstream file(out, std::ios::binary);
            rows = exportResults(*db, options, file);
        }
        const double s = msSince(t0) / 1000;
        std::printf("%-22s rows=%zu  %.2f s  %.1f MiB\n",
                    perResponse ? "export csv --responses" : "export csv", rows, s,
                    static_cast<double>(fs::file_size(out)) / (1 << 20));
    }
    const auto size = fs::file_size(db->path());
    std::printf("database size: %.1f MiB\n", static_cast<double>(size) / (1 << 20));
    db.reset();
    fs::remove_all(base);
    return 0;
}
