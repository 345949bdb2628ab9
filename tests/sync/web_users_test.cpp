// Issue 18, back office, point "users", on SQLite and on PostgreSQL: accounts with Argon2id
// passwords, escalating lock-out, server-side sessions with an idle timeout, and the record
// look-ups the pages use (one person, one agency) after the version 3 migration keys.
#include "support/backend.hpp"
#include "support/records.hpp"
#include "sync/protocol/digest.hpp"
#include "sync/server/web_users.hpp"

#include <catch2/catch.hpp>

using namespace repere;
using namespace repere::sync;
using namespace repere::sync::server;

namespace {} // namespace

TEST_CASE("web users: Argon2id hash, never the password, role and length checked") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    addWebUser(*s, "ALI Bondy", "awa", "counsellor", "un mot de passe long", 10);
    auto u = s->webUser("awa");
    REQUIRE(u);
    CHECK(u->agency == "ALI Bondy");
    CHECK(u->role == "counsellor");
    CHECK(u->passwordHash.rfind("$argon2id$", 0) == 0);
    CHECK(u->passwordHash.find("un mot de passe long") == std::string::npos);
    CHECK_THROWS(addWebUser(*s, "ALI Bondy", "bob", "counsellor", "court", 10));
    CHECK_THROWS(addWebUser(*s, "ALI Bondy", "bob", "trainer", "un mot de passe long", 10));
    CHECK_THROWS(addWebUser(*s, "", "bob", "counsellor", "un mot de passe long", 10));
    CHECK(s->webUsers().size() == 1);
    CHECK(checkLogin(*s, "awa", "un mot de passe long", "test", 20).outcome == LoginOutcome::Ok);
    CHECK(checkLogin(*s, "awa", "pas le bon mot", "test", 21).outcome == LoginOutcome::Wrong);
    CHECK(checkLogin(*s, "nobody", "un mot de passe long", "test", 22).outcome ==
          LoginOutcome::Wrong);
    CHECK(removeWebUser(*s, "awa", 30));
    CHECK_FALSE(removeWebUser(*s, "awa", 31));
    CHECK_FALSE(s->webUser("awa"));
    bool audited = false;
    for (const auto& e : s->auditLog())
        audited =
            audited || (e.event == "add-user" && e.detail.find("name=awa") != std::string::npos);
    CHECK(audited);
}

TEST_CASE("web users: five wrong passwords lock the account, each lock longer than the last") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    addWebUser(*s, "ALI Bondy", "awa", "counsellor", "un mot de passe long", 0);
    std::int64_t now = 1000000;
    for (int k = 1; k < kFailuresBeforeLock; ++k)
        CHECK(checkLogin(*s, "awa", "faux", "t", now).outcome == LoginOutcome::Wrong);
    auto first = checkLogin(*s, "awa", "faux", "t", now);
    REQUIRE(first.outcome == LoginOutcome::Locked);
    CHECK(first.lockedUntilMs == now + kFirstLockMs);
    // Locked: even the right password is refused until the lock ends.
    CHECK(checkLogin(*s, "awa", "un mot de passe long", "t", now + 1).outcome ==
          LoginOutcome::Locked);
    now = first.lockedUntilMs;
    for (int k = 1; k < kFailuresBeforeLock; ++k)
        checkLogin(*s, "awa", "faux", "t", now);
    auto second = checkLogin(*s, "awa", "faux", "t", now);
    REQUIRE(second.outcome == LoginOutcome::Locked);
    CHECK(second.lockedUntilMs == now + 2 * kFirstLockMs);
    now = second.lockedUntilMs;
    CHECK(checkLogin(*s, "awa", "un mot de passe long", "t", now).outcome == LoginOutcome::Ok);
    CHECK(s->webUser("awa")->lockouts == 0);
}

TEST_CASE("web sessions: found by hash, ended by an idle timeout, by logout or user removal") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    addWebUser(*s, "ALI Bondy", "awa", "counsellor", "un mot de passe long", 0);
    s->createWebSession({sha256Hex("cookie-1"), "awa", "csrf-1", 1000, 1000});
    auto w = s->useWebSession(sha256Hex("cookie-1"), 1000 + 60000, 1800000);
    REQUIRE(w);
    CHECK(w->userName == "awa");
    CHECK(w->csrfToken == "csrf-1");
    CHECK_FALSE(s->useWebSession("cookie-1", 1000 + 60000, 1800000)); // the raw id is not stored
    // Used at +1 min, so still valid at +1 min + 29 min, gone after 30 idle minutes.
    CHECK(s->useWebSession(sha256Hex("cookie-1"), 61000 + 1799000, 1800000));
    CHECK_FALSE(s->useWebSession(sha256Hex("cookie-1"), 61000 + 1799000 + 1800001, 1800000));
    s->createWebSession({sha256Hex("cookie-2"), "awa", "csrf-2", 1000, 1000});
    s->deleteWebSession(sha256Hex("cookie-2"));
    CHECK_FALSE(s->useWebSession(sha256Hex("cookie-2"), 1001, 1800000));
    s->createWebSession({sha256Hex("cookie-3"), "awa", "csrf-3", 1000, 1000});
    CHECK(removeWebUser(*s, "awa", 1002));
    CHECK_FALSE(s->useWebSession(sha256Hex("cookie-3"), 1003, 1800000));
}

TEST_CASE("records: a person's and an agency's records found by the keys stored with them") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    const auto a = test::enrolledDevice(*s, "ALI Bondy");
    const auto b = test::enrolledDevice(*s, "ALI Pantin");
    s->ingestBatch(
        a, "b1",
        {test::jsonRecord("att-1", "attempt", {{"uuid", "att-1"}, {"code", "AAVQ2QM"}}, 1),
         test::jsonRecord("r-1", "response", {{"uuid", "r-1"}, {"attemptUuid", "att-1"}}, 2),
         test::jsonRecord("e-1", "attempt_event", {{"attemptUuid", "att-1"}}, 3)},
        5000);
    s->ingestBatch(
        b, "b1",
        {test::jsonRecord("att-2", "attempt", {{"uuid", "att-2"}, {"code", "BBBCCCD"}}, 1),
         test::jsonRecord("r-2", "response", {{"uuid", "r-2"}, {"attemptUuid", "att-2"}}, 2)},
        6000);
    RecordQuery person;
    person.code = "AAVQ2QM";
    CHECK(s->findRecords(person).size() == 3);
    person.agency = "ALI Pantin"; // the person is not in that agency's scope
    CHECK(s->findRecords(person).empty());
    RecordQuery agency;
    agency.agency = "ALI Pantin";
    agency.kinds = {"attempt"};
    auto rows = s->findRecords(agency);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].recordId == "att-2");
    CHECK(rows[0].agency == "ALI Pantin");
    StoredRecord score;
    score.recordId = "score-1";
    score.kind = "manual_score";
    score.agency = "ALI Bondy";
    score.payload = nlohmann::json{{"uuid", "score-1"}, {"attemptUuid", "att-1"}}.dump();
    score.sha256 = sha256Hex(score.payload);
    score.createdAtMs = 7000;
    CHECK(s->storeServerRecord(score));
    CHECK_FALSE(s->storeServerRecord(score));
    person.agency = "ALI Bondy";
    CHECK(s->findRecords(person).size() == 4);
    auto activity = s->deviceActivity();
    REQUIRE(activity.size() == 2);
    CHECK(activity[0].lastSyncMs.value_or(0) == 5000);
    s->reportPending(a.id, 12);
    CHECK(s->deviceActivity()[0].pendingReported.value_or(0) == 12);
}
