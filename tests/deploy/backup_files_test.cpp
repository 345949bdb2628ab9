// The dated backups of `repere-server admin backup --out-dir DIR --keep N` (the daily timer).
#include "support/temp_dir.hpp"
#include "sync/server/backup.hpp"

#include <catch2/catch.hpp>
#include <fstream>

using namespace repere::sync::server;
namespace fs = std::filesystem;

TEST_CASE("dated backup names sort by time and say the backend") {
    // 2027-01-05 02:30:12 UTC
    const std::int64_t ms = 1'799'116'212'000;
    CHECK(datedBackupName("sqlite:/var/lib/repere/server.db", ms) ==
          "repere-server-20270105T023012Z.sqlite");
    CHECK(datedBackupName("postgresql://repere@localhost/repere", ms) ==
          "repere-server-20270105T023012Z.pgdump");
    CHECK(datedBackupName("sqlite:x", ms) < datedBackupName("sqlite:x", ms + 1000));
}

TEST_CASE("pruning keeps the newest dated backups and never touches other files") {
    repere::test::TempDir dir;
    std::vector<std::string> names;
    for (int day = 1; day <= 20; ++day)
        names.push_back(datedBackupName("sqlite:x", 1'799'116'212'000 + day * 86'400'000LL));
    for (const auto& n : names)
        std::ofstream(dir.path() / n) << "copy";
    std::ofstream(dir.path() / "notes.txt") << "mine";
    std::ofstream(dir.path() / "repere-server-hand-made.sqlite") << "mine";

    const auto removed = pruneBackups(dir.path(), 14);
    REQUIRE(removed.size() == 6);
    for (int k = 0; k < 6; ++k) {
        CHECK(removed[static_cast<std::size_t>(k)].filename() ==
              names[static_cast<std::size_t>(k)]);
        CHECK_FALSE(fs::exists(dir.path() / names[static_cast<std::size_t>(k)]));
    }
    for (std::size_t k = 6; k < names.size(); ++k)
        CHECK(fs::exists(dir.path() / names[k]));
    CHECK(fs::exists(dir.path() / "notes.txt"));
    CHECK(fs::exists(dir.path() / "repere-server-hand-made.sqlite"));
    CHECK(pruneBackups(dir.path(), 14).empty());
}

TEST_CASE("restoring something that is not a server backup changes nothing") {
    repere::test::TempDir dir;
    const auto db = "sqlite:" + (dir.path() / "server.db").string();
    const auto garbage = dir.path() / "garbage";
    std::ofstream(garbage) << "not a database";
    CHECK_THROWS(restoreDatabase(db, garbage));
    CHECK_THROWS(restoreDatabase(db, dir.path() / "missing.sqlite"));
    CHECK_FALSE(fs::exists(dir.path() / "server.db"));
}
