// Schema version 5's attempt summaries (issue 18, speed), on SQLite and on PostgreSQL: kept at
// ingest they say what assembleAttempts says from the records themselves (status from the latest
// event whatever the order of arrival, result, levels, responses and active time); the
// migration builds them for records stored before, keeping every record (a database made by
// main's binaries at schema 4, and on both backends a database brought back to 4); erasure
// removes them; the dashboard and the export read them.
#include "store/attempt_table.hpp"
#include "support/backend.hpp"
#include "support/records.hpp"
#include "support/temp_dir.hpp"
#include "sync/protocol/digest.hpp"
#include "sync/server/server_attempts.hpp"
#include "sync/server/sql.hpp"
#include "sync/server/web_dashboard.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <sstream>

using namespace repere;
using namespace repere::sync;
using namespace repere::sync::server;

namespace {

WireRecord attempt(const std::string& uuid, const std::string& code, std::int64_t startedAt,
                   std::int64_t seq) {
    return test::jsonRecord(uuid, "attempt",
                            {{"uuid", uuid},
                             {"code", code},
                             {"quizId", "francais"},
                             {"quizVersion", "2.3.0"},
                             {"startedAtMs", startedAt}},
                            seq);
}

WireRecord event(const std::string& id, const std::string& attemptUuid, const std::string& what,
                 std::int64_t at, std::int64_t seq, const std::string& readingLevel = "") {
    nlohmann::json p{{"uuid", id}, {"attemptUuid", attemptUuid}, {"event", what}, {"atMs", at}};
    if (!readingLevel.empty())
        p["result"] = {{"skills",
                        {{"reading", {{"level", readingLevel}, {"levelIndex", 2}}},
                         {"speaking", {{"level", nullptr}, {"notAssessed", true}}}}}};
    return test::jsonRecord(id, "attempt_event", p, seq);
}

WireRecord response(const std::string& id, const std::string& attemptUuid, std::int64_t ms,
                    std::int64_t seq) {
    return test::jsonRecord(id, "response",
                            {{"uuid", id},
                             {"attemptUuid", attemptUuid},
                             {"sequence", seq},
                             {"itemId", "lec-01"},
                             {"durationMs", ms},
                             {"status", "ok"}},
                            seq);
}

// Both views of every attempt, side by side: what the summaries say and what assembleAttempts
// makes of the records.
void requireAgree(Storage& s) {
    SummaryQuery q;
    q.withResult = true;
    std::map<std::string, AttemptSummary> summaries;
    for (const auto& a : s.attemptSummaries(q))
        summaries[a.uuid] = a;
    const auto attempts = assembleAttempts(s.findRecords({}));
    REQUIRE(summaries.size() == attempts.size());
    for (const auto& a : attempts) {
        INFO(a.record.uuid);
        REQUIRE(summaries.count(a.record.uuid));
        const auto& x = summaries[a.record.uuid];
        CHECK(x.code == a.record.code);
        CHECK(x.agency == a.agency);
        CHECK(x.deviceId == a.deviceId);
        CHECK(x.quizId == a.record.quizId);
        CHECK(x.quizVersion == a.record.quizVersion);
        CHECK(x.startedAtMs == a.record.startedAtMs);
        CHECK(x.status == store::toString(a.record.status));
        CHECK(x.finishedAtMs == a.record.finishedAtMs);
        const auto row = attemptRow(a);
        CHECK(x.responses == static_cast<std::int64_t>(row.responses));
        CHECK(x.activeMs == row.activeMs);
        CHECK((x.result.empty() ? nlohmann::json() : nlohmann::json::parse(x.result)) ==
              a.record.result);
    }
}

// The records of three attempts, their events arriving out of order across batches.
void seed(Storage& s, const Device& bondy, const Device& pantin) {
    s.ingestBatch(bondy, "b1",
                  {attempt("att-1", "AAVQ2QM", 10'000, 1), response("r-1", "att-1", 4000, 2),
                   response("r-2", "att-1", 6000, 3), event("e-1", "att-1", "paused", 20'000, 4)},
                  50'000);
    // The finish, then a pause written earlier that reached the server later: still finished.
    s.ingestBatch(bondy, "b2", {event("e-2", "att-1", "finished", 40'000, 5, "a2")}, 51'000);
    s.ingestBatch(bondy, "b3", {event("e-3", "att-1", "paused", 30'000, 6)}, 52'000);
    // An event before its attempt record: not listed until the attempt arrives.
    s.ingestBatch(pantin, "p1", {event("e-4", "att-2", "finished", 70'000, 1, "a1")}, 53'000);
    SummaryQuery all;
    CHECK(s.attemptSummaries(all).size() == 1);
    s.ingestBatch(pantin, "p2",
                  {attempt("att-2", "BBBCCCD", 60'000, 2), response("r-3", "att-2", 1000, 3)},
                  54'000);
    s.ingestBatch(pantin, "p3", {attempt("att-3", "BBBCCCD", 80'000, 4)}, 55'000);
    // A replayed batch adds nothing (the records are duplicates).
    s.ingestBatch(pantin, "p4", {response("r-3", "att-2", 1000, 3)}, 56'000);
}

} // namespace

TEST_CASE("attempt summaries: kept at ingest, they agree with the records whatever the order") {
    test::TempDir dir;
    INFO(test::backendName());
    auto s = test::freshStorage(dir);
    const auto bondy = test::enrolledDevice(*s, "ALI Bondy");
    const auto pantin = test::enrolledDevice(*s, "ALI Pantin");
    seed(*s, bondy, pantin);
    requireAgree(*s);
    SummaryQuery q;
    q.code = "AAVQ2QM";
    auto one = s->attemptSummaries(q);
    REQUIRE(one.size() == 1);
    CHECK(one[0].status == "finished");
    CHECK(one[0].finishedAtMs == 40'000);
    CHECK(one[0].responses == 2);
    CHECK(one[0].activeMs == 10'000);
    CHECK(one[0].result.empty()); // not asked for
    q = {};
    q.agency = "ALI Pantin";
    q.startedFromMs = 60'000;
    q.startedToMs = 80'000;
    auto range = s->attemptSummaries(q);
    REQUIRE(range.size() == 1);
    CHECK(range[0].uuid == "att-2");
    // Levels of finished attempts only, "" for a skill not placed.
    const auto levels = s->finishedLevels(std::nullopt);
    std::map<std::pair<std::string, std::string>, std::int64_t> counts;
    for (const auto& l : levels)
        counts[{l.skill, l.levelId}] = l.count;
    CHECK(counts == std::map<std::pair<std::string, std::string>, std::int64_t>{
                        {{"reading", "a1"}, 1}, {{"reading", "a2"}, 1}, {{"speaking", ""}, 2}});
    CHECK(s->finishedLevels(std::string("ALI Bondy")).size() == 2);
}

TEST_CASE("attempt summaries: the dashboard and the export read them, per agency") {
    test::TempDir dir;
    INFO(test::backendName());
    auto s = test::freshStorage(dir);
    seed(*s, test::enrolledDevice(*s, "ALI Bondy"), test::enrolledDevice(*s, "ALI Pantin"));
    const auto d = web::loadDashboard(*s, std::string("ALI Pantin"), 100'000);
    REQUIRE(d.agencies.size() == 1);
    CHECK(d.agencies[0].agency == "ALI Pantin");
    CHECK(d.agencies[0].total == 2);
    CHECK(d.finished == 1);
    REQUIRE(d.skills.size() == 2);
    const auto all = web::loadDashboard(*s, std::nullopt, 100'000);
    CHECK(all.agencies.size() == 2);
    CHECK(all.finished == 2);
    std::ostringstream csv;
    CHECK(web::writeScopedCsv(*s, std::string("ALI Bondy"), 0, 100'000, csv) == 1);
    CHECK(csv.str().find("AAV-Q2QM") != std::string::npos);
    CHECK(csv.str().find("BBB-CCCD") == std::string::npos);
    CHECK(csv.str().find("ALI Bondy") != std::string::npos);
}

TEST_CASE("attempt summaries: the migration to schema 5 builds them and keeps every record") {
    test::TempDir dir;
    INFO(test::backendName());
    const auto spec = test::freshDbSpec(dir);
    std::int64_t records = 0;
    {
        auto s = openStorage(spec);
        seed(*s, test::enrolledDevice(*s, "ALI Bondy"), test::enrolledDevice(*s, "ALI Pantin"));
        records = s->recordCount();
    }
    // Back to schema 4: no summary tables, and the trainer role column schema 6 dropped.
    test::rawDatabase(spec)->transact([](SqlSession& s) {
        s.exec("DROP TABLE attempt_levels");
        s.exec("DROP TABLE attempt_summary");
        s.exec("DROP TABLE attempt_results");
        s.exec("ALTER TABLE trainers ADD COLUMN role TEXT NOT NULL DEFAULT 'trainer'");
        s.exec("UPDATE schema_version SET version = 4");
    });
    auto s = openStorage(spec);
    test::rawDatabase(spec)->transact([](SqlSession& x) {
        CHECK(toInt(x.query("SELECT MAX(version) FROM schema_version").at(0)[0]) >= 5);
    });
    CHECK(s->recordCount() == records);
    CHECK(s->attemptSummaries({}).size() == 3);
    requireAgree(*s);
    CHECK(s->finishedLevels(std::nullopt).size() == 3);
}

TEST_CASE("attempt summaries: a server database left by schema 4 (release fixture) migrates") {
    if (std::string(test::backendName()) != "sqlite")
        return; // the fixture is a SQLite file
    test::TempDir dir;
    const auto db = dir / "server.db";
    std::filesystem::copy_file(
        std::filesystem::path(REPERE_SOURCE_DIR) / "tests/fixtures/deploy/server.sqlite", db);
    test::rawDatabase("sqlite:" + db.string())->transact([](SqlSession& x) {
        REQUIRE(toInt(x.query("SELECT MAX(version) FROM schema_version").at(0)[0]) == 4);
    });
    auto s = openStorage("sqlite:" + db.string());
    CHECK(s->recordCount() == 72); // tests/fixtures/deploy/server.records
    const auto all = s->attemptSummaries({});
    CHECK(all.size() == 3);
    std::int64_t responses = 0;
    for (const auto& a : all)
        responses += a.responses;
    CHECK(responses == 63);
    requireAgree(*s);
}

TEST_CASE("attempt summaries: erasing a person removes theirs") {
    test::TempDir dir;
    INFO(test::backendName());
    auto s = test::freshStorage(dir);
    seed(*s, test::enrolledDevice(*s, "ALI Bondy"), test::enrolledDevice(*s, "ALI Pantin"));
    s->eraseBeneficiary("BBBCCCD", "BBB-CCCD", {1, "erase", "", "test"});
    const auto left = s->attemptSummaries({});
    REQUIRE(left.size() == 1);
    CHECK(left[0].code == "AAVQ2QM");
    CHECK(s->finishedLevels(std::nullopt).size() == 2);
    requireAgree(*s);
}
