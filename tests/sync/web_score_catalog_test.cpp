// Issue 18, on SQLite and PostgreSQL: a score given in the back office is in the catalogue of its
// agency's kiosks, once (the catalogue version it was given at), never in another agency's; the
// wire carries it and an older server's reply without scores still reads; scores stored before
// schema 6 (seq 0) get a catalogue version from the migration, so kiosks receive them too.
#include "support/backend.hpp"
#include "sync/protocol/digest.hpp"
#include "sync/server/sql.hpp"

#include <catch2/catch.hpp>

using namespace repere;
using namespace repere::sync;
using namespace repere::sync::server;

namespace {

StoredRecord webScore(const std::string& id, const std::string& agency, double score) {
    StoredRecord r;
    r.recordId = id;
    r.kind = "manual_score";
    r.agency = agency;
    r.createdAtMs = 5000;
    r.payload = nlohmann::json{{"uuid", id},
                               {"responseUuid", "resp-" + id},
                               {"attemptUuid", "att-" + id},
                               {"trainer", "awa"},
                               {"atMs", 5000},
                               {"points", nlohmann::json::object()},
                               {"score", score},
                               {"maxScore", 2.0},
                               {"origin", "backoffice"}}
                    .dump();
    r.sha256 = sha256Hex(r.payload);
    return r;
}

} // namespace

TEST_CASE("web scores: in the catalogue of their agency only, once, and on the wire") {
    test::TempDir dir;
    INFO(test::backendName());
    auto s = test::freshStorage(dir);
    const auto start = s->catalogSince(0, "ALI Bondy").version;
    REQUIRE(s->storeServerRecord(webScore("score-1", "ALI Bondy", 1.5)));
    CHECK_FALSE(s->storeServerRecord(webScore("score-1", "ALI Bondy", 1.5))); // no new version
    auto bondy = s->catalogSince(start, "ALI Bondy");
    CHECK(bondy.version == start + 1);
    REQUIRE(bondy.scores.size() == 1);
    const auto& m = bondy.scores[0];
    CHECK(m.uuid == "score-1");
    CHECK(m.responseUuid == "resp-score-1");
    CHECK(m.attemptUuid == "att-score-1");
    CHECK(m.trainer == "awa");
    CHECK(m.atMs == 5000);
    CHECK(m.score == 1.5);
    CHECK(m.maxScore == 2.0);
    CHECK(m.catalogVersion == start + 1);
    CHECK(s->catalogSince(bondy.version, "ALI Bondy").scores.empty()); // pulled once
    CHECK(s->catalogSince(0, "ALI Pantin").scores.empty());
    CHECK(s->catalogSince(0, "").scores.empty());

    // The wire, both ways; a reply without "scores" (an older server) reads as none.
    const auto parsed = parseCatalogReply(toJson(bondy).dump());
    REQUIRE(parsed.ok());
    REQUIRE(parsed.value->scores.size() == 1);
    CHECK(parsed.value->scores[0].score == 1.5);
    CHECK(parsed.value->scores[0].points == nlohmann::json::object());
    auto old = toJson(bondy);
    old.erase("scores");
    REQUIRE(parseCatalogReply(old.dump()).ok());
    CHECK(parseCatalogReply(old.dump()).value->scores.empty());
    auto bad = toJson(bondy);
    bad["scores"][0]["score"] = 3.0; // above maxScore
    CHECK_FALSE(parseCatalogReply(bad.dump()).ok());
}

TEST_CASE("web scores: those stored before schema 6 reach the kiosks after the migration") {
    test::TempDir dir;
    INFO(test::backendName());
    const auto spec = test::freshDbSpec(dir);
    {
        auto s = openStorage(spec);
        REQUIRE(s->storeServerRecord(webScore("score-old", "ALI Bondy", 1.0)));
    }
    // As schema 5 stored it: seq 0, no catalogue version.
    test::rawDatabase(spec)->transact([](SqlSession& x) {
        x.exec("UPDATE records SET seq = 0 WHERE record_id = 'score-old'");
        x.exec("UPDATE catalog_counter SET version = 0 WHERE id = 1");
        x.exec("UPDATE schema_version SET version = 5");
    });
    auto s = openStorage(spec);
    CHECK(s->recordCount() == 1);
    const auto c = s->catalogSince(0, "ALI Bondy");
    REQUIRE(c.scores.size() == 1);
    CHECK(c.scores[0].uuid == "score-old");
    CHECK(c.scores[0].catalogVersion == c.version);
    CHECK(c.version >= 1);
}
