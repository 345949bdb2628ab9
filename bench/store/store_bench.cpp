// Storage benchmark: how long the kiosk waits for each answer to be committed, with
// synchronous=FULL and =NORMAL, over N simulated responses (default 100,000), then how long
// exporting them to CSV takes. The baseline measured in the same run is the disk's own fsync
// latency (4 KiB append + fdatasync), which FULL pays once per answer.
//
//   bench_store [--responses N] [--dir DIR]      (DIR: a folder on the disk to measure)
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

Stats runCommits(const fs::path& dir, Synchronous mode, int responses, int perAttempt) {
    fs::remove_all(dir);
    OpenOptions options;
    options.synchronous = mode;
    auto db = Database::openDataDir(dir, options);
    std::mt19937 rng(42);
    std::vector<double> latencies;
    latencies.reserve(static_cast<std::size_t>(responses));
    std::string attempt;
    for (int i = 0; i < responses; ++i) {
        const int seq = i % perAttempt;
        if (seq == 0) {
            if (!attempt.empty()) {
                db->finishAttempt(attempt,
                                  {{"levels", {{"reading", "a1"}, {"listening", "a1.1"}}},
                                   {"competences", {{"read-sign", {{"score", 3}, {"max", 4}}}}}});
            }
            const auto b = db->registerNewBeneficiary(std::nullopt, db->nowMs());
            NewAttempt a;
            a.code = b.code;
            a.quizId = "francais";
            a.quizVersion = "1.0.0";
            a.quizHash = std::string(64, 'a');
            a.kioskId = "bench";
            a.seed = i;
            attempt = db->startAttempt(a).uuid;
        }
        repere::engine::Response r;
        r.attemptUuid = attempt;
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
        db->storeResponse(r); // what the kiosk waits for before showing the next item
        latencies.push_back(msSince(t0));
    }
    return stats(latencies);
}

Stats fsyncBaseline(const fs::path& dir, int samples) {
    fs::create_directories(dir);
    const std::string file = (dir / "fsync.bin").string();
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) {
        std::perror("open");
        std::exit(1);
    }
    std::string block(4096, 'x');
    std::vector<double> ms;
    for (int i = 0; i < samples; ++i) {
        const auto t0 = Clock::now();
        if (::write(fd, block.data(), block.size()) != static_cast<ssize_t>(block.size()) ||
            ::fdatasync(fd) != 0) {
            std::perror("write");
            std::exit(1);
        }
        ms.push_back(msSince(t0));
    }
    ::close(fd);
    fs::remove(file);
    return stats(ms);
}

void print(const char* what, const Stats& s, int n, double totalS) {
    std::printf("%-22s n=%-7d p50=%.3f ms  p90=%.3f ms  p99=%.3f ms  p99.9=%.3f ms  max=%.1f ms  "
                "mean=%.3f ms"
                "  total=%.1f s\n",
                what, n, s.p50, s.p90, s.p99, s.p999, s.max, s.mean, totalS);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv) {
    int responses = 100'000;
    fs::path base = fs::temp_directory_path() / "repere-bench-store";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--responses") {
            responses = std::max(1, std::atoi(argv[i + 1]));
        } else if (arg == "--dir") {
            base = argv[i + 1];
        }
    }
    const int perAttempt = 40; // a diagnostic is 20 to 60 answers
    std::printf("bench_store: %d responses (%d per attempt) in %s, SQLite WAL\n", responses,
                perAttempt, base.c_str());

    auto t0 = Clock::now();
    const Stats baseline = fsyncBaseline(base / "fsync", 2000);
    print("baseline fdatasync 4K", baseline, 2000, msSince(t0) / 1000);
    for (const auto& [name, mode] : {std::pair{"commit sync=NORMAL", Synchronous::Normal},
                                     std::pair{"commit sync=FULL", Synchronous::Full}}) {
        t0 = Clock::now();
        const Stats s = runCommits(base / name, mode, responses, perAttempt); // before msSince
        print(name, s, responses, msSince(t0) / 1000);
    }

    // Export what FULL stored: one row per attempt, then one row per response.
    auto db = Database::openDataDir(base / "commit sync=FULL");
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
