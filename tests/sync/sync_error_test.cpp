// Sync errors are typed where they happen (issue 15): the transport, the server's reply, the
// kiosk's database and disk each say their own kind, which travels unchanged to the worker's
// status and the trainer's screen. Nothing classifies the English text afterwards.
#include "app/sync_worker.hpp"
#include "store/database.hpp"
#include "store/errors.hpp"
#include "support/server_fixture.hpp"
#include "sync/client/database_state.hpp"
#include "sync/client/sync_client.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <chrono>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace repere;
using K = sync::SyncErrorKind;
namespace fs = std::filesystem;

namespace {

// A loopback port nobody listens on: bound by the kernel's choice, then closed.
int closedLoopbackPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    socklen_t len = sizeof a;
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0);
    ::close(fd);
    return ntohs(a.sin_port);
}

std::unique_ptr<store::Database> openKiosk(const fs::path& dir, store::OpenOptions o = {}) {
    o.synchronous = store::Synchronous::Normal;
    return store::Database::openDataDir(dir, o);
}

} // namespace

TEST_CASE("sync errors: a reply that is not the server's answer has the kind of what it is") {
    CHECK(sync::kindOfReply({200, "<!DOCTYPE html><html>Wi-Fi</html>", "text/html", {}}) ==
          K::CaptivePortal);
    CHECK(sync::kindOfReply({302, "<html>portal</html>", "", {}}) == K::CaptivePortal);
    CHECK(sync::kindOfReply(
              {401, R"({"error":"unauthorized","reason":"revoked"})", "application/json", {}}) ==
          K::Refused);
    CHECK(sync::kindOfReply({403, "", "", {}}) == K::Refused);
    CHECK(sync::kindOfReply({503, "", "", "5"}) == K::Network);
    CHECK(sync::kindOfReply({413,
                             R"({"error":"too_large","reason":"batch above 1 MiB"})",
                             "application/json",
                             {}}) == K::Server);
    CHECK(sync::kindOfFileError(std::make_error_code(std::errc::no_space_on_device)) ==
          K::DiskFull);
    CHECK(sync::kindOfFileError(std::make_error_code(std::errc::permission_denied)) == K::Other);
    CHECK(sync::syncErrorFromException(store::StoreError(store::StoreErrorKind::DiskFull, "full"))
              .kind == K::DiskFull);
    CHECK(sync::syncErrorFromException(std::runtime_error("disk I/O error")).kind == K::Other);
    for (K k : {K::None, K::NotEnrolled, K::Network, K::CaptivePortal, K::Certificate, K::Refused,
                K::CodeRefused, K::Server, K::DiskFull, K::Cancelled, K::Other})
        CHECK(sync::parseSyncErrorKind(sync::toString(k)) == k);
    CHECK_FALSE(sync::parseSyncErrorKind("HTTP 401"));
}

TEST_CASE("sync errors: the transport says Network when nobody listens, Cancelled when cut") {
    sync::HttpTransport t({"http://127.0.0.1:" + std::to_string(closedLoopbackPort()), "", "",
                           std::chrono::seconds(2), std::chrono::seconds(2), nullptr});
    const auto out = t.get("/api/v1/cursor");
    CHECK_FALSE(out.reply);
    CHECK(out.errorKind == K::Network);

    auto cancel = std::make_shared<sync::CancelToken>();
    cancel->cancel();
    sync::HttpTransport cut(
        {"http://127.0.0.1:1", "", "", std::chrono::seconds(2), std::chrono::seconds(2), cancel});
    CHECK(cut.get("/api/v1/cursor").errorKind == K::Cancelled);
}

TEST_CASE("sync errors: a wrong enrolment code is CodeRefused, a refused token is Refused") {
    test::ServerFixture srv;
    test::TempDir dir{"repere-sync-error"};
    auto db = openKiosk(dir.path());
    sync::DatabaseSyncState state(*db);

    const auto wrong = sync::SyncClient::enrol(state, srv.url(), "NOT-A-CODE", "kiosk");
    CHECK_FALSE(wrong.ok);
    CHECK(wrong.errorKind == K::CodeRefused);

    const auto ok = sync::SyncClient::enrol(state, srv.url(), srv.newCode(), "kiosk");
    REQUIRE(ok.ok);
    db->registerNewBeneficiary();
    state.setValue(sync::key::kToken, std::string(64, 'a')); // a token the server never issued
    sync::SyncClient client(*db, state, dir.path());
    client.retry.retries = 0;
    const auto r = client.round({}, test::wallMs());
    CHECK_FALSE(r.ok());
    CHECK(r.errorKind() == K::Refused);
    // Saved typed with the text, so a restarted kiosk shows the same cause.
    CHECK(db->syncValue(sync::key::kLastErrorKind) == std::string("refused"));
}

TEST_CASE("sync errors: a full kiosk disk during a round is DiskFull, and the worker reads the "
          "saved kind back after a restart") {
    test::ServerFixture srv;
    test::TempDir dir{"repere-sync-full"};
    std::int64_t pages = 0;
    {
        auto db = openKiosk(dir.path());
        sync::DatabaseSyncState state(*db);
        REQUIRE(sync::SyncClient::enrol(state, srv.url(), srv.newCode(), "kiosk").ok);
        for (int k = 0; k < 300; ++k)
            db->registerNewBeneficiary();
        SQLite::Database raw(db->path().string(), SQLite::OPEN_READONLY);
        pages = raw.execAndGet("PRAGMA page_count").getInt64();
    }
    // SQLite's max_page_count at the file's size: the first write that needs a new page fails
    // with SQLITE_FULL, the same error code as a full disk.
    store::OpenOptions full;
    full.maxPageCount = pages;
    auto db = openKiosk(dir.path(), full);
    sync::DatabaseSyncState state(*db);
    sync::SyncClient client(*db, state, dir.path());
    sync::SyncError error;
    try {
        const auto r = client.round({}, test::wallMs());
        error = {r.errorKind(), r.error()};
    } catch (const std::exception& e) {
        error = sync::syncErrorFromException(e); // what the worker and `repere sync` do
    }
    INFO(error.message);
    CHECK(error.kind == K::DiskFull);

    // A kiosk restarted after a failed round: the kind saved with the text, not a guess.
    db.reset();
    {
        auto writable = openKiosk(dir.path());
        writable->setSyncValue(sync::key::kLastError, "database or disk is full");
        writable->setSyncValue(sync::key::kLastErrorKind, sync::toString(K::DiskFull));
        writable->setSyncValue(sync::key::kToken, ""); // no round runs unasked: the saved state
    }
    app::SyncWorkerOptions o;
    o.dataDir = dir.path();
    o.pollMs = 50;
    app::SyncWorker worker(o);
    worker.start();
    app::SyncStatus s = worker.status();
    for (int k = 0; k < 2000 && !s.started; ++k) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        s = worker.status();
    }
    worker.stop();
    REQUIRE(s.started);
    CHECK(s.lastErrorKind == K::DiskFull);
}
