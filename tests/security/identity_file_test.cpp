// The device identity (issue 14, Low): a damaged kiosk database is moved aside and a new one
// started, and the kiosk is still enrolled, because its identity lives in a small file of its
// own (0600) beside the database; the token is not in the database file any more.
#include "store/data_dir.hpp"
#include "store/database.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <sys/stat.h>

using namespace repere::store;
namespace fs = std::filesystem;

namespace {

std::string bytesOf(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Every file of the folder whose name starts with `prefix`, concatenated (database, -wal, -shm).
std::string bytesOfAll(const fs::path& dir, const std::string& prefix) {
    std::string all;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().filename().string().rfind(prefix, 0) == 0) {
            all += bytesOf(e.path());
        }
    }
    return all;
}

const std::string kToken = "5c0ffee5c0ffee5c0ffee5c0ffee5c0ffee5c0ffee5c0ffee5c0ffee5c0ffee1";

} // namespace

TEST_CASE("a damaged database is moved aside without losing the enrolment",
          "[security][identity]") {
    repere::test::TempDir dir;
    {
        auto db = Database::openDataDir(dir.path());
        db->setSyncValue("server_url", "https://sync.agence.example");
        db->setSyncValue("device_id", "device-42");
        db->setSyncValue("device_token", kToken);
        db->setSyncValue("agency", "ALI Bondy");
        db->setSyncValue("server_cursor", "7");
    }
    // The token is not in the database (nor its -wal/-shm).
    CHECK(bytesOfAll(dir.path(), "repere.sqlite").find(kToken) == std::string::npos);

    // The database is damaged (its header overwritten).
    {
        std::fstream f(databasePath(dir.path()), std::ios::in | std::ios::out | std::ios::binary);
        const std::string junk(100, 'x');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    fs::remove(dir / "repere.sqlite-wal");
    fs::remove(dir / "repere.sqlite-shm");

    auto db = Database::openDataDir(dir.path());
    REQUIRE(db->openReport().movedAside);
    CHECK(db->syncValue("device_id") == std::optional<std::string>("device-42"));
    CHECK(db->syncValue("device_token") == std::optional<std::string>(kToken));
    CHECK(db->syncValue("server_url") == std::optional<std::string>("https://sync.agence.example"));
    // What is not identity starts afresh with the new database.
    CHECK_FALSE(db->syncValue("server_cursor"));

    // The one file that holds the token is the owner's only.
    bool found = false;
    for (const auto& e : fs::directory_iterator(dir.path())) {
        const std::string content = bytesOf(e.path());
        if (content.find(kToken) == std::string::npos) {
            continue;
        }
        CHECK(e.path().filename().string().find("corrupt") == std::string::npos);
        struct stat st {};
        REQUIRE(::stat(e.path().c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
        found = true;
    }
    CHECK(found);
}
