// The sync client against a real server (both backends): happy path and every fault of the
// issue. After each: every record exactly once on the server, nothing lost on the kiosk.
#include "support/fault_proxy.hpp"
#include "support/memory_kiosk.hpp"
#include "support/records.hpp"
#include "support/server_fixture.hpp"
#include "support/server_process.hpp"
#include "sync/client/sync_client.hpp"
#include "sync/protocol/digest.hpp"
#include "sync/server/admin.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <future>
#include <set>
#include <sstream>

using namespace repere;
using namespace repere::sync;
namespace fs = std::filesystem;

namespace {

// Every kiosk record is on the server exactly once (no loss, no double count).
void requireExactlyOnce(sync::server::Storage& storage, test::MemoryKiosk& kiosk) {
    const auto stored = storage.records();
    std::multiset<std::string> ids;
    for (const auto& r : stored)
        ids.insert(r.recordId);
    const auto mine = kiosk.recordIds();
    REQUIRE(stored.size() == mine.size());
    for (const auto& id : mine)
        REQUIRE(ids.count(id) == 1);
}

void enrolKiosk(test::ServerFixture& srv, test::MemoryKiosk& kiosk, const std::string& url = "") {
    auto r = SyncClient::enrol(kiosk, url.empty() ? srv.url() : url, srv.newCode(), "kiosk");
    REQUIRE(r.ok);
}

// A tiny valid-looking package (the validator decides what "valid" is in these tests).
fs::path writePackage(const fs::path& root, const std::string& version) {
    const fs::path dir = root / ("pkg-" + version);
    fs::create_directories(dir / "media");
    std::ofstream(dir / "quiz.json")
        << R"({"format":"repere-quiz","formatVersion":1,"id":"exemple","version":")" << version
        << R"("})";
    std::ofstream(dir / "media" / "son.ogg", std::ios::binary)
        << std::string(3000, '\x01') << version;
    return dir;
}

std::vector<std::string> acceptAll(const fs::path& folder) {
    if (!fs::exists(folder / "quiz.json"))
        return {"quiz.json missing"};
    return {};
}

} // namespace

TEST_CASE("client: happy path, kiosk to server to export") {
    test::ServerFixture srv;
    test::MemoryKiosk kiosk;
    enrolKiosk(srv, kiosk);
    kiosk.addResponses(1234);
    test::TempDir data;
    SyncClient client(kiosk, kiosk, data.path());
    auto round = client.round(acceptAll, test::wallMs());
    REQUIRE(round.ok());
    CHECK(round.push.stored == 1234);
    CHECK(round.push.batches == 3); // 500 + 500 + 234
    CHECK(round.push.pending == 0);
    CHECK(kiosk.pendingCount() == 0);
    requireExactlyOnce(*srv.storage, kiosk);
    CHECK(kiosk.value(key::kServerCursor) == "1234");
    CHECK(kiosk.value(key::kLastError) == "");

    std::ostringstream csv;
    sync::server::exportRecordsCsv(*srv.storage, csv, test::wallMs());
    const std::string text = csv.str();
    CHECK(std::count(text.begin(), text.end(), '\n') == 1235);
    CHECK(text.rfind("agency,device_id,record_id", 0) == 0);
    CHECK(text.find("ALI Bondy," + *kiosk.value(key::kDeviceId)) != std::string::npos);

    auto again = client.push();
    REQUIRE(again.ok);
    CHECK(again.batches == 0);
}

TEST_CASE("client: connection cut before the server commits") {
    test::ServerFixture srv;
    test::FaultProxy proxy(srv.port());
    test::MemoryKiosk kiosk;
    enrolKiosk(srv, kiosk, proxy.url());
    kiosk.addResponses(700);
    SyncClient client(kiosk, kiosk, ".");
    client.retry.retries =
        0; // this test is about the next round resuming (retries: retry_client_test)
    proxy.failNextBatches(test::FaultProxy::Fault::CutRequest);
    auto first = client.push();
    CHECK_FALSE(first.ok);
    CHECK(kiosk.pendingCount() == 700);
    CHECK(srv.storage->recordCount() == 0);
    auto second = client.push();
    REQUIRE(second.ok);
    CHECK(second.stored == 700);
    CHECK(kiosk.pendingCount() == 0);
    requireExactlyOnce(*srv.storage, kiosk);
}

