// Checkpoints off the answer path (store/checkpointer.hpp): the worker copies the WAL into the
// database once writes pause and starts the WAL's next round itself; a writer that never pauses
// still keeps the WAL bounded; nothing committed is lost either way.
#include "store_test_util.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

using namespace repere::store;
using namespace repere::store::test;
namespace fs = std::filesystem;

namespace {

OpenOptions withPolicy(int quietMs, int minFrames, int inlineLimitPages) {
    OpenOptions o;
    o.checkpointPolicy.quietMs = quietMs;
    o.checkpointPolicy.minFrames = minFrames;
    o.checkpointPolicy.idleMs = quietMs;
    o.checkpointPolicy.inlineLimitPages = inlineLimitPages;
    return o;
}

// Stores `n` answers of one attempt; returns the attempt's uuid.
std::string storeAnswers(Database& db, int n) {
    const auto b = db.registerNewBeneficiary(std::nullopt, db.nowMs());
    const auto attempt = db.startAttempt(sampleAttempt(b.code)).uuid;
    for (int i = 0; i < n; ++i)
        db.storeResponse(sampleResponse(attempt, i));
    return attempt;
}

template <class Pred> bool waitFor(Pred pred, int ms = 5000) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (!pred()) {
        if (std::chrono::steady_clock::now() > until)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

} // namespace

TEST_CASE("store checkpoint: once writes pause, the worker checkpoints and restarts the WAL") {
    TempDir dir;
    auto db = Database::openDataDir(dir.path(), withPolicy(30, 1, 100'000));
    REQUIRE(db->checkpointer() != nullptr);
    const auto attempt = storeAnswers(*db, 40);
    const auto* c = db->checkpointer();
    REQUIRE(waitFor([&] { return c->walRestarts() >= 1; }));
    CHECK(c->backgroundCheckpoints() >= 1);
    CHECK(c->inlineCheckpoints() == 0);
    // The next answer goes into the WAL's new round: the file did not grow past its old size.
    const auto walBefore = fs::file_size(dir / "repere.sqlite-wal");
    db->storeResponse(sampleResponse(attempt, 40));
    CHECK(fs::file_size(dir / "repere.sqlite-wal") <= walBefore);
    CHECK(db->responsesOf(attempt).size() == 41);
    db.reset();
    auto again = Database::openDataDir(dir.path());
    CHECK(again->responsesOf(attempt).size() == 41);
}

TEST_CASE("store checkpoint: a writer that never pauses still keeps the WAL bounded") {
    TempDir dir;
    // Never quiet long enough for the worker: only the writer's own limit checkpoints.
    const int limit = 60;
    auto db = Database::openDataDir(dir.path(), withPolicy(3'600'000, 1, limit));
    const auto attempt = storeAnswers(*db, 400);
    const auto* c = db->checkpointer();
    REQUIRE(c != nullptr);
    CHECK(c->backgroundCheckpoints() == 0);
    CHECK(c->inlineCheckpoints() >= 1);
    // At most the limit plus one commit's pages (one answer writes about 6 to 13); without the
    // limit, 400 answers make over 2,000 pages of WAL.
    const auto pageWithHeader = 4096 + 24;
    CHECK(fs::file_size(dir / "repere.sqlite-wal") <= 32 + (limit + 20) * pageWithHeader);
    CHECK(db->responsesOf(attempt).size() == 400);
}

TEST_CASE("store checkpoint: off, SQLite's own autocheckpoint does the work") {
    TempDir dir;
    OpenOptions o;
    o.backgroundCheckpoint = false;
    auto db = Database::openDataDir(dir.path(), o);
    CHECK(db->checkpointer() == nullptr);
    const auto attempt = storeAnswers(*db, 20);
    CHECK(db->responsesOf(attempt).size() == 20);
}
