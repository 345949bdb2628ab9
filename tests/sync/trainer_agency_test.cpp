// Issue 14 points 3 and 4, server side, on SQLite and PostgreSQL: trainer accounts belong to an
// agency (a kiosk receives only its agency's accounts and hashes), PINs of 6+ digits hashed at
// Argon2id MODERATE cost, remove-trainer reaches the kiosk at its next pull without touching a
// local account of the same name, enrolment codes are listed and can be revoked.
#include "support/backend.hpp"
#include "support/memory_kiosk.hpp"
#include "support/server_fixture.hpp"
#include "sync/client/database_state.hpp"
#include "sync/client/sync_client.hpp"
#include "sync/protocol/digest.hpp"
#include "sync/server/admin.hpp"

#include <catch2/catch.hpp>
#include <httplib.h>

using namespace repere;
using namespace repere::sync;

namespace {

const auto acceptAll = [](const std::filesystem::path&) {
    return std::vector<std::string>{};
};

std::string rawCatalog(const test::ServerFixture& srv, const std::string& token) {
    httplib::Client http("127.0.0.1", srv.port());
    auto res = http.Get("/api/v1/catalog?since=0", {{"Authorization", "Bearer " + token}});
    REQUIRE(res);
    REQUIRE(res->status == 200);
    return res->body;
}

} // namespace

TEST_CASE("trainers: a kiosk of agency A never receives agency B's trainer, hash included") {
    INFO(test::backendName());
    test::ServerFixture srv;
    auto& st = *srv.storage;
    const auto now = test::wallMs();
    server::addTrainer(st, "ALI Bondy", "Awa", "482157", now);
    server::addTrainer(st, "ALI Sevran", "Bruno", "731904", now);
    // The same name in both agencies: two accounts, each kiosk gets its own agency's hash.
    st.upsertTrainer({"Karim", "$argon2id$hash-of-bondy", true, "ALI Bondy", now}, now);
    st.upsertTrainer({"Karim", "$argon2id$hash-of-sevran", true, "ALI Sevran", now}, now);
    // An account from before agencies (agency "") goes to nobody.
    st.upsertTrainer({"Ancien", "$argon2id$hash-of-ancien", true, "", now}, now);

    std::string sevranHash;
    for (const auto& t : st.trainers())
        CHECK(t.pinHash.empty()); // the listing never carries a hash
    {
        auto all = st.catalogSince(0, "ALI Sevran");
        for (const auto& t : all.trainers)
            if (t.name == "Bruno")
                sevranHash = t.pinHash;
    }
    REQUIRE(sevranHash.rfind("$argon2id$", 0) == 0);

    test::MemoryKiosk kiosk;
    auto e = SyncClient::enrol(kiosk, srv.url(), srv.newCode("ALI Bondy"), "kiosk");
    REQUIRE(e.ok);
    SyncClient client(kiosk, kiosk, ".");
    REQUIRE(client.pullCatalog(acceptAll).ok);
    auto got = kiosk.trainers();
    CHECK(got.size() == 2);
    REQUIRE(got.count("Awa"));
    REQUIRE(got.count("Karim"));
    CHECK(got["Karim"].pinHash == "$argon2id$hash-of-bondy");
    CHECK_FALSE(got.count("Bruno"));
    CHECK_FALSE(got.count("Ancien"));

    // On the wire too: nothing of Sevran's accounts in the reply to a Bondy kiosk.
    const std::string body = rawCatalog(srv, *kiosk.value(key::kToken));
    CHECK(body.find("Bruno") == std::string::npos);
    CHECK(body.find(sevranHash) == std::string::npos);
    CHECK(body.find("hash-of-sevran") == std::string::npos);
    CHECK(body.find("hash-of-ancien") == std::string::npos);

    // The cost of the hash: Argon2id, libsodium MODERATE (256 MiB, 3 passes) or more.
    CHECK(got["Awa"].pinHash.rfind("$argon2id$v=19$m=262144,t=3,", 0) == 0);
}

TEST_CASE("trainers: a PIN shorter than 6 digits, or not digits, is refused with a clear message") {
    INFO(test::backendName());
    test::TempDir dir;
    auto st = test::freshStorage(dir);
    const auto now = test::wallMs();
    for (const std::string pin : {"12345", "4821", "", "12345a", "1234567890123"}) {
        INFO(pin);
        CHECK_THROWS(server::addTrainer(*st, "ALI Bondy", "Awa", pin, now));
    }
    CHECK(server::pinRefusal("12345").find("at least 6 digits") != std::string::npos);
    CHECK_THROWS_WITH(server::addTrainer(*st, "", "Awa", "482157", now),
                      Catch::Contains("--agency"));
    CHECK(st->trainers().empty());
    CHECK(st->catalogSince(0, "ALI Bondy").trainers.empty());
}

