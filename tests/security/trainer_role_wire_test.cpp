// The unused "admin" trainer role is gone on the server too (issue 14, Low): server schema 7 drops
// the column. A server database made by main at 755b3d4 (schema 4:
// tests/fixtures/db/server-v4.sqlite, make_kiosk_v8_server_v4.sh) keeps every account, admins as
// trainers, with its agency and PIN hash, and its records. The wire stays compatible: the
// catalogue still says "role":"trainer" (kiosks from before require it) and a kiosk accepts a
// catalogue with any role or none.
#include "support/temp_dir.hpp"
#include "sync/protocol/wire.hpp"
#include "sync/server/storage.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <sodium.h>

using namespace repere;
namespace fs = std::filesystem;

namespace {

const fs::path kFixture =
    fs::path(REPERE_SOURCE_DIR) / "tests" / "fixtures" / "db" / "server-v4.sqlite";

bool hasColumn(const fs::path& file, const std::string& table, const std::string& column) {
    SQLite::Database raw(file.string(), SQLite::OPEN_READONLY);
    SQLite::Statement st(raw, "SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
    st.bind(1, table);
    st.bind(2, column);
    return st.executeStep();
}

} // namespace

TEST_CASE("a server database of schema 4 keeps every trainer, admins as trainers, and the "
          "catalogue still says role trainer",
          "[security][upgrade][trainer]") {
    test::TempDir dir;
    const fs::path file = dir.path() / "server.sqlite";
    fs::copy_file(kFixture, file);
    std::int64_t records = 0;
    {
        SQLite::Database raw(file.string(), SQLite::OPEN_READONLY);
        REQUIRE(raw.execAndGet("SELECT MAX(version) FROM schema_version").getInt() == 4);
        CHECK(raw.execAndGet("SELECT COUNT(*) FROM trainers WHERE role = 'admin'").getInt() == 2);
        records = raw.execAndGet("SELECT COUNT(*) FROM records").getInt64();
        REQUIRE(records > 0);
    }
    {
        auto storage = sync::server::openStorage("sqlite:" + file.string());
        std::map<std::string, std::string> agencyOf;
        for (const auto& t : storage->trainers()) {
            CHECK(t.active);
            agencyOf[t.name] = t.agency;
        }
        CHECK(agencyOf == std::map<std::string, std::string>{{"Awa Diallo", "ALI Bondy"},
                                                             {"Bruno", "ALI Bondy"},
                                                             {"Chloé", "ALI Sevran"}});
        // A kiosk of ALI Bondy still receives its two accounts (Awa was an admin), and only them.
        const auto catalog = storage->catalogSince(0, "ALI Bondy");
        std::map<std::string, std::string> hashOf;
        for (const auto& t : catalog.trainers)
            hashOf[t.name] = t.pinHash;
        REQUIRE(hashOf.size() == 2);
        REQUIRE(hashOf.count("Awa Diallo") == 1);
        CHECK(crypto_pwhash_str_verify(hashOf["Awa Diallo"].c_str(), "482157", 6) == 0);
        const auto json = sync::toJson(catalog);
        for (const auto& t : json.at("trainers"))
            CHECK(t.at("role") == "trainer"); // what kiosks from before require
    }
    CHECK_FALSE(hasColumn(file, "trainers", "role"));
    SQLite::Database raw(file.string(), SQLite::OPEN_READONLY);
    CHECK(raw.execAndGet("SELECT MAX(version) FROM schema_version").getInt() >= 7);
    CHECK(raw.execAndGet("SELECT COUNT(*) FROM records").getInt64() == records);
}

TEST_CASE("a kiosk reads a catalogue whatever role it names, or none", "[security][trainer]") {
    const std::string hash = "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";
    for (const std::string role : {R"("role":"admin",)", R"("role":"trainer",)", ""}) {
        INFO(role);
        const std::string text = R"({"version":3,"quizzes":[],"trainers":[{"name":"Awa",)" + role +
                                 R"("pinHash":")" + hash +
                                 R"(","active":true,"catalogVersion":3}]})";
        const auto parsed = sync::parseCatalogReply(text);
        INFO(parsed.error);
        REQUIRE(parsed.value);
        REQUIRE(parsed.value->trainers.size() == 1);
        CHECK(parsed.value->trainers[0].name == "Awa");
        CHECK(parsed.value->trainers[0].pinHash == hash);
    }
}

TEST_CASE("repere-server admin add-trainer has no --role any more", "[security][trainer][cli]") {
    test::TempDir dir;
    const std::string cmd =
        "printf '482157\\n' | " + std::string(REPERE_BIN_DIR) +
        "/repere-server admin add-trainer --db 'sqlite:" + (dir.path() / "s.db").string() +
        "' --agency 'ALI Bondy' --name Awa --role admin >/dev/null 2>&1";
    CHECK(std::system(cmd.c_str()) != 0);
}
