// One attempt result (issue 15): the engine's result, its one JSON shape, the older shape the
// kiosk's controller wrote, and the migration that rewrites stored results of that shape
// (tests/fixtures/db/kiosk-v4-controller-results.sqlite).
#include "engine/attempt_result.hpp"
#include "store/data_dir.hpp"
#include "store/export.hpp"
#include "store_test_util.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <sstream>

using namespace repere;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = fs::path(REPERE_SOURCE_DIR) / "tests" / "fixtures" / "db";

engine::AttemptResult sample() {
    engine::AttemptResult r;
    engine::SkillOutcome reading;
    reading.skill = "lire";
    reading.levelId = "a1";
    reading.levelIndex = 2;
    reading.theta = 0.25;
    reading.se = 0.5;
    reading.score = 4;
    reading.maxScore = 6;
    reading.percent = 4.0 / 6.0 * 100;
    reading.itemsUsed = 6;
    reading.dontKnow = 1;
    reading.estimated = true;
    engine::SkillOutcome speaking;
    speaking.skill = "parler";
    speaking.pendingManual = 2;
    speaking.unavailable = 1;
    r.skills = {reading, speaking};
    r.competences["lire-affiche"] = {3, 4};
    r.score = 4;
    r.maxScore = 6;
    r.pendingManual = 2;
    return r;
}

// Compares everything but the order of skills (JSON objects are keyed by id).
void checkSame(const engine::AttemptResult& a, const engine::AttemptResult& b) {
    REQUIRE(a.skills.size() == b.skills.size());
    for (const auto& s : a.skills) {
        INFO(s.skill);
        const auto* t = b.skill(s.skill);
        REQUIRE(t);
        CHECK(t->levelId == s.levelId);
        CHECK(t->levelIndex == s.levelIndex);
        CHECK(t->theta == s.theta);
        CHECK(t->se == s.se);
        CHECK(t->score == s.score);
        CHECK(t->maxScore == s.maxScore);
        CHECK(t->percent == s.percent);
        CHECK(t->itemsUsed == s.itemsUsed);
        CHECK(t->dontKnow == s.dontKnow);
        CHECK(t->pendingManual == s.pendingManual);
        CHECK(t->unavailable == s.unavailable);
        CHECK(t->estimated == s.estimated);
        CHECK(t->skipped == s.skipped);
        CHECK(t->notAssessed == s.notAssessed);
    }
    REQUIRE(a.competences.size() == b.competences.size());
    for (const auto& [id, c] : a.competences) {
        CHECK(b.competences.at(id).score == c.score);
        CHECK(b.competences.at(id).max == c.max);
    }
    CHECK(a.score == b.score);
    CHECK(a.maxScore == b.maxScore);
    CHECK(a.pendingManual == b.pendingManual);
}

// The result as kiosk/app/controller.cpp wrote it before issue 15.
json legacyShape(const engine::AttemptResult& r) {
    json skills = json::array();
    for (const auto& s : r.skills)
        skills.push_back({{"skill", s.skill},
                          {"levelId", s.levelId},
                          {"level", s.levelIndex ? json(*s.levelIndex) : json()},
                          {"theta", s.theta},
                          {"se", s.se},
                          {"score", s.score},
                          {"maxScore", s.maxScore},
                          {"percent", s.percent},
                          {"items", s.itemsUsed},
                          {"dontKnow", s.dontKnow},
                          {"pendingManual", s.pendingManual},
                          {"skipped", s.skipped},
                          {"unavailable", s.unavailable},
                          {"notAssessed", s.notAssessed}});
    return {{"skills", skills},
            {"levels", {{"lire", "a1"}}},
            {"score", r.score},
            {"maxScore", r.maxScore},
            {"pendingManual", r.pendingManual}};
}

} // namespace

TEST_CASE("attempt result: one JSON shape, read back whole", "[store][result]") {
    const auto r = sample();
    const json j = engine::toJson(r);
    CHECK(j["skills"].is_object());
    CHECK(j["levels"] == json{{"lire", "a1"}}); // placed skills only
    CHECK(j["skills"]["parler"]["level"].is_null());
    CHECK(j["competences"]["lire-affiche"] == json{{"score", 3.0}, {"max", 4.0}});
    const auto back = engine::attemptResultFromJson(j);
    REQUIRE(back);
    checkSame(r, *back);
    CHECK(engine::toJson(*back) == j);
    CHECK_FALSE(engine::attemptResultFromJson(json()));
    CHECK_FALSE(engine::attemptResultFromJson(json::array()));
}

TEST_CASE("attempt result: the controller's older shape reads as the same result",
          "[store][result]") {
    auto r = sample();
    r.competences.clear(); // the older shape never had them
    const auto back = engine::attemptResultFromJson(legacyShape(r));
    REQUIRE(back);
    checkSame(r, *back);
}

TEST_CASE("migration 8 rewrites results of the older shape, and the export reads every skill",
          "[store][migration][result]") {
    test::TempDir dir;
    const fs::path file = store::databasePath(dir.path());
    fs::copy_file(kFixtures / "kiosk-v4-controller-results.sqlite", file);
    std::map<std::string, json> before;
    {
        SQLite::Database raw(file, SQLite::OPEN_READONLY);
        CHECK(raw.execAndGet("PRAGMA user_version").getInt() == 4);
        SQLite::Statement st(raw, "SELECT uuid, result FROM attempt WHERE result IS NOT NULL");
        while (st.executeStep())
            before[st.getColumn(0).getString()] = json::parse(st.getColumn(1).getString());
    }
    int legacy = 0;
    for (const auto& [uuid, j] : before)
        legacy += j["skills"].is_array();
    REQUIRE(legacy >= 1);                 // the fixture holds results of the older shape
    REQUIRE(legacy < int(before.size())); // and of the new one, left as they are

    auto db = store::Database::openDataDir(dir.path()); // as a kiosk opens it
    CHECK(db->openReport().versionBefore == 4);
    for (const auto& [uuid, old] : before) {
        INFO(uuid);
        const auto a = db->findAttempt(uuid);
        REQUIRE(a);
        CHECK(a->result["skills"].is_object());
        CHECK(a->result["competences"].is_object());
        const auto was = engine::attemptResultFromJson(old);
        const auto now = engine::attemptResultFromJson(a->result);
        REQUIRE(was);
        REQUIRE(now);
        checkSame(*was, *now); // nothing lost in the rewrite
        if (!old["skills"].is_array())
            CHECK(a->result == old); // results of the one shape untouched
    }
    // Every skill of every result has a column, placed or "pas évalué".
    std::ostringstream csv;
    store::exportResults(*db, {}, csv);
    CHECK_THAT(csv.str(), Catch::Contains("niveau parler"));
    CHECK_THAT(csv.str(), Catch::Contains("pas évalué"));
}
