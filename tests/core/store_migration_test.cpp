// Schema migrations: from an empty file, from every earlier version kept in tests/fixtures/db,
// and a file from a newer Repère refused and left untouched.
#include "store/check.hpp"
#include "store/migrations.hpp"
#include "store_test_util.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

using namespace repere::store;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = fs::path(REPERE_SOURCE_DIR) / "tests" / "fixtures" / "db";

// The schema as SQLite reports it, for comparing two files.
std::string schemaOf(const fs::path& file) {
    SQLite::Database db(file, SQLite::OPEN_READONLY);
    SQLite::Statement st(db, "SELECT type, name, coalesce(sql, '') FROM sqlite_master"
                             " WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
    std::string out;
    while (st.executeStep()) {
        out += st.getColumn(0).getString() + " " + st.getColumn(1).getString() + ": " +
               st.getColumn(2).getString() + "\n";
    }
    return out;
}

fs::path copyFixture(const test::TempDir& dir, const std::string& name) {
    const fs::path to = dir / name;
    fs::copy_file(kFixtures / name, to);
    return to;
}

} // namespace

TEST_CASE("migrations are numbered 1, 2, 3... in order", "[store][migration]") {
    const auto& all = migrations();
    REQUIRE_FALSE(all.empty());
    for (std::size_t i = 0; i < all.size(); ++i) {
        CHECK(all[i].version == static_cast<int>(i) + 1);
    }
    CHECK(Database::latestSchemaVersion() == all.back().version);
}

TEST_CASE("a new file gets the latest schema, WAL and foreign keys", "[store][migration]") {
    test::TempDir dir;
    {
        auto db = Database::open(dir / "k.sqlite");
        CHECK(db->openReport().versionBefore == 0);
        CHECK(db->openReport().version == Database::latestSchemaVersion());
        CHECK(db->schemaVersion() == Database::latestSchemaVersion());
        CHECK(db->quickCheck());
        // Foreign keys are on: an attempt for an unknown beneficiary is refused.
        CHECK_THROWS_AS(db->startAttempt(test::sampleAttempt(generateBeneficiaryCode())),
                        StoreError);
    }
    SQLite::Database raw(dir / "k.sqlite", SQLite::OPEN_READONLY);
    CHECK(raw.execAndGet("PRAGMA journal_mode").getString() == "wal");
    // Reopening migrates nothing.
    auto again = Database::open(dir / "k.sqlite");
    CHECK(again->openReport().versionBefore == Database::latestSchemaVersion());
}

TEST_CASE("the v1 fixture is exactly what migration 1 creates", "[store][migration]") {
    test::TempDir dir;
    Database::open(dir / "fresh-v1.sqlite", test::upToVersion(1));
    CHECK(schemaOf(dir / "fresh-v1.sqlite") == schemaOf(copyFixture(dir, "v1.sqlite")));
}

TEST_CASE("every earlier version migrates to the same schema as a new file", "[store][migration]") {
    test::TempDir dir;
    Database::open(dir / "fresh.sqlite");
    const std::string latest = schemaOf(dir / "fresh.sqlite");
    for (int v = 1; v < Database::latestSchemaVersion(); ++v) {
        INFO("from version " << v);
        const fs::path file = dir / ("from-" + std::to_string(v) + ".sqlite");
        Database::open(file, test::upToVersion(v));
        auto db = Database::open(file);
        CHECK(db->openReport().versionBefore == v);
        CHECK(schemaOf(file) == latest);
    }
}

TEST_CASE("the v1 fixture migrates with its data and outbox states carried over",
          "[store][migration]") {
    test::TempDir dir;
    const fs::path file = copyFixture(dir, "v1.sqlite");
    const auto before = checkDatabaseFile(file);
    REQUIRE(before.ok);
    CHECK(before.schemaVersion == 1);
    CHECK(before.counts.pendingSync == 4); // 2 sent + 2 pending

    auto db = Database::open(file);
    CHECK(db->openReport().versionBefore == 1);
    CHECK(db->openReport().version == Database::latestSchemaVersion());
    CHECK(db->quickCheck());

    const Counts c = db->counts();
    CHECK(c.beneficiaries == 2);
    CHECK(c.attempts == 2);
    CHECK(c.responses == 6);
    // acked rows stay acknowledged, sent and pending ones stay pending.
    CHECK(c.pendingSync == 4);
    // The batch that was sent and not acknowledged is resent as it was.
    REQUIRE(db->openBatchId() == std::optional<std::string>("batch-2"));
    CHECK(db->batchRecords("batch-2").size() == 2);
    // Pending rows were in no batch: they go in the next one.
    const auto next = db->assignNextBatch("batch-3", 500, 1 << 20);
    CHECK(next.size() == 2);

    // The paused attempt resumes at its fourth item with its three answers in order.
    const auto paused =
        db->findResumableAttempt("B4TR9H" + std::string(1, codeCheckCharacter("B4TR9H")));
    REQUIRE(paused);
    CHECK(paused->status == AttemptStatus::Paused);
    const auto responses = db->responsesOf(paused->uuid);
    REQUIRE(responses.size() == 3);
    for (int i = 0; i < 3; ++i) {
        CHECK(responses[static_cast<std::size_t>(i)].sequence == i);
    }
    CHECK(responses[1].answer["text"] == "Je m'appelle Awa; j'habite à Bobigny");
    CHECK(responses[1].status == repere::engine::ResponseStatus::PendingManual);

    // The finished attempt keeps its result.
    AttemptQuery query;
    query.quizId = "francais";
    const auto finished = db->listAttempts(query);
    REQUIRE(finished.size() == 2);
    CHECK(finished[0].result["levels"]["reading"] == "a1.1");

    // Version 2 tables work on the migrated file.
    db->addTrainer("Fatou", "246813", PinHashParams::minimum());
    CHECK(db->login("Fatou", "246813").status == LoginStatus::Ok);
    CHECK(db->syncValue("cursor") == std::optional<std::string>("6"));
}

