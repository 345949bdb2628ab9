// Kiosk trainer accounts from the command line (issue 14, points 4 and 7): `repere trainer list`
// shows where each account comes from (local / server) and whether it is locked;
// `repere trainer unlock NAME` lifts a lock-out; `repere trainer remove NAME` deletes an account.
// Run on a copy of the released kiosk database (one local trainer, one from the server).
#include "cli_run.hpp"
#include "store/data_dir.hpp"
#include "store/database.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace repere::store;
using repere::test::runCommand;
using repere::test::shellQuote;
namespace fs = std::filesystem;

namespace {

std::string repereCli(const fs::path& data, const std::string& args) {
    return std::string(REPERE_BIN_DIR) + "/repere " + args + " --data-dir " +
           shellQuote(data.string());
}

} // namespace

TEST_CASE("repere trainer list shows origin and lock state, unlock and remove work",
          "[security][pin][cli]") {
    repere::test::TempDir dir;
    fs::copy_file(fs::path(REPERE_SOURCE_DIR) / "tests/fixtures/db/kiosk-v4.sqlite",
                  databasePath(dir.path()));
    {
        auto db = Database::openDataDir(dir.path());
        for (int i = 0; i < kMaxPinFailures; ++i) {
            db->login("Awa Diallo", "000000");
        }
        REQUIRE(db->login("Awa Diallo", "4821").status == LoginStatus::Locked);
    }
    auto list = runCommand(repereCli(dir.path(), "trainer list"));
    INFO(list.output);
    REQUIRE(list.status == 0);
    CHECK_THAT(list.output, Catch::Contains("Fatou Diallo\tlocal\tactive"));
    CHECK_THAT(list.output, Catch::Contains("Awa Diallo\tserver\tlocked until "));

    auto unlock = runCommand(repereCli(dir.path(), "trainer unlock 'Awa Diallo'"));
    INFO(unlock.output);
    CHECK(unlock.status == 0);
    list = runCommand(repereCli(dir.path(), "trainer list"));
    CHECK_THAT(list.output, Catch::Contains("Awa Diallo\tserver\tactive"));
    {
        auto db = Database::openDataDir(dir.path());
        CHECK(db->login("Awa Diallo", "4821").status == LoginStatus::Ok);
    }

    auto remove = runCommand(repereCli(dir.path(), "trainer remove 'Fatou Diallo'"));
    INFO(remove.output);
    CHECK(remove.status == 0);
    list = runCommand(repereCli(dir.path(), "trainer list"));
    CHECK_THAT(list.output, !Catch::Contains("Fatou Diallo"));
    CHECK(runCommand(repereCli(dir.path(), "trainer remove Personne")).status == 1);
    CHECK(runCommand(repereCli(dir.path(), "trainer unlock Personne")).status == 1);

    // Both are in the audit log.
    auto db = Database::openDataDir(dir.path());
    bool removed = false;
    bool unlocked = false;
    for (const auto& e : db->auditLog(50)) {
        removed |= e.action == "trainer-remove" && e.detail == "Fatou Diallo";
        unlocked |= e.action == "trainer-unlock" && e.detail == "Awa Diallo";
    }
    CHECK(removed);
    CHECK(unlocked);
}
