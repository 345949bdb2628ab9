// Attempts, responses, outbox, notes and scores, export and backup: the kiosk's daily work.
#include "store/backup.hpp"
#include "store/check.hpp"
#include "store/data_dir.hpp"
#include "store/export.hpp"
#include "store/ids.hpp"
#include "store_test_util.hpp"
#include "util/digest.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <set>
#include <sstream>

using namespace repere::store;
using repere::engine::ResponseStatus;
namespace fs = std::filesystem;

TEST_CASE("an attempt stores its answers in order and resumes after a reopen", "[store][attempt]") {
    test::TempDir dir;
    std::string code;
    std::string attemptUuid;
    std::vector<std::string> responseIds;
    {
        auto db = Database::open(dir / "k.sqlite");
        code = db->registerNewBeneficiary(std::nullopt, db->nowMs()).code;
        const AttemptRecord a = db->startAttempt(test::sampleAttempt(code));
        attemptUuid = a.uuid;
        CHECK(a.status == AttemptStatus::InProgress);
        for (int i = 0; i < 4; ++i) {
            responseIds.push_back(db->storeResponse(test::sampleResponse(a.uuid, i)));
        }
        db->pauseAttempt(a.uuid);
    }
    auto db = Database::open(dir / "k.sqlite");
    const auto resumable = db->findResumableAttempt(code, std::string("francais"));
    REQUIRE(resumable);
    CHECK(resumable->uuid == attemptUuid);
    CHECK(resumable->status == AttemptStatus::Paused);
    CHECK(resumable->responseCount == 4);
    CHECK(resumable->seed == 7);
    CHECK_FALSE(db->findResumableAttempt(code, std::string("numerique")));

    const auto responses = db->responsesOf(attemptUuid);
    REQUIRE(responses.size() == 4);
    for (std::size_t i = 0; i < responses.size(); ++i) {
        CHECK(responses[i].uuid == responseIds[i]);
        CHECK(responses[i].sequence == static_cast<int>(i));
        CHECK(responses[i].itemId == "lec-" + std::to_string(i));
        CHECK(responses[i].itemRev == 2);
        CHECK(responses[i].answer == nlohmann::json{{"selected", {"b"}}});
        CHECK(responses[i].status == (i % 2 ? ResponseStatus::Ko : ResponseStatus::Ok));
        CHECK(responses[i].durationMs == 3000 + static_cast<int>(i));
    }
    db->resumeAttempt(attemptUuid);
    db->storeResponse(test::sampleResponse(attemptUuid, 4));
    db->finishAttempt(attemptUuid, {{"levels", {{"reading", "a1"}}}});
    const auto done = db->findAttempt(attemptUuid);
    REQUIRE(done);
    CHECK(done->status == AttemptStatus::Finished);
    CHECK(done->finishedAtMs.has_value());
    CHECK(done->result["levels"]["reading"] == "a1");
    CHECK_FALSE(db->findResumableAttempt(code));
}

TEST_CASE("answers out of order, duplicated or after the end are refused", "[store][attempt]") {
    test::TempDir dir;
    auto db = Database::open(dir / "k.sqlite");
    const auto code = db->registerNewBeneficiary().code;
    const auto a = db->startAttempt(test::sampleAttempt(code));
    db->storeResponse(test::sampleResponse(a.uuid, 0));

    auto expectRefused = [&](const repere::engine::Response& r, StoreErrorKind kind) {
        try {
            db->storeResponse(r);
            FAIL("answer accepted");
        } catch (const StoreError& e) {
            CHECK(e.kind() == kind);
        }
    };
    expectRefused(test::sampleResponse(a.uuid, 0), StoreErrorKind::Constraint); // same item again
    expectRefused(test::sampleResponse(a.uuid, 2), StoreErrorKind::Constraint); // a gap
    expectRefused(test::sampleResponse("no-such-attempt", 0), StoreErrorKind::NotFound);
    auto dup = test::sampleResponse(a.uuid, 1);
    dup.uuid = db->responsesOf(a.uuid)[0].uuid; // same record id
    expectRefused(dup, StoreErrorKind::Constraint);
    db->finishAttempt(a.uuid, nlohmann::json::object());
    expectRefused(test::sampleResponse(a.uuid, 1), StoreErrorKind::Invalid);
    CHECK_THROWS_AS(db->pauseAttempt(a.uuid), StoreError);

    // Nothing of the refused answers was written, not even an outbox row.
    CHECK(db->counts().responses == 1);
    std::int64_t responseRows = 0;
    for (auto batch = db->assignNextBatch(repere::util::newUuid(), 100, 1 << 20); !batch.empty();
         batch = db->assignNextBatch(repere::util::newUuid(), 100, 1 << 20)) {
        for (const auto& r : batch) {
            responseRows += r.kind == "response";
        }
    }
    CHECK(responseRows == 1);
}