TEST_CASE("trainers: remove-trainer reaches the kiosk at its next pull, a local account of the "
          "same name stays") {
    INFO(test::backendName());
    test::ServerFixture srv;
    auto& st = *srv.storage;
    // Hashed at minimum cost here: this test is about what travels, not about the cost.
    st.upsertTrainer({"Awa", "$argon2id$v=19$m=8,t=1,p=1$c2VydmVy$aGFzaA", true, "ALI Bondy", 1},
                     1);
    st.upsertTrainer({"Karim", "$argon2id$v=19$m=8,t=1,p=1$c2VydmVy$aGFzaA", true, "ALI Bondy", 1},
                     1);

    test::TempDir data;
    auto db = store::Database::openDataDir(data.path());
    // Karim exists on this kiosk as a local account before the server sends its own Karim.
    db->addTrainer("Karim", "864209", store::PinHashParams::minimum());
    DatabaseSyncState state(*db);
    auto e = SyncClient::enrol(state, srv.url(), srv.newCode("ALI Bondy"), "kiosk");
    REQUIRE(e.ok);
    SyncClient client(*db, state, data.path());
    REQUIRE(client.pullCatalog(acceptAll).ok);

    auto origins = [&] {
        std::map<std::string, store::TrainerOrigin> out;
        for (const auto& t : db->listTrainers())
            out[t.name] = t.origin;
        return out;
    };
    auto before = origins();
    REQUIRE(before.count("Awa"));
    CHECK(before["Awa"] == store::TrainerOrigin::Server);
    REQUIRE(before.count("Karim"));
    CHECK(before["Karim"] == store::TrainerOrigin::Local); // not taken over by the server

    const auto now = test::wallMs();
    REQUIRE(server::removeTrainer(st, "ALI Bondy", "Awa", now));
    REQUIRE(server::removeTrainer(st, "ALI Bondy", "Karim", now));
    CHECK_FALSE(server::removeTrainer(st, "ALI Bondy", "Awa", now)); // already gone
    CHECK_FALSE(server::removeTrainer(st, "ALI Sevran", "Karim", now));
    REQUIRE(client.pullCatalog(acceptAll).ok);

    auto after = origins();
    CHECK_FALSE(after.count("Awa"));
    REQUIRE(after.count("Karim"));
    CHECK(after["Karim"] == store::TrainerOrigin::Local);
    CHECK(db->login("Karim", "864209").status == store::LoginStatus::Ok);

    // The server keeps the event, and no hash of the removed accounts.
    int removals = 0;
    for (const auto& a : st.auditLog())
        if (a.event == "remove-trainer")
            ++removals;
    CHECK(removals == 2);
    for (const auto& t : st.catalogSince(0, "ALI Bondy").trainers) {
        CHECK_FALSE(t.active);
        CHECK(t.pinHash.empty());
    }
}

TEST_CASE("enrolment codes: listed without the code, a revoked code cannot enrol") {
    INFO(test::backendName());
    test::ServerFixture srv;
    auto& st = *srv.storage;
    const std::string used = srv.newCode("ALI Bondy");
    const std::string revokedByCode = srv.newCode("ALI Bondy");
    const std::string revokedById = srv.newCode("ALI Sevran");
    {
        test::MemoryKiosk k;
        REQUIRE(SyncClient::enrol(k, srv.url(), used, "k0").ok);
    }

    REQUIRE(server::revokeEnrolCode(st, revokedByCode, test::wallMs()));
    const auto codes = st.enrolCodes();
    REQUIRE(codes.size() == 3);
    std::string idOfSevran;
    for (const auto& c : codes) {
        CHECK(c.id.size() == 12);
        if (c.agency == "ALI Sevran")
            idOfSevran = c.id;
    }
    REQUIRE(server::revokeEnrolCode(st, idOfSevran, test::wallMs()));
    CHECK_FALSE(server::revokeEnrolCode(st, used, test::wallMs())); // used: nothing to cancel
    CHECK_FALSE(server::revokeEnrolCode(st, "NOT-A-CODE", test::wallMs()));

    int revoked = 0, usedRows = 0;
    for (const auto& c : st.enrolCodes()) {
        revoked += c.revokedAtMs ? 1 : 0;
        usedRows += c.usedAtMs ? 1 : 0;
        // Neither the code nor its full hash: the id cannot be turned back into a code.
        for (const auto& code : {used, revokedByCode, revokedById}) {
            CHECK(c.id.find(code) == std::string::npos);
            CHECK(c.id != sha256Hex(code));
        }
    }
    CHECK(revoked == 2);
    CHECK(usedRows == 1);

    for (const auto& code : {revokedByCode, revokedById}) {
        test::MemoryKiosk k;
        auto r = SyncClient::enrol(k, srv.url(), code, "k1");
        CHECK_FALSE(r.ok);
    }
    CHECK(st.devices().size() == 1);
    int audited = 0;
    for (const auto& a : st.auditLog())
        if (a.event == "revoke-code") {
            ++audited;
            CHECK(a.detail.find(revokedByCode) == std::string::npos);
        }
    CHECK(audited == 2);
}
