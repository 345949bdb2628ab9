// Online PIN guessing (issue 14, point 7): five wrong PINs lock one account; each lock in a row
// lasts longer (1 min, 5 min, 30 min, ...); the lock survives a restart; another trainer is not
// affected; a right PIN after the lock starts over. Durations are written out here (not taken
// from the code) so the test says what the promise is.
#include "store/database.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace repere::store;

namespace {

constexpr std::int64_t kMinute = 60'000;

struct Clock {
    std::int64_t nowMs = 1'780'000'000'000;
    OpenOptions options() {
        OpenOptions o;
        o.clock = [this] {
            return nowMs;
        };
        return o;
    }
};

// Five wrong PINs; returns the lock's end.
std::int64_t lockOut(Database& db, const std::string& name) {
    LoginResult r;
    for (int i = 0; i < 5; ++i) {
        r = db.login(name, "000000");
    }
    REQUIRE(r.status == LoginStatus::Locked);
    return r.lockedUntilMs;
}

} // namespace

TEST_CASE("PIN lock-out escalates 1 min, 5 min, 30 min, survives restarts, per trainer",
          "[security][pin]") {
    repere::test::TempDir dir;
    Clock clock;
    const auto file = dir / "k.sqlite";
    {
        auto db = Database::open(file, clock.options());
        db->addTrainer("Karim", "864209", PinHashParams::minimum());
        db->addTrainer("Awa", "135791", PinHashParams::minimum());
    }
    const std::int64_t expected[] = {1 * kMinute, 5 * kMinute, 30 * kMinute, 180 * kMinute};
    for (std::int64_t length : expected) {
        INFO("lock of " << length / kMinute << " min");
        std::int64_t until = 0;
        {
            auto db = Database::open(file, clock.options());
            until = lockOut(*db, "Karim");
            CHECK(until == clock.nowMs + length);
            // Locked: even the right PIN is refused; another trainer logs in.
            CHECK(db->login("Karim", "864209").status == LoginStatus::Locked);
            CHECK(db->login("Awa", "135791").status == LoginStatus::Ok);
        }
        // The kiosk restarts one second before the end: still locked.
        clock.nowMs = until - 1000;
        {
            auto db = Database::open(file, clock.options());
            CHECK(db->login("Karim", "864209").status == LoginStatus::Locked);
        }
        clock.nowMs = until;
    }
    // A right PIN starts over: the next lock is one minute again.
    auto db = Database::open(file, clock.options());
    CHECK(db->login("Karim", "864209").status == LoginStatus::Ok);
    CHECK(lockOut(*db, "Karim") == clock.nowMs + 1 * kMinute);
}

TEST_CASE("a PIN shorter than 6 digits is refused with a clear message", "[security][pin]") {
    repere::test::TempDir dir;
    auto db = Database::open(dir / "k.sqlite");
    for (const std::string pin : {"1234", "12345"}) {
        try {
            db->addTrainer("Nouveau", pin, PinHashParams::minimum());
            FAIL("PIN accepted: " << pin);
        } catch (const StoreError& e) {
            CHECK(e.kind() == StoreErrorKind::Invalid);
            CHECK_THAT(e.what(), Catch::Contains("6 to 12 digits"));
        }
    }
    CHECK_NOTHROW(db->addTrainer("Nouveau", "246810", PinHashParams::minimum()));
}
