// Retention: only what the server acknowledged and is older than the period is purged.
#include "store/ids.hpp"
#include "store_test_util.hpp"
#include "util/digest.hpp"

#include <catch2/catch.hpp>

using namespace repere::store;

namespace {

constexpr std::int64_t kDay = 86'400'000;

// Sends everything pending in one batch and acknowledges the records for which `ack` is true.
void syncAll(Database& db, const std::function<bool(const OutboxRecord&)>& ack) {
    const std::string batch = repere::util::newUuid();
    std::vector<std::string> ids;
    for (const auto& r : db.assignNextBatch(batch, 10'000, 1 << 30)) {
        if (ack(r)) {
            ids.push_back(r.recordId);
        }
    }
    db.markAcknowledged(batch, ids);
    db.releaseBatch(batch);
}

std::string attemptWithAnswers(Database& db, const std::string& code, int answers) {
    const auto a = db.startAttempt(test::sampleAttempt(code));
    for (int i = 0; i < answers; ++i) {
        db.storeResponse(test::sampleResponse(a.uuid, i));
    }
    db.finishAttempt(a.uuid, nlohmann::json::object());
    return a.uuid;
}

} // namespace

TEST_CASE("retention purges acknowledged old records and never unsynced ones",
          "[store][retention]") {
    test::TempDir dir;
    test::FakeClock clock;
    auto db = Database::open(dir / "k.sqlite", test::withClock(clock.fn()));

    const auto synced = db->registerNewBeneficiary(std::string("Awa")).code;
    const std::string oldSynced = attemptWithAnswers(*db, synced, 3);
    const auto unsynced = db->registerNewBeneficiary().code;
    const std::string oldUnsynced = attemptWithAnswers(*db, unsynced, 3);
    const auto partly = db->registerNewBeneficiary().code;
    const std::string oldPartly = attemptWithAnswers(*db, partly, 3);

    // The server acknowledges everything of `synced`, nothing of `unsynced`, and all of
    // `partly` except its last answer.
    const auto lastOfPartly = db->responsesOf(oldPartly).back().uuid;
    syncAll(*db, [&](const OutboxRecord& r) {
        const auto p = nlohmann::json::parse(r.payload);
        const std::string code = p.value("code", "");
        const std::string attempt = p.value("attemptUuid", p.value("uuid", ""));
        if (code == unsynced || attempt == oldUnsynced) {
            return false;
        }
        return r.recordId != lastOfPartly;
    });

    clock.nowMs += 40 * kDay;
    // A recent attempt, synced: too young to go.
    const auto recent = db->registerNewBeneficiary().code;
    const std::string recentSynced = attemptWithAnswers(*db, recent, 2);
    syncAll(*db, [&](const OutboxRecord& r) {
        const auto p = nlohmann::json::parse(r.payload);
        return p.value("code", "") == recent || p.value("attemptUuid", "") == recentSynced;
    });
    const auto pendingBefore = db->pendingCount();

    const PurgeReport report = db->purgeSynced(30);
    CHECK(report.attempts == 1);
    CHECK(report.responses == 3);
    CHECK(report.beneficiaries == 1);
    CHECK_FALSE(db->findAttempt(oldSynced));
    CHECK_FALSE(db->findBeneficiary(synced));
    CHECK(db->findAttempt(oldUnsynced));
    CHECK(db->responsesOf(oldUnsynced).size() == 3);
    CHECK(db->findBeneficiary(unsynced));
    CHECK(db->findAttempt(oldPartly));
    CHECK(db->responsesOf(oldPartly).size() == 3);
    CHECK(db->findAttempt(recentSynced));
    CHECK(db->pendingCount() == pendingBefore);
    CHECK(db->quickCheck());

    // A trainer scores an answer of the old, partly synced attempt; then the server
    // acknowledges everything. The old unsynced attempt may go now; the scored one only when
    // the score itself is old enough.
    db->addManualScore(db->responsesOf(oldPartly)[0].uuid, "Fatou", {}, 1, 1);
    syncAll(*db, [](const OutboxRecord&) { return true; });
    const PurgeReport next = db->purgeSynced(30);
    CHECK(next.attempts == 1);
    CHECK_FALSE(db->findAttempt(oldUnsynced));
    CHECK(db->findAttempt(oldPartly));
    clock.nowMs += 31 * kDay;
    const PurgeReport later = db->purgeSynced(30);
    CHECK(later.attempts == 2);
    CHECK(db->counts().attempts == 0);
    CHECK(db->counts().beneficiaries == 0);
    CHECK(db->pendingCount() == 0);

    bool audited = false;
    for (const auto& e : db->auditLog()) {
        audited |= e.action == "purge";
    }
    CHECK(audited);
    CHECK_THROWS_AS(db->purgeSynced(-1), StoreError);
}