TEST_CASE(
    "every record goes to the outbox with its payload hash - batches are resent and acknowledged",
    "[store][outbox]") {
    test::TempDir dir;
    auto db = Database::open(dir / "k.sqlite");
    const auto code = db->registerNewBeneficiary(std::string("Awa"), db->nowMs()).code;
    const auto a = db->startAttempt(test::sampleAttempt(code));
    for (int i = 0; i < 5; ++i) {
        db->storeResponse(test::sampleResponse(a.uuid, i));
    }
    // beneficiary + attempt + 5 responses
    CHECK(db->pendingCount() == 7);
    CHECK_FALSE(db->openBatchId());

    const auto first = db->assignNextBatch("b-1", 3, 1 << 20);
    REQUIRE(first.size() == 3);
    CHECK(first[0].kind == "beneficiary");
    CHECK(first[1].kind == "attempt");
    CHECK(first[1].recordId == a.uuid);
    for (std::size_t i = 0; i < first.size(); ++i) {
        CHECK(first[i].sha256 == repere::util::sha256Hex(first[i].payload));
        CHECK(first[i].batchId == std::optional<std::string>("b-1"));
        if (i) {
            CHECK(first[i].seq > first[i - 1].seq);
        }
    }
    const auto payload = nlohmann::json::parse(first[2].payload);
    CHECK(payload["attemptUuid"] == a.uuid);
    CHECK(payload["itemId"] == "lec-0");
    CHECK(payload["status"] == "ok");

    // Not acknowledged: the same batch is offered again, with the same records.
    REQUIRE(db->openBatchId() == std::optional<std::string>("b-1"));
    CHECK(db->batchRecords("b-1").size() == 3);
    // A byte limit cuts the next batch (one record always goes, so nothing stalls).
    CHECK(db->assignNextBatch("b-2", 100, 1).size() == 1);

    db->markAcknowledged("b-1", {first[0].recordId, first[1].recordId});
    CHECK(db->pendingCount() == 5);
    CHECK(db->openBatchId() == std::optional<std::string>("b-1")); // one record still open
    db->releaseBatch("b-1");
    db->markAcknowledged("b-2", {db->batchRecords("b-2")[0].recordId});
    CHECK_FALSE(db->openBatchId());
    const auto rest = db->assignNextBatch("b-3", 100, 1 << 20);
    CHECK(rest.size() == 4);
    CHECK(rest[0].seq == first[2].seq);

    db->setSyncValue("cursor", "12");
    db->setSyncValue("cursor", "13");
    CHECK(db->syncValue("cursor") == std::optional<std::string>("13"));
    CHECK_FALSE(db->syncValue("nothing"));
}