TEST_CASE("the v2 fixture is exactly what migrations 1 and 2 create", "[store][migration]") {
    test::TempDir dir;
    Database::open(dir / "fresh-v2.sqlite", test::upToVersion(2));
    CHECK(schemaOf(dir / "fresh-v2.sqlite") == schemaOf(copyFixture(dir, "v2.sqlite")));
}

TEST_CASE("the v2 fixture migrates with its trainer records to the latest version",
          "[store][migration]") {
    test::TempDir dir;
    const fs::path file = copyFixture(dir, "v2.sqlite");
    REQUIRE(checkDatabaseFile(file).schemaVersion == 2);
    auto db = Database::open(file);
    CHECK(db->openReport().versionBefore == 2);
    CHECK(db->openReport().version == Database::latestSchemaVersion());
    CHECK(db->quickCheck());
    CHECK(db->counts().attempts == 2);
    CHECK(db->counts().pendingSync == 4);
    CHECK(db->login("Fatou", "2468").status == LoginStatus::Ok);
    const auto scores = db->manualScoresOf("11111111-1111-4111-8111-111111111111");
    REQUIRE(scores.size() == 1);
    CHECK(scores[0].points["sens"] == 2);
    const std::string code = "K7M2QX" + std::string(1, codeCheckCharacter("K7M2QX"));
    CHECK(db->notesOf(code).size() == 2);
    // Versions 3 and 4 start empty and work.
    CHECK(db->catalogQuizzes().empty());
    db->assignQuiz(code, "numerique", "Fatou");
    REQUIRE(db->assignmentOf(code));
    CHECK(db->assignmentOf(code)->quizId == "numerique");
}

TEST_CASE("the v3 fixture is exactly what migrations 1 to 3 create", "[store][migration]") {
    test::TempDir dir;
    Database::open(dir / "fresh-v3.sqlite", test::upToVersion(3));
    CHECK(schemaOf(dir / "fresh-v3.sqlite") == schemaOf(copyFixture(dir, "v3.sqlite")));
}

TEST_CASE("the v3 fixture migrates with its trainer records and takes assignments",
          "[store][migration]") {
    test::TempDir dir;
    const fs::path file = copyFixture(dir, "v3.sqlite");
    REQUIRE(checkDatabaseFile(file).schemaVersion == 3);
    auto db = Database::open(file);
    CHECK(db->openReport().versionBefore == 3);
    CHECK(db->openReport().version == Database::latestSchemaVersion());
    CHECK(db->quickCheck());
    CHECK(db->counts().attempts == 2);
    CHECK(db->counts().pendingSync == 4);

    // The trainer logs in with the PIN set under v3; the score and notes are still there.
    CHECK(db->login("Fatou", "2468").status == LoginStatus::Ok);
    const auto scores = db->manualScoresOf("11111111-1111-4111-8111-111111111111");
    REQUIRE(scores.size() == 1);
    CHECK(scores[0].trainer == "Fatou");
    CHECK(scores[0].score == 2.0);
    CHECK(scores[0].points["sens"] == 2);
    const std::string code = "K7M2QX" + std::string(1, codeCheckCharacter("K7M2QX"));
    const auto notes = db->notesOf(code);
    REQUIRE(notes.size() == 2);
    CHECK(notes[0].kind == NoteKind::NextStep);
    CHECK(notes[0].text == "FLE");
    REQUIRE(db->catalogQuizzes().size() == 1);
    CHECK(db->auditLog(10).size() >= 3);

    // Version 4: a diagnostic assigned to one of its codes.
    CHECK_FALSE(db->assignmentOf(code));
    db->assignQuiz(code, "francais", "Fatou");
    REQUIRE(db->assignmentOf(code));
    CHECK(db->assignmentOf(code)->quizId == "francais");
}

TEST_CASE("a file from a newer Repère is refused and left byte for byte untouched",
          "[store][migration]") {
    test::TempDir dir;
    const fs::path file = dir / "newer.sqlite";
    {
        auto db = Database::open(file);
        db->registerNewBeneficiary();
    }
    {
        SQLite::Database raw(file, SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = " + std::to_string(Database::latestSchemaVersion() + 1));
        raw.exec("PRAGMA journal_mode = DELETE"); // one self-contained file to compare
    }
    const std::string bytes = test::readFile(file);
    try {
        Database::open(file);
        FAIL("a newer schema was opened");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreErrorKind::SchemaTooNew);
        CHECK_THAT(e.what(), Catch::Contains("newer version of Repère"));
        CHECK_THAT(e.what(), Catch::Contains("not modified"));
    }
    CHECK(test::readFile(file) == bytes);
    CHECK_FALSE(fs::exists(file.string() + "-wal"));
    const auto check = checkDatabaseFile(file);
    CHECK_FALSE(check.ok);
    CHECK_THAT(check.error, Catch::Contains("newer"));
}