TEST_CASE("client: connection cut after the server commits (reply lost)") {
    test::ServerFixture srv;
    test::FaultProxy proxy(srv.port());
    test::MemoryKiosk kiosk;
    enrolKiosk(srv, kiosk, proxy.url());
    kiosk.addResponses(700);
    SyncClient client(kiosk, kiosk, ".");
    client.retry.retries =
        0; // this test is about the next round resuming (retries: retry_client_test)
    proxy.failNextBatches(test::FaultProxy::Fault::DropReply);
    auto first = client.push();
    CHECK_FALSE(first.ok);
    CHECK(proxy.faultsApplied() == 1);
    CHECK(srv.storage->recordCount() == 500); // committed, but the kiosk never heard of it
    CHECK(kiosk.pendingCount() == 700);
    const auto openBatch = kiosk.openBatchId();
    REQUIRE(openBatch);
    auto second = client.push();
    REQUIRE(second.ok);
    // The same batch id went again and got the remembered reply: stored, not duplicate.
    CHECK(second.stored == 700);
    CHECK(second.duplicates == 0);
    CHECK(kiosk.pendingCount() == 0);
    requireExactlyOnce(*srv.storage, kiosk);
}

TEST_CASE("client: the same batch sent twice at once") {
    test::ServerFixture srv;
    test::MemoryKiosk kiosk;
    enrolKiosk(srv, kiosk);
    kiosk.addResponses(400);
    const std::string batchId = newUuid();
    REQUIRE(kiosk.assignNextBatch(batchId, 500, 1 << 20).size() == 400);
    SyncClient a(kiosk, kiosk, "."), b(kiosk, kiosk, ".");
    auto fa = std::async(std::launch::async, [&] { return a.push(); });
    auto fb = std::async(std::launch::async, [&] { return b.push(); });
    auto ra = fa.get(), rb = fb.get();
    CHECK(ra.ok);
    CHECK(rb.ok);
    CHECK(ra.stored + rb.stored >= 400); // both were told "stored" by the same remembered reply
    CHECK(kiosk.pendingCount() == 0);
    requireExactlyOnce(*srv.storage, kiosk);
}

TEST_CASE("client: the same record id with other content is a conflict, the first is kept") {
    test::ServerFixture srv;
    test::MemoryKiosk kiosk;
    enrolKiosk(srv, kiosk);
    kiosk.addResponses(10);
    SyncClient client(kiosk, kiosk, ".");
    REQUIRE(client.push().ok);
    const auto original = srv.storage->records().at(3).payload;
    kiosk.forgetAcks(); // e.g. a kiosk restored from a backup, then an edited record
    kiosk.rewritePayload(3, "changed");
    auto again = client.push();
    REQUIRE(again.ok);
    CHECK(again.conflicts == 1);
    CHECK(again.duplicates == 9);
    CHECK(kiosk.pendingCount() == 0);
    requireExactlyOnce(*srv.storage, kiosk);
    CHECK(srv.storage->records().at(3).payload == original);
    REQUIRE(srv.storage->conflicts().size() == 1);
    CHECK(srv.storage->conflicts()[0].payload.find("changed") != std::string::npos);
}

TEST_CASE("client: killed between the reply and the marking") {
    test::ServerFixture srv;
    test::MemoryKiosk kiosk;
    enrolKiosk(srv, kiosk);
    kiosk.addResponses(600);
    {
        ClientHooks crash;
        crash.beforeMarkAcknowledged = [](const std::string&) {
            throw std::runtime_error("power cut");
        };
        SyncClient doomed(kiosk, kiosk, ".", crash);
        CHECK_THROWS(doomed.push());
    }
    CHECK(kiosk.pendingCount() == 600);
    CHECK(srv.storage->recordCount() == 500);
    SyncClient client(kiosk, kiosk, ".");
    auto r = client.push();
    REQUIRE(r.ok);
    CHECK(r.stored == 600);
    CHECK(kiosk.pendingCount() == 0);
    requireExactlyOnce(*srv.storage, kiosk);
}