TEST_CASE("trainers score open answers and write notes and next steps", "[store][trainer]") {
    test::TempDir dir;
    auto db = Database::open(dir / "k.sqlite");
    const auto code = db->registerNewBeneficiary().code;
    const auto a = db->startAttempt(test::sampleAttempt(code));
    auto r = test::sampleResponse(a.uuid, 0);
    r.status = ResponseStatus::PendingManual;
    r.answer = {{"text", "Je cherche un travail"}};
    const std::string rid = db->storeResponse(r);

    db->addManualScore(rid, "Fatou", {{"r1", 1}, {"r2", 0}}, 1, 2);
    db->addManualScore(rid, "Karim", {{"r1", 1}, {"r2", 1}}, 2, 2);
    CHECK_THROWS_AS(db->addManualScore(rid, "Karim", {}, 3, 2), StoreError);
    CHECK_THROWS_AS(db->addManualScore("nope", "Karim", {}, 1, 2), StoreError);
    const auto scores = db->manualScoresOf(a.uuid);
    REQUIRE(scores.size() == 2);
    CHECK(scores[1].trainer == "Karim");
    CHECK(scores[1].points["r2"] == 1);

    db->addNote(code, a.uuid, "Fatou", NoteKind::Note, "À l'aise à l'oral");
    db->addNote(code, std::nullopt, "Fatou", NoteKind::NextStep, "Atelier numérique mardi");
    const auto notes = db->notesOf(code);
    REQUIRE(notes.size() == 2);
    CHECK(notes[1].kind == NoteKind::NextStep);
    CHECK_FALSE(notes[1].attemptUuid);
    CHECK(notes[0].text == "À l'aise à l'oral");

    bool scoreAudited = false;
    for (const auto& e : db->auditLog()) {
        scoreAudited |= e.action == "manual-score" && e.actor == "Karim";
    }
    CHECK(scoreAudited);
    // beneficiary, attempt, response, 2 manual scores, 2 notes
    CHECK(db->pendingCount() == 7);
}

TEST_CASE("the CSV export opens in a French spreadsheet", "[store][export]") {
    test::TempDir dir;
    auto db = Database::open(dir / "k.sqlite");
    const auto code = db->registerNewBeneficiary().code;
    const auto a = db->startAttempt(test::sampleAttempt(code));
    auto r0 = test::sampleResponse(a.uuid, 0);
    r0.answer = {{"text", "=HYPERLINK(\"x\"); merci"}};
    r0.durationMs = 90'000;
    db->storeResponse(r0);
    auto r1 = test::sampleResponse(a.uuid, 1);
    r1.durationMs = 30'000;
    db->storeResponse(r1);
    db->finishAttempt(
        a.uuid, {{"levels", {{"reading", "a1.1"}, {"listening", {{"level", "a2"}}}}},
                 {"competences", {{"read-sign", 2.5}, {"read-form", {{"score", 1}, {"max", 2}}}}}});

    std::ostringstream csv;
    CHECK(exportResults(*db, {}, csv) == 1);
    const std::string text = csv.str();
    REQUIRE(text.rfind("\xEF\xBB\xBF", 0) == 0);
    std::istringstream lines(text.substr(3));
    std::string header;
    std::string row;
    std::getline(lines, header);
    std::getline(lines, row);
    CHECK(header == "code;questionnaire;version;tentative;statut;début;fin;durée (min);réponses;"
                    "niveau écouter;niveau lire;score read-form;score read-sign\r");
    CHECK_THAT(row, Catch::StartsWith(formatBeneficiaryCode(code) + ";francais;1.2.0;" + a.uuid +
                                      ";terminé;"));
    CHECK_THAT(row, Catch::EndsWith(";2;2;A2;A1.1;1;2,5\r"));

    std::ostringstream perResponse;
    ExportOptions perResponseOptions;
    perResponseOptions.responses = true;
    CHECK(exportResults(*db, perResponseOptions, perResponse) == 2);
    // The typed answer is quoted (it has ; and ") and cannot run as a formula.
    CHECK_THAT(perResponse.str(),
               Catch::Contains("\"{\"\"text\"\":\"\"=HYPERLINK(\\\"\"x\\\"\"); merci\"\"}\""));
    CHECK(csvField("=1+1") == "'=1+1");
    CHECK(csvField("-2,5") == "-2,5");
    CHECK(csvField("a;b") == "\"a;b\"");

    std::ostringstream json;
    ExportOptions jsonOptions;
    jsonOptions.format = ExportFormat::Json;
    jsonOptions.responses = true;
    CHECK(exportResults(*db, jsonOptions, json) == 1);
    const auto doc = nlohmann::json::parse(json.str());
    REQUIRE(doc["attempts"].size() == 1);
    CHECK(doc["attempts"][0]["responses"].size() == 2);
    CHECK(doc["attempts"][0]["result"]["levels"]["reading"] == "a1.1");
}

