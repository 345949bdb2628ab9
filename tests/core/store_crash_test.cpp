// Crash test: a child process takes a quiz through the real engine, stores each answer, and is
// SIGKILLed at random moments. After every kill: the file passes integrity_check, every answer
// the child reported committed is there (same id), none is duplicated, each answer has exactly
// one outbox row, and the next run, rebuilding the engine from the stored answers, resumes at
// the item that was on screen when the kill came.
//
// SIGKILL stops the process, not the machine: this proves transactions are atomic and that
// "committed" means committed for SQLite; power-loss durability comes from synchronous=FULL.
#include "store/check.hpp"
#include "store/ids.hpp"
#include "store_test_util.hpp"
#include "util/digest.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <poll.h>
#include <random>
#include <signal.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace repere::store;
namespace fs = std::filesystem;

namespace {

struct ChildRun {
    std::vector<std::string> lines;
    int status = 0;
};

// Runs the child and SIGKILLs it `killAfter` after it starts or, with `afterResume`, after it
// said "resume" (so a loaded machine still kills it while it writes); returns what it printed.
ChildRun runAndKill(const std::vector<std::string>& args, std::chrono::microseconds killAfter,
                    bool afterResume) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        std::vector<char*> argv;
        for (const auto& a : args) {
            argv.push_back(const_cast<char*>(a.c_str()));
        }
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(fds[1]);
    std::string out;
    char buf[4096];
    auto deadline = std::chrono::steady_clock::now() + killAfter;
    if (afterResume) {
        const auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (out.find('\n') == std::string::npos && std::chrono::steady_clock::now() < giveUp) {
            pollfd p{fds[0], POLLIN, 0};
            if (poll(&p, 1, 100) > 0) {
                const ssize_t n = read(fds[0], buf, sizeof buf);
                if (n <= 0) {
                    break;
                }
                out.append(buf, static_cast<std::size_t>(n));
            }
        }
        deadline = std::chrono::steady_clock::now() + killAfter;
    }
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        if (poll(&p, 1, static_cast<int>(left.count())) > 0) {
            const ssize_t n = read(fds[0], buf, sizeof buf);
            if (n <= 0) {
                break; // the child ended on its own (it should not)
            }
            out.append(buf, static_cast<std::size_t>(n));
        }
    }
    kill(pid, SIGKILL);
    // What the child wrote before dying is still in the pipe.
    for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) {
        out.append(buf, static_cast<std::size_t>(n));
    }
    close(fds[0]);
    ChildRun run;
    waitpid(pid, &run.status, 0);
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) {
        run.lines.push_back(line);
    }
    return run;
}

} // namespace

