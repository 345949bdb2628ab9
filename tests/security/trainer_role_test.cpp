// The unused "admin" trainer role is gone (issue 14, Low: "either used or removed"): kiosk schema
// v9 drops it. A kiosk database made by main at 755b3d4 (schema 8:
// tests/fixtures/db/kiosk-v8.sqlite, make_kiosk_v8_server_v4.sh) with local and server accounts,
// admins among them, keeps every account, its PIN, its origin and the results; `repere trainer add
// --admin` is refused.
#include "cli_run.hpp"
#include "store/check.hpp"
#include "store/data_dir.hpp"
#include "store/database.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

using namespace repere::store;
namespace fs = std::filesystem;

namespace {

const fs::path kFixture =
    fs::path(REPERE_SOURCE_DIR) / "tests" / "fixtures" / "db" / "kiosk-v8.sqlite";

std::vector<std::string> trainerColumns(const fs::path& file) {
    SQLite::Database raw(file.string(), SQLite::OPEN_READONLY);
    SQLite::Statement st(raw, "SELECT name FROM pragma_table_info('trainer')");
    std::vector<std::string> out;
    while (st.executeStep())
        out.push_back(st.getColumn(0).getString());
    return out;
}

} // namespace

TEST_CASE("a kiosk database of schema 8 keeps every trainer and PIN, admins as trainers, and its "
          "results",
          "[security][upgrade][trainer]") {
    repere::test::TempDir dir;
    const fs::path file = databasePath(dir.path());
    fs::copy_file(kFixture, file);
    REQUIRE(checkDatabaseFile(file).schemaVersion == 8);
    std::int64_t outboxBefore = 0, ackedBefore = 0;
    {
        SQLite::Database raw(file.string(), SQLite::OPEN_READONLY);
        CHECK(raw.execAndGet("SELECT COUNT(*) FROM trainer WHERE role = 'admin'").getInt() == 2);
        outboxBefore = raw.execAndGet("SELECT COUNT(*) FROM outbox").getInt64();
        ackedBefore =
            raw.execAndGet("SELECT COUNT(*) FROM outbox WHERE acked_at_ms IS NOT NULL").getInt64();
    }

    auto db = Database::openDataDir(dir.path());
    CHECK(db->openReport().versionBefore == 8);
    CHECK(db->openReport().version == Database::latestSchemaVersion());
    CHECK(db->openReport().version >= 9);
    CHECK_FALSE(db->openReport().movedAside);

    // What make_kiosk_v8_server_v4.sh's `repere db check` printed: attempts=3 responses=67
    // pending_sync=24.
    const Counts c = db->counts();
    CHECK(c.attempts == 3);
    CHECK(c.responses == 67);
    CHECK(c.pendingSync == 24);

    std::map<std::string, TrainerOrigin> origin;
    for (const auto& t : db->listTrainers())
        origin[t.name] = t.origin;
    REQUIRE(origin.size() == 4);
    CHECK(origin.at("Fatou Diallo") == TrainerOrigin::Local); // was a local admin
    CHECK(origin.at("Karim") == TrainerOrigin::Local);
    CHECK(origin.at("Awa Diallo") == TrainerOrigin::Server); // was a server admin
    CHECK(origin.at("Bruno") == TrainerOrigin::Server);
    // Each logs in with the PIN it had (Awa's is the server's MODERATE hash: about 2 s).
    CHECK(db->login("Fatou Diallo", "246810").status == LoginStatus::Ok);
    CHECK(db->login("Karim", "864209").status == LoginStatus::Ok);
    CHECK(db->login("Awa Diallo", "482157").status == LoginStatus::Ok);
    CHECK(db->login("Bruno", "000000").status == LoginStatus::WrongPin);
    // A new account after the upgrade, and the outbox as it was.
    db->addTrainer("Nouvelle", "975310", PinHashParams::minimum());
    CHECK(db->login("Nouvelle", "975310").status == LoginStatus::Ok);
    CHECK(db->lastAcknowledgedSeq() > 0);
    db.reset();

    const auto columns = trainerColumns(file);
    CHECK(std::find(columns.begin(), columns.end(), "role") == columns.end());
    CHECK(std::find(columns.begin(), columns.end(), "pin_hash") != columns.end());
    SQLite::Database raw(file.string(), SQLite::OPEN_READONLY);
    CHECK(raw.execAndGet("SELECT COUNT(*) FROM outbox").getInt64() == outboxBefore);
    CHECK(raw.execAndGet("SELECT COUNT(*) FROM outbox WHERE acked_at_ms IS NOT NULL").getInt64() ==
          ackedBefore);
}

TEST_CASE("repere trainer add has no --admin any more, and trainer list shows no role",
          "[security][trainer][cli]") {
    repere::test::TempDir dir;
    const std::string repere = std::string(REPERE_BIN_DIR) + "/repere";
    const std::string data = " --data-dir '" + dir.path().string() + "'";
    const auto admin = repere::test::runCommand("printf '246810\\n' | " + repere +
                                                " trainer add --name Fatou --admin" + data);
    CHECK(admin.status != 0);
    const auto plain = repere::test::runCommand("printf '246810\\n' | " + repere +
                                                " trainer add --name Fatou" + data);
    INFO(plain.output);
    CHECK(plain.status == 0);
    const auto list = repere::test::runCommand(repere + " trainer list" + data);
    CHECK_THAT(list.output, Catch::Contains("Fatou\tlocal\tactive"));
    CHECK_THAT(list.output, !Catch::Contains("trainer\t"));
    CHECK_THAT(list.output, !Catch::Contains("admin"));
}