TEST_CASE("a backup taken while the database is open is complete and self-contained",
          "[store][backup]") {
    test::TempDir dir;
    auto db = Database::open(dir / "k.sqlite");
    const auto code = db->registerNewBeneficiary().code;
    const auto a = db->startAttempt(test::sampleAttempt(code));
    for (int i = 0; i < 50; ++i) {
        db->storeResponse(test::sampleResponse(a.uuid, i));
    }
    backupDatabase(dir / "k.sqlite", dir / "copy.sqlite");
    // The writer keeps going after the backup.
    db->storeResponse(test::sampleResponse(a.uuid, 50));
    CHECK_FALSE(fs::exists(dir / "copy.sqlite-wal"));
    const auto check = checkDatabaseFile(dir / "copy.sqlite");
    REQUIRE(check.ok);
    CHECK(check.counts.responses == 50);
    CHECK(check.counts.attempts == 1);
    CHECK(check.schemaVersion == Database::latestSchemaVersion());
    CHECK_THROWS_AS(backupDatabase(dir / "missing.sqlite", dir / "x.sqlite"), StoreError);
}

TEST_CASE("the data folder comes from --data-dir, then XDG_DATA_HOME, then HOME",
          "[store][datadir]") {
    const char* oldXdg = std::getenv("XDG_DATA_HOME");
    const std::string savedXdg = oldXdg ? oldXdg : "";
    const std::string savedHome = std::getenv("HOME") ? std::getenv("HOME") : "";
    setenv("XDG_DATA_HOME", "/srv/xdg", 1);
    setenv("HOME", "/home/kiosk", 1);
    CHECK(resolveDataDir(std::string("/data/r")) == fs::path("/data/r"));
    CHECK(resolveDataDir() == fs::path("/srv/xdg/repere"));
    setenv("XDG_DATA_HOME", "relative/dir", 1); // ignored, as the XDG spec says
    CHECK(resolveDataDir() == fs::path("/home/kiosk/.local/share/repere"));
    unsetenv("XDG_DATA_HOME");
    CHECK(resolveDataDir(std::string()) == fs::path("/home/kiosk/.local/share/repere"));
    if (oldXdg) {
        setenv("XDG_DATA_HOME", savedXdg.c_str(), 1);
    }
    setenv("HOME", savedHome.c_str(), 1);

    test::TempDir dir;
    auto db = Database::openDataDir(dir / "nested" / "data");
    CHECK(db->path() == databasePath(dir / "nested" / "data"));
    CHECK((fs::status(dir / "nested" / "data").permissions() & fs::perms::others_all) ==
          fs::perms::none);
}

TEST_CASE(
    "an outbox record set aside leaves its batch, is never offered again and keeps its reason",
    "[store][outbox]") {
    test::TempDir dir;
    auto db = Database::open(dir / "k.sqlite");
    const auto code = db->registerNewBeneficiary(std::string("Awa"), db->nowMs()).code;
    const auto a = db->startAttempt(test::sampleAttempt(code));
    db->storeResponse(test::sampleResponse(a.uuid, 0));
    // beneficiary + attempt + 1 response
    REQUIRE(db->pendingCount() == 3);
    const auto batch = db->assignNextBatch("b-1", 1, 1 << 20);
    REQUIRE(batch.size() == 1);
    db->setAside(batch[0].seq, "too large for a batch");
    CHECK(db->pendingCount() == 2);
    CHECK_FALSE(db->openBatchId()); // its batch is no longer open
    CHECK(db->batchRecords("b-1").empty());
    const auto rest = db->assignNextBatch("b-2", 100, 1 << 20);
    REQUIRE(rest.size() == 2);
    for (const auto& r : rest)
        CHECK(r.seq != batch[0].seq);
    const auto aside = db->setAsideRecords();
    REQUIRE(aside.size() == 1);
    CHECK(aside[0].first == batch[0].seq);
    CHECK(aside[0].second == "too large for a batch");
    // Still in the outbox after a reopen (kept for a human, never acknowledged).
    db.reset();
    db = Database::open(dir / "k.sqlite");
    CHECK(db->setAsideRecords().size() == 1);
    CHECK(db->pendingCount() == 2);
}