TEST_CASE("client: a captive portal's HTML page is a failure, never an acknowledgement") {
    test::ServerFixture srv;
    test::FaultProxy proxy(srv.port());
    test::MemoryKiosk kiosk;
    enrolKiosk(srv, kiosk, proxy.url());
    kiosk.addResponses(50);
    SyncClient client(kiosk, kiosk, ".");
    client.retry.retries =
        0; // this test is about the next round resuming (retries: retry_client_test)

    SECTION("the portal answers every request") {
        proxy.captiveForEverything(true);
        auto r = client.push();
        CHECK_FALSE(r.ok);
        CHECK(r.error.find("HTML") != std::string::npos);
        proxy.captiveForEverything(false);
    }
    SECTION("the portal answers the batch upload with 200 and a page") {
        proxy.failNextBatches(test::FaultProxy::Fault::CaptivePortal);
        auto r = client.push();
        CHECK_FALSE(r.ok);
        CHECK(r.error.find("HTML") != std::string::npos);
        CHECK(srv.storage->recordCount() == 0);
    }
    CHECK(kiosk.pendingCount() == 50);
    REQUIRE(client.push().ok);
    CHECK(kiosk.pendingCount() == 0);
    requireExactlyOnce(*srv.storage, kiosk);
}

TEST_CASE("client: revoked token, then re-enrolment, and the data still arrives") {
    test::ServerFixture srv;
    test::MemoryKiosk kiosk;
    enrolKiosk(srv, kiosk);
    kiosk.addResponses(30);
    SyncClient client(kiosk, kiosk, ".");
    REQUIRE(client.push().ok);
    const std::string oldDevice = *kiosk.value(key::kDeviceId);
    REQUIRE(srv.storage->revokeDevice(oldDevice, test::wallMs()));
    kiosk.addResponses(40);
    auto refused = client.push();
    CHECK_FALSE(refused.ok);
    CHECK(refused.error.find("401") != std::string::npos);
    CHECK(refused.error.find("enrol") != std::string::npos);
    CHECK(kiosk.pendingCount() == 40);
    enrolKiosk(srv, kiosk);
    CHECK(*kiosk.value(key::kDeviceId) != oldDevice);
    auto r = client.push();
    REQUIRE(r.ok);
    CHECK(r.stored == 40);
    CHECK(kiosk.pendingCount() == 0);
    requireExactlyOnce(*srv.storage, kiosk);
}

TEST_CASE("client: server killed and restarted mid-sync") {
    test::TempDir dir;
    const std::string spec = test::freshDbSpec(dir);
    auto server = std::make_unique<test::ServerProcess>(spec);
    const int port = server->port();
    test::MemoryKiosk kiosk;
    {
        auto admin = sync::server::openStorage(spec);
        REQUIRE(SyncClient::enrol(kiosk, server->url(),
                                  sync::server::createEnrolCode(*admin, "ALI", test::wallMs()), "k")
                    .ok);
    }
    kiosk.addResponses(2000);
    int batches = 0;
    ClientHooks hooks;
    hooks.progress = [&](const std::string& line) {
        if (line.rfind("batch ", 0) == 0 && ++batches == 2)
            server->kill(SIGKILL); // mid-sync, no goodbye
    };
    SyncClient client(kiosk, kiosk, ".", hooks);
    client.retry.retries =
        0; // this test is about the next round resuming (retries: retry_client_test)
    auto cut = client.push();
    CHECK_FALSE(cut.ok);
    CHECK(kiosk.pendingCount() == 1000);
    server->start(spec, port); // same file, same port
    SyncClient again(kiosk, kiosk, ".");
    auto r = again.push();
    REQUIRE(r.ok);
    CHECK(kiosk.pendingCount() == 0);
    server->kill(SIGTERM);
    auto storage = sync::server::openStorage(spec);
    requireExactlyOnce(*storage, kiosk);
}