TEST_CASE("answers survive SIGKILL at random moments and the attempt resumes at the right item",
          "[store][crash]") {
    test::TempDir dir;
    const fs::path file = dir / "k.sqlite";
    const std::string code = generateBeneficiaryCode();
    const std::string attempt = repere::util::newUuid();
    std::map<int, std::string> committed; // seq -> uuid, as reported by the children
    std::mt19937 rng(20261128);
    std::uniform_int_distribution<int> delayUs(0, 30'000);
    // At least 60 kills; more (up to 300) while fewer than 50 answers got stored, which happens
    // on a slow or loaded machine (sanitizer build, parallel tests): the children then spend
    // more of each short life starting up, and the later questions would go unexercised.
    const int minKills = 60, maxKills = 300, wantedAnswers = 50;
    int kills = 0;
    int killsDuringWrites = 0;
    int killsAfterACommit = 0;
    int resumesAtAShownItem = 0;
    std::map<int, std::string> shown;      // seq -> item id the engine put on screen
    std::int64_t storedAfterLastKill = -1; // rows present after the previous kill

    for (int k = 0;
         k < maxKills && (k < minKills || static_cast<int>(committed.size()) <= wantedAnswers);
         ++k) {
        INFO("kill " << k);
        kills = k + 1;
        const ChildRun run = runAndKill({CRASH_CHILD, file.string(), code, attempt},
                                        std::chrono::microseconds(delayUs(rng)), k % 4 != 0);
        REQUIRE(WIFSIGNALED(run.status));
        REQUIRE(WTERMSIG(run.status) == SIGKILL);
        int reportedThisRun = 0;
        for (const std::string& line : run.lines) {
            std::istringstream words(line);
            std::string word;
            words >> word;
            if (word == "resume") {
                int at = -1;
                std::string item;
                words >> at >> item;
                // Resumes exactly after what the previous kill left, at the item that was on
                // screen then (the engine rebuilt from the stored answers and the seed).
                if (storedAfterLastKill >= 0) {
                    CHECK(at == storedAfterLastKill);
                }
                if (shown.count(at)) {
                    CHECK(item == shown[at]);
                    ++resumesAtAShownItem;
                }
            } else if (word == "next") {
                int seq = -1;
                std::string item;
                words >> seq >> item;
                // The same position always shows the same item.
                if (shown.count(seq)) {
                    CHECK(shown[seq] == item);
                }
                shown[seq] = item;
            } else if (word == "finished") {
                // The quiz ended: later runs only find a finished attempt.
            } else if (word == "committed") {
                int seq = -1;
                std::string uuid;
                words >> seq >> uuid;
                REQUIRE_FALSE(committed.count(seq));
                committed[seq] = uuid;
                ++reportedThisRun;
            } else {
                FAIL("unexpected child output: " << line);
            }
        }
        // Killed after "resume": inside the answer loop, before, during or after a commit.
        bool resumed = false;
        for (const std::string& line : run.lines) {
            resumed |= line.rfind("resume", 0) == 0;
        }
        killsDuringWrites += resumed;
        killsAfterACommit += reportedThisRun > 0;

        // The file as the kill left it: integrity first, read-only.
        const DbCheckReport check = checkDatabaseFile(file);
        if (!fs::exists(file)) {
            continue; // killed before it created the file
        }
        INFO(check.error);
        REQUIRE(check.integrity == "ok");
        if (check.schemaVersion == 0) {
            // Killed before the first migration committed: an empty database, nothing promised.
            REQUIRE(committed.empty());
            storedAfterLastKill = 0;
            continue;
        }

        SQLite::Database raw(file, SQLite::OPEN_READONLY);
        SQLite::Statement rows(
            raw, "SELECT seq, uuid FROM response WHERE attempt_uuid = ? ORDER BY seq");
        rows.bind(1, attempt);
        std::int64_t count = 0;
        std::map<int, std::string> present;
        while (rows.executeStep()) {
            const int seq = rows.getColumn(0).getInt();
            CHECK(seq == count); // contiguous: no gap, no duplicate
            present[seq] = rows.getColumn(1).getString();
            ++count;
        }
        for (const auto& [seq, uuid] : committed) {
            INFO("answer " << seq);
            REQUIRE(present.count(seq));
            CHECK(present[seq] == uuid);
        }
        // At most the one answer in flight committed without being reported.
        const std::int64_t reported = committed.empty() ? 0 : committed.rbegin()->first + 1;
        CHECK((count == reported || count == reported + 1));
        if (count == reported + 1) {
            committed[static_cast<int>(reported)] = present[static_cast<int>(reported)];
        }
        // Each answer has exactly one outbox row, written in its transaction.
        CHECK(raw.execAndGet("SELECT count(*) FROM outbox WHERE kind = 'response'").getInt64() ==
              count);
        CHECK(raw.execAndGet("SELECT count(*) FROM response r WHERE NOT EXISTS"
                             " (SELECT 1 FROM outbox o WHERE o.record_id = r.uuid)")
                  .getInt64() == 0);
        storedAfterLastKill = count;
    }
    // Where the kills land depends on scheduling: on a loaded machine few may fall between a
    // commit and the next item. That is coverage, not correctness, so it is reported, not asserted;
    // every correctness check above ran after each kill whatever the timing.
    if (killsDuringWrites < kills / 2 || killsAfterACommit < kills / 6 ||
        resumesAtAShownItem == 0) {
        WARN("kill timing coverage was low this run: during writes "
             << killsDuringWrites << ", after a commit " << killsAfterACommit
             << ", resumed at the shown item " << resumesAtAShownItem << " (of " << kills
             << " kills)");
    }
    CHECK(killsDuringWrites > 0);
    INFO("answers stored over all runs: " << committed.size());
    INFO("kills: " << kills);
    CHECK(static_cast<int>(committed.size()) > wantedAnswers);

    // The real storage layer agrees and resumes after the last stored answer.
    auto db = Database::open(file);
    CHECK(db->quickCheck());
    CHECK_FALSE(db->openReport().movedAside);
    const auto stored = db->findAttempt(attempt);
    REQUIRE(stored);
    CHECK(stored->responseCount == storedAfterLastKill);
    CHECK(static_cast<std::int64_t>(db->responsesOf(attempt).size()) == storedAfterLastKill);
}
