// Issue 14, point 1: a server restored from an older copy of its database (or one that lost its
// last commits in a power cut) has fewer of this kiosk's records than the kiosk saw acknowledged.
// The next round must notice it from the server's cursor and send them again: every record on
// the server exactly once. A real kiosk database and a repere-server process on 127.0.0.1 with a
// SQLite file; the copy is taken while the server is stopped.
#include "store/data_dir.hpp"
#include "store/database.hpp"
#include "support/backend.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "sync/client/database_state.hpp"
#include "sync/client/sync_client.hpp"
#include "sync/server/admin.hpp"
#include "sync/server/storage.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <map>
#include <set>

using namespace repere;
namespace fs = std::filesystem;

namespace {

std::int64_t wallMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// The SQLite database of the server and its WAL companions, copied as they are on disk.
const char* const kSuffixes[] = {"", "-wal", "-shm"};

void copyDatabase(const fs::path& db, const fs::path& to) {
    fs::create_directories(to);
    for (const char* s : kSuffixes) {
        const fs::path f = db.string() + s;
        if (fs::exists(f))
            fs::copy_file(f, to / f.filename(), fs::copy_options::overwrite_existing);
    }
}

void restoreDatabase(const fs::path& from, const fs::path& db) {
    for (const char* s : kSuffixes) {
        const fs::path f = db.string() + s;
        const fs::path saved = from / f.filename();
        fs::remove(f);
        if (fs::exists(saved))
            fs::copy_file(saved, f);
    }
}

// Every record id of the kiosk's outbox (read-only; the store has no listing of them).
std::set<std::string> kioskRecordIds(const fs::path& dataDir) {
    SQLite::Database db(store::databasePath(dataDir).string(), SQLite::OPEN_READONLY);
    SQLite::Statement st(db, "SELECT record_id FROM outbox");
    std::set<std::string> ids;
    while (st.executeStep())
        ids.insert(st.getColumn(0).getString());
    return ids;
}

} // namespace

TEST_CASE("security: a server rolled back to an older copy gets the lost records again, once") {
    test::TempDir serverDir{"repere-rollback-server"}, kioskDir{"repere-rollback-kiosk"},
        older{"repere-rollback-copy"};
    const std::string spec = test::freshDbSpec(serverDir);
    const fs::path serverDb = serverDir / "server.db";
    auto server = std::make_unique<test::ServerProcess>(spec);
    const int port = server->port();

    auto db = store::Database::openDataDir(kioskDir.path());
    sync::DatabaseSyncState state(*db);
    {
        auto admin = sync::server::openStorage(spec);
        REQUIRE(sync::SyncClient::enrol(state, server->url(),
                                        sync::server::createEnrolCode(*admin, "ALI", wallMs()),
                                        "kiosk-rollback")
                    .ok);
    }
    std::vector<std::string> lines;
    sync::ClientHooks hooks;
    hooks.progress = [&](const std::string& line) {
        lines.push_back(line);
    };
    sync::SyncClient client(*db, state, kioskDir.path(), hooks);
    client.maxBatchRecords = 7; // several batches per round

    auto add = [&](int n) {
        for (int k = 0; k < n; ++k)
            db->registerNewBeneficiary();
    };

    // 1. Records acknowledged; the server stopped and its database copied (the older copy).
    add(30);
    auto first = client.push();
    REQUIRE(first.ok);
    REQUIRE(db->pendingCount() == 0);
    const auto ackedAtCopy = db->lastAcknowledgedSeq();
    REQUIRE(ackedAtCopy > 0);
    server->kill(SIGTERM);
    copyDatabase(serverDb, older.path());

    // 2. More records acknowledged by the restarted server; the kiosk keeps the acknowledged rows.
    server->start(spec, port);
    add(20);
    auto second = client.push();
    REQUIRE(second.ok);
    REQUIRE(second.resent == 0);
    REQUIRE(db->pendingCount() == 0);
    REQUIRE(db->lastAcknowledgedSeq() > ackedAtCopy);

    // 3. The server is rolled back to the older copy: it lost the 20 acknowledged records.
    server->kill(SIGTERM);
    restoreDatabase(older.path(), serverDb);
    server->start(spec, port);
    {
        auto storage = sync::server::openStorage(spec);
        REQUIRE(storage->recordCount() == 30);
    }

    // 4. The next round sees the cursor behind, says so, and sends exactly the lost ones again.
    lines.clear();
    auto third = client.push();
    REQUIRE(third.ok);
    CHECK(third.resent == 20);
    CHECK(third.stored == 20);
    CHECK(third.duplicates == 0);
    CHECK(db->pendingCount() == 0);
    bool logged = false;
    for (const auto& l : lines)
        logged = logged || l.find("re-sending 20 records") != std::string::npos;
    CHECK(logged);

    // 5. A further round finds nothing missing and sends nothing.
    auto fourth = client.push();
    REQUIRE(fourth.ok);
    CHECK(fourth.resent == 0);
    CHECK(fourth.batches == 0);

    server->kill(SIGTERM);
    auto storage = sync::server::openStorage(spec);
    const auto mine = kioskRecordIds(kioskDir.path());
    REQUIRE(mine.size() == 50);
    std::map<std::string, int> onServer;
    for (const auto& r : storage->records())
        ++onServer[r.recordId];
    CHECK(onServer.size() == mine.size());
    for (const auto& id : mine)
        CHECK(onServer[id] == 1);
}
