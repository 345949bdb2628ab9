// Trainer accounts: Argon2id PIN hashes, five wrong PINs lock the account (1 minute the first
// time, longer after: tests/security/pin_lockout_test.cpp), even across a restart; audit.
#include "store_test_util.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

using namespace repere::store;

TEST_CASE("a trainer's PIN is stored as an Argon2id hash and checked", "[store][trainer]") {
    test::TempDir dir;
    auto db = Database::open(dir / "k.sqlite");
    // The real cost once, to be sure the default parameters work.
    db->addTrainer("Fatou Diallo", "482913");
    db->addTrainer("Karim", "123456", PinHashParams::minimum());
    {
        SQLite::Database raw(dir / "k.sqlite", SQLite::OPEN_READONLY);
        SQLite::Statement st(raw, "SELECT pin_hash FROM trainer");
        while (st.executeStep()) {
            const std::string hash = st.getColumn(0).getString();
            CHECK_THAT(hash, Catch::StartsWith("$argon2id$"));
            CHECK(hash.find("482913") == std::string::npos);
        }
    }
    const auto ok = db->login("fatou diallo", "482913"); // names ignore case
    REQUIRE(ok.status == LoginStatus::Ok);
    REQUIRE(ok.trainer);
    CHECK(ok.trainer->name == "Fatou Diallo");
    CHECK(db->login("Karim", "123456").status == LoginStatus::Ok);
    CHECK(db->login("Karim", "432165").status == LoginStatus::WrongPin);
    CHECK(db->login("Personne", "123456").status == LoginStatus::UnknownTrainer);

    const auto list = db->listTrainers();
    REQUIRE(list.size() == 2);
    CHECK(list[0].name == "Fatou Diallo");
    CHECK(list[1].failures == 1);

    CHECK_THROWS_AS(db->addTrainer("KARIM", "999999", PinHashParams::minimum()), StoreError);
    for (const std::string pin : {"123", "12345", "12a456", "1234567890123", ""}) {
        try {
            db->addTrainer("Nouveau", pin, PinHashParams::minimum());
            FAIL("PIN accepted: " << pin);
        } catch (const StoreError& e) {
            CHECK(e.kind() == StoreErrorKind::Invalid);
        }
    }
    CHECK_THROWS_AS(db->addTrainer("  ", "123456", PinHashParams::minimum()), StoreError);
}

TEST_CASE("five wrong PINs lock the account for a minute, across a restart", "[store][trainer]") {
    test::TempDir dir;
    test::FakeClock clock;
    {
        auto db = Database::open(dir / "k.sqlite", test::withClock(clock.fn()));
        db->addTrainer("Karim", "123456", PinHashParams::minimum());
        for (int i = 1; i < kMaxPinFailures; ++i) {
            const auto r = db->login("Karim", "000000");
            CHECK(r.status == LoginStatus::WrongPin);
            CHECK(r.triesLeft == kMaxPinFailures - i);
        }
        const auto locked = db->login("Karim", "000000");
        CHECK(locked.status == LoginStatus::Locked);
        CHECK(locked.lockedUntilMs == clock.nowMs + pinLockMs(0));
        // The right PIN does not open a locked account.
        CHECK(db->login("Karim", "123456").status == LoginStatus::Locked);
    }
    // The kiosk is restarted: still locked.
    clock.nowMs += pinLockMs(0) - 1000;
    {
        auto db = Database::open(dir / "k.sqlite", test::withClock(clock.fn()));
        CHECK(db->login("Karim", "123456").status == LoginStatus::Locked);
    }
    clock.nowMs += 1000;
    auto db = Database::open(dir / "k.sqlite", test::withClock(clock.fn()));
    CHECK(db->login("Karim", "123456").status == LoginStatus::Ok);
    // A success resets the count: four more mistakes do not lock.
    for (int i = 1; i < kMaxPinFailures; ++i) {
        CHECK(db->login("Karim", "000000").status == LoginStatus::WrongPin);
    }
    CHECK(db->login("Karim", "123456").status == LoginStatus::Ok);

    int failed = 0;
    int locked = 0;
    int refused = 0;
    for (const auto& e : db->auditLog(100)) {
        failed += e.action == "login-failed";
        locked += e.action == "login-locked";
        refused += e.action == "login-refused";
    }
    CHECK(failed == 2 * (kMaxPinFailures - 1));
    CHECK(locked == 1);
    CHECK(refused == 2);
}

TEST_CASE("accounts pulled from the server keep their hash", "[store][trainer]") {
    test::TempDir dir;
    auto db = Database::open(dir / "k.sqlite");
    db->addTrainer("Source", "555555", PinHashParams::minimum());
    test::TempDir other;
    auto kiosk2 = Database::open(other / "k.sqlite");
    std::string hash;
    {
        SQLite::Database raw(dir / "k.sqlite", SQLite::OPEN_READONLY);
        hash = raw.execAndGet("SELECT pin_hash FROM trainer").getString();
    }
    kiosk2->upsertTrainerHash("Source", hash);
    CHECK(kiosk2->login("Source", "555555").status == LoginStatus::Ok);
    CHECK_THROWS_AS(kiosk2->upsertTrainerHash("X", "plain-text"), StoreError);
}
