// Faults: a full disk refuses the answer and leaves the file consistent; damaged, truncated or
// foreign files are moved aside (never silently replaced) and a new database is started.
#include "store/check.hpp"
#include "store_test_util.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <regex>

using namespace repere::store;
namespace fs = std::filesystem;

namespace {

// A database with one attempt and `answers` answers, closed (WAL checkpointed into the file).
std::string makeDatabase(const fs::path& file, int answers) {
    OpenOptions fast; // set-up only: no fsync per answer
    fast.synchronous = Synchronous::Normal;
    auto db = Database::open(file, fast);
    const auto code = db->registerNewBeneficiary().code;
    const auto a = db->startAttempt(test::sampleAttempt(code));
    for (int i = 0; i < answers; ++i) {
        auto r = test::sampleResponse(a.uuid, i);
        r.answer = {{"text", std::string(300, 'x')}};
        db->storeResponse(r);
    }
    return a.uuid;
}

std::int64_t pageCount(const fs::path& file) {
    SQLite::Database raw(file, SQLite::OPEN_READONLY);
    return raw.execAndGet("PRAGMA page_count").getInt64();
}

// Opens a damaged file and checks it was moved aside whole and a fresh database started.
void expectMovedAside(const fs::path& file) {
    const std::string damaged = test::readFile(file);
    auto db = Database::open(file);
    const OpenReport& report = db->openReport();
    REQUIRE(report.movedAside);
    INFO("problem: " << report.problem);
    CHECK_FALSE(report.problem.empty());
    const std::string moved = report.movedAside->filename().string();
    CHECK(std::regex_match(moved, std::regex(R"(k\.sqlite\.corrupt-\d{8}-\d{6}(-\d+)?)")));
    CHECK(test::readFile(*report.movedAside) == damaged); // kept as it was, for a rescue
    CHECK(report.versionBefore == 0);
    CHECK(db->counts().attempts == 0);
    CHECK(db->quickCheck());
    db->registerNewBeneficiary(); // the new database works
    CHECK_FALSE(checkDatabaseFile(*report.movedAside).ok);
}

} // namespace

TEST_CASE("a full disk refuses the answer, loses nothing and leaves the file consistent",
          "[store][fault]") {
    test::TempDir dir;
    const fs::path file = dir / "k.sqlite";
    const std::string attempt = makeDatabase(file, 5);
    const std::int64_t pages = pageCount(file);

    int stored = 5;
    {
        auto db = Database::open(file, test::withMaxPages(pages));
        bool full = false;
        for (int tries = 0; tries < 200 && !full; ++tries) {
            auto r = test::sampleResponse(attempt, stored);
            r.answer = {{"text", std::string(2000, 'y')}};
            const Counts before = db->counts();
            try {
                db->storeResponse(r);
                ++stored;
            } catch (const StoreError& e) {
                full = true;
                CHECK(e.kind() == StoreErrorKind::DiskFull);
                CHECK_THAT(e.what(), Catch::Contains("disk is full"));
                // Nothing of the refused answer: no response, no outbox row.
                const Counts after = db->counts();
                CHECK(after.responses == before.responses);
                CHECK(after.pendingSync == before.pendingSync);
            }
        }
        REQUIRE(full);
        CHECK(db->quickCheck());
        CHECK(db->counts().responses == stored);
        // Still full: the same answer is refused again, cleanly.
        auto again = test::sampleResponse(attempt, stored);
        again.answer = {{"text", std::string(2000, 'y')}};
        CHECK_THROWS_AS(db->storeResponse(again), StoreError);
        CHECK(db->counts().responses == stored);
    }
    // Space is back: the same answer goes in at the same place.
    auto db = Database::open(file);
    CHECK(db->quickCheck());
    db->storeResponse(test::sampleResponse(attempt, stored));
    const auto responses = db->responsesOf(attempt);
    REQUIRE(responses.size() == static_cast<std::size_t>(stored + 1));
    for (std::size_t i = 0; i < responses.size(); ++i) {
        CHECK(responses[i].sequence == static_cast<int>(i));
    }
    CHECK(db->pendingCount() == 2 + stored + 1); // beneficiary + attempt + answers
}

TEST_CASE("a file with damaged pages is moved aside", "[store][fault]") {
    test::TempDir dir;
    const fs::path file = dir / "k.sqlite";
    makeDatabase(file, 200);
    std::string bytes = test::readFile(file);
    const std::size_t page = 4096;
    REQUIRE(bytes.size() > 6 * page);
    for (std::size_t i = 2 * page; i < bytes.size() - page; ++i) {
        bytes[i] = static_cast<char>(0x5A ^ (i & 0xff));
    }
    test::writeFile(file, bytes);
    expectMovedAside(file);
}

TEST_CASE("a truncated file is moved aside", "[store][fault]") {
    test::TempDir dir;
    const fs::path file = dir / "k.sqlite";
    makeDatabase(file, 200);
    const auto size = fs::file_size(file);
    fs::resize_file(file, size / 2);
    expectMovedAside(file);
}

TEST_CASE("a file that is not a database is moved aside, or refused when asked", "[store][fault]") {
    test::TempDir dir;
    const fs::path file = dir / "k.sqlite";
    test::writeFile(file, std::string(3000, 'z'));
    try {
        Database::open(file, test::refuseCorrupt());
        FAIL("opened");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreErrorKind::Corrupt);
        CHECK_THAT(e.what(), Catch::Contains("damaged"));
    }
    CHECK(test::readFile(file) == std::string(3000, 'z'));
    expectMovedAside(file);
    // A second damaged file the same second does not overwrite the first rescue.
    test::writeFile(file, std::string(3000, 'w'));
    expectMovedAside(file);
    int rescues = 0;
    for (const auto& e : fs::directory_iterator(dir.path())) {
        rescues += std::regex_match(e.path().filename().string(),
                                    std::regex(R"(k\.sqlite\.corrupt-\d{8}-\d{6}(-\d+)?)"));
    }
    CHECK(rescues >= 2);
}
