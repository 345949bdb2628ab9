// A kiosk upgraded from a database made by the released Repère (tests/fixtures/db/kiosk-v4.sqlite,
// made by make_kiosk_v4.sh with main at 60a6b5b) keeps its results, its outbox, its trainers and
// its enrolment.
#include "store/data_dir.hpp"
#include "store/database.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sys/stat.h>

using namespace repere::store;
namespace fs = std::filesystem;

namespace {

const fs::path kFixture =
    fs::path(REPERE_SOURCE_DIR) / "tests" / "fixtures" / "db" / "kiosk-v4.sqlite";

// What make_kiosk_v4.sh put in the fixture (its `repere db check` line and sync-status).
constexpr std::int64_t kAttempts = 4;
constexpr std::int64_t kResponses = 122;
constexpr std::int64_t kPending = 43;
const std::string kDeviceId = "38c7e355-ec73-47bb-9";

std::string bytesOf(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

unsigned modeOf(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

} // namespace

TEST_CASE("a kiosk database made by the released Repère keeps its data after the upgrade",
          "[security][upgrade]") {
    repere::test::TempDir dir;
    fs::copy_file(kFixture, databasePath(dir.path()));
    auto db = Database::openDataDir(dir.path());
    CHECK(db->openReport().versionBefore == 4);
    CHECK(db->openReport().version == Database::latestSchemaVersion());
    CHECK_FALSE(db->openReport().movedAside);

    const Counts c = db->counts();
    CHECK(c.attempts == kAttempts);
    CHECK(c.responses == kResponses);
    CHECK(c.pendingSync == kPending);

    // Spoken answers still name their recording.
    int withRecording = 0;
    for (const auto& a : db->listAttempts()) {
        for (const auto& r : db->responsesOf(a.uuid)) {
            withRecording += r.answer.contains("recording") ? 1 : 0;
        }
    }
    CHECK(withRecording == 12);

    // Both trainers, the local one still logs in with its PIN.
    const auto trainers = db->listTrainers();
    REQUIRE(trainers.size() == 2);
    CHECK(db->login("Fatou Diallo", "2468").status == LoginStatus::Ok);

    // The enrolment: same device, a token, the server's URL.
    const auto device = db->syncValue("device_id");
    REQUIRE(device);
    CHECK(device->rfind(kDeviceId, 0) == 0);
    const auto token = db->syncValue("device_token");
    REQUIRE(token);
    CHECK(token->size() == 64);
    CHECK(db->syncValue("server_url").value_or("").rfind("http://127.0.0.1:", 0) == 0);
    CHECK(db->syncValue("agency") == std::optional<std::string>("ALI Bondy"));
    CHECK(db->quickCheck());

    // The identity moved to its own file, 0600; the database keeps no copy of the token and is
    // 0600 too (the released version left it 0644).
    db.reset();
    const fs::path identity = dir / "repere.identity";
    REQUIRE(fs::exists(identity));
    CHECK(modeOf(identity) == 0600);
    CHECK(bytesOf(identity).find(*token) != std::string::npos);
    std::string database;
    for (const char* suffix : {"", "-wal", "-shm"}) {
        const fs::path p = databasePath(dir.path()).string() + suffix;
        if (fs::exists(p)) {
            CHECK(modeOf(p) == 0600);
            database += bytesOf(p);
        }
    }
    CHECK(database.find(*token) == std::string::npos);
    // And it is still enrolled after a second start.
    auto again = Database::openDataDir(dir.path());
    CHECK(again->syncValue("device_token") == token);
}