TEST_CASE("client: catalogue pull, validated, applied once, resumed after a cut mid-apply") {
    test::ServerFixture srv;
    test::MemoryKiosk kiosk;
    enrolKiosk(srv, kiosk);
    test::TempDir src, data;
    auto pub = sync::server::publishQuiz(
        *srv.storage, writePackage(src.path(), "1.0.0"),
        [](const fs::path&, std::string& id, std::string& v) {
            id = "exemple";
            v = "1.0.0";
            return std::vector<std::string>{};
        },
        test::wallMs());
    REQUIRE(pub.ok);
    sync::server::addTrainer(*srv.storage, "ALI Bondy", "Awa", "482157", test::wallMs());

    {
        ClientHooks cut;
        cut.afterCatalogFile = [](const std::string&) {
            throw std::runtime_error("power cut");
        };
        SyncClient doomed(kiosk, kiosk, data.path(), cut);
        CHECK_THROWS(doomed.pullCatalog(acceptAll));
    }
    CHECK(kiosk.installedQuizzes().empty());
    CHECK(kiosk.trainers().empty());
    CHECK_FALSE(kiosk.value(key::kCatalogVersion));

    SyncClient refusing(kiosk, kiosk, data.path());
    auto refused =
        refusing.pullCatalog([](const fs::path&) { return std::vector<std::string>{"bad item"}; });
    CHECK_FALSE(refused.ok);
    CHECK(refused.error.find("bad item") != std::string::npos);
    CHECK(kiosk.installedQuizzes().empty());

    SyncClient client(kiosk, kiosk, data.path());
    auto ok = client.pullCatalog(acceptAll);
    REQUIRE(ok.ok);
    CHECK(ok.quizzesInstalled == 1);
    REQUIRE(kiosk.installedQuizzes().size() == 1);
    const fs::path folder = kiosk.installedQuizzes()[0].folder;
    CHECK(sha256File(folder / "media" / "son.ogg") ==
          sha256File(src / "pkg-1.0.0" / "media" / "son.ogg"));
    REQUIRE(kiosk.trainers().count("Awa"));
    CHECK(kiosk.trainers()["Awa"].pinHash.rfind("$argon2id$", 0) == 0);

    // A new version lands beside the old one, which stays readable for attempts in progress.
    auto pub2 = sync::server::publishQuiz(
        *srv.storage, writePackage(src.path(), "1.1.0"),
        [](const fs::path&, std::string& id, std::string& v) {
            id = "exemple";
            v = "1.1.0";
            return std::vector<std::string>{};
        },
        test::wallMs());
    REQUIRE(pub2.ok);
    auto next = client.pullCatalog(acceptAll);
    REQUIRE(next.ok);
    CHECK(next.quizzesInstalled == 1);
    REQUIRE(kiosk.installedQuizzes().size() == 2);
    CHECK(fs::exists(folder / "quiz.json"));
    auto none = client.pullCatalog(acceptAll);
    REQUIRE(none.ok);
    CHECK(none.quizzesInstalled == 0);
}

TEST_CASE("client: a recorded answer uploads as a blob and resumes where it stopped") {
    test::ServerFixture srv;
    test::MemoryKiosk kiosk;
    enrolKiosk(srv, kiosk);
    test::TempDir dir;
    std::string audio = randomHex(600000);
    std::ofstream(dir / "answer.wav", std::ios::binary) << audio;
    const std::string sha = sha256Hex(audio);
    // Its record declared it, and an earlier upload stopped after the first chunk.
    const auto device = srv.storage->devices().at(0);
    srv.storage->ingestBatch(device, "b-rec", {test::recordingRecord("r1", 1, audio)}, 1);
    REQUIRE(srv.storage
                ->appendUpload(device, sha, static_cast<std::int64_t>(audio.size()), 0,
                               audio.substr(0, kBlobChunkBytes), {}, 1)
                .ok());
    SyncClient client(kiosk, kiosk, ".");
    std::string error;
    REQUIRE(client.uploadBlob(dir / "answer.wav", error));
    CHECK(srv.storage->uploadData(sha) == audio);
}

TEST_CASE(
    "client: not enrolled, or an unreachable server, fails with a reason and keeps everything") {
    test::MemoryKiosk kiosk;
    kiosk.addResponses(5);
    SyncClient client(kiosk, kiosk, ".");
    auto r = client.push();
    CHECK_FALSE(r.ok);
    CHECK(r.error.find("not enrolled") != std::string::npos);
    kiosk.setValue(key::kServerUrl, "http://127.0.0.1:1");
    kiosk.setValue(key::kToken, newToken());
    client.retry.retries = 0; // an unreachable server: retries are in retry_client_test
    auto down = client.push();
    CHECK_FALSE(down.ok);
    CHECK(down.error.find("connect") != std::string::npos);
    CHECK(kiosk.pendingCount() == 5);
    auto bad = SyncClient::enrol(kiosk, "http://127.0.0.1:1", "CODE", "k");
    CHECK_FALSE(bad.ok);
}
