// The sync client on a bad link (issue 14, "reliability under a bad link"): each request is sent
// again after a failure of the link, so a round gets through a link that fails one connection in
// five; a 429 waits its Retry-After; a reply that names a record twice or one never sent is a
// failure, never an acknowledgement.
#include "support/fault_proxy.hpp"
#include "support/memory_kiosk.hpp"
#include "support/server_fixture.hpp"
#include "sync/client/sync_client.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <httplib.h>
#include <iostream>
#include <set>
#include <thread>

using namespace repere;
using namespace repere::sync;

namespace {

// Records the waits instead of sleeping: the tests do not wait 7 s per failed request.
struct Sleeps {
    std::vector<std::chrono::milliseconds> waits;
    std::function<bool(std::chrono::milliseconds)> fn() {
        return [this](std::chrono::milliseconds d) {
            waits.push_back(d);
            return true;
        };
    }
};

// A stand-in server on 127.0.0.1 whose replies the test writes.
struct FakeServer {
    httplib::Server http;
    int port = 0;
    std::thread thread;
    FakeServer() {
        port = http.bind_to_any_port("127.0.0.1");
        REQUIRE(port > 0);
        thread = std::thread([this] { http.listen_after_bind(); });
        for (int k = 0; k < 200 && !http.is_running(); ++k)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ~FakeServer() {
        http.stop();
        thread.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }
};

void enrolFake(test::MemoryKiosk& kiosk, const std::string& url) {
    kiosk.setValue(key::kServerUrl, url);
    kiosk.setValue(key::kToken, newToken());
}

void replyCursor(httplib::Response& res) {
    res.set_content(toJson(CursorReply{"dev", 0, 0}).dump(), "application/json");
}

} // namespace

TEST_CASE("retry: through a link that cycles pass, drop-reply, cut-request, captive portal and "
          "slow, 400 records reach the server exactly once in 5 rounds or fewer") {
    test::ServerFixture srv;
    test::FaultProxy proxy(srv.port());
    test::MemoryKiosk kiosk;
    REQUIRE(SyncClient::enrol(kiosk, proxy.url(), srv.newCode(), "kiosk").ok);
    kiosk.addResponses(400);
    using F = test::FaultProxy::Fault;
    proxy.cycle({F::None, F::DropReply, F::CutRequest, F::CaptivePortal, F::Slow});
    test::TempDir data;
    SyncClient client(kiosk, kiosk, data.path());
    client.maxBatchRecords = 25; // 16 batches: many requests through the bad link
    Sleeps sleeps;
    client.retry.sleep = sleeps.fn();
    int rounds = 0;
    for (; rounds < 5 && (kiosk.pendingCount() > 0 || rounds == 0); ++rounds) {
        auto r =
            client.round([](const std::filesystem::path&) { return std::vector<std::string>{}; },
                         test::wallMs());
        INFO(r.error());
    }
    const auto stored = srv.storage->records();
    std::cout << "bad link: " << rounds << " round(s), " << stored.size()
              << " of 400 records on the server, " << proxy.connections() << " connections, "
              << sleeps.waits.size() << " retries\n";
    CHECK(rounds <= 5);
    CHECK(kiosk.pendingCount() == 0);
    std::multiset<std::string> ids;
    for (const auto& r : stored)
        ids.insert(r.recordId);
    REQUIRE(stored.size() == 400);
    for (const auto& id : kiosk.recordIds())
        REQUIRE(ids.count(id) == 1);
    CHECK(proxy.faultsApplied() > 0);
    for (const auto& w : sleeps.waits) // only the link's back-off, never longer than 5 s
        CHECK(w.count() <= 5000);
}

TEST_CASE("retry: a 429 waits its Retry-After (bounded), a 5xx gives up after 3 retries") {
    FakeServer fake;
    std::atomic<int> cursorCalls{0};
    std::atomic<int> mode{0}; // 0: 429 twice then fine; 1: always 503
    fake.http.Get("/api/v1/cursor", [&](const httplib::Request&, httplib::Response& res) {
        const int n = ++cursorCalls;
        if (mode == 0 && n == 1) {
            res.status = 429;
            res.set_header("Retry-After", "7");
        } else if (mode == 0 && n == 2) {
            res.status = 429;
            res.set_header("Retry-After", "86400"); // a day: bounded to 60 s
        } else if (mode == 1) {
            res.status = 503;
        } else {
            replyCursor(res);
        }
    });
    test::MemoryKiosk kiosk;
    enrolFake(kiosk, fake.url());
    SyncClient client(kiosk, kiosk, ".");
    Sleeps sleeps;
    client.retry.sleep = sleeps.fn();
    auto ok = client.push(); // nothing pending: the cursor request is the whole push
    CHECK(ok.ok);
    CHECK(cursorCalls == 3);
    REQUIRE(sleeps.waits.size() == 2);
    CHECK(sleeps.waits[0] == std::chrono::seconds(7));
    CHECK(sleeps.waits[1] == std::chrono::seconds(60));

    mode = 1;
    cursorCalls = 0;
    sleeps.waits.clear();
    auto down = client.push();
    CHECK_FALSE(down.ok);
    CHECK(down.error.find("503") != std::string::npos);
    CHECK(cursorCalls == 4); // the first send and 3 retries, then the schedule takes over
    CHECK(sleeps.waits.size() == 3);
}

TEST_CASE("retry: a cancel during a back-off ends the round at once") {
    FakeServer fake;
    fake.http.Get("/api/v1/cursor",
                  [&](const httplib::Request&, httplib::Response& res) { res.status = 503; });
    test::MemoryKiosk kiosk;
    enrolFake(kiosk, fake.url());
    ClientHooks hooks;
    hooks.cancel = std::make_shared<CancelToken>();
    SyncClient client(kiosk, kiosk, ".", hooks);
    client.retry.backoff = {std::chrono::seconds(20)}; // real waits, on the cancel token
    std::thread canceller([c = hooks.cancel] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        c->cancel();
    });
    const auto t0 = std::chrono::steady_clock::now();
    auto r = client.push();
    canceller.join();
    CHECK_FALSE(r.ok);
    CHECK(r.error == "sync cancelled");
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(3));
}

TEST_CASE("client: a batch reply naming a record twice or a record not sent is a failure") {
    FakeServer fake;
    std::atomic<int> mode{0}; // 0: first id twice; 1: an id never sent added
    std::atomic<int> batchCalls{0};
    fake.http.Get("/api/v1/cursor",
                  [&](const httplib::Request&, httplib::Response& res) { replyCursor(res); });
    fake.http.Post(
        R"(/api/v1/batches/([^/]+))", [&](const httplib::Request& req, httplib::Response& res) {
            ++batchCalls;
            BatchReply reply;
            reply.batchId = req.matches[1];
            reply.cursor = 2;
            // The fake does not read the body: the test knows the kiosk sends "r-1" and "r-2".
            if (mode == 0) {
                reply.results = {{"r-1", RecordStatus::Stored}, {"r-1", RecordStatus::Stored}};
            } else {
                reply.results = {{"r-1", RecordStatus::Stored},
                                 {"r-2", RecordStatus::Stored},
                                 {"r-999", RecordStatus::Stored}};
            }
            res.set_content(toJson(reply).dump(), "application/json");
        });
    test::MemoryKiosk kiosk;
    enrolFake(kiosk, fake.url());
    kiosk.addResponses(2, "r");
    REQUIRE(kiosk.recordIds() == std::vector<std::string>{"r-1", "r-2"});
    SyncClient client(kiosk, kiosk, ".");
    Sleeps sleeps;
    client.retry.sleep = sleeps.fn();

    auto twice = client.push();
    CHECK_FALSE(twice.ok);
    CHECK(twice.error.find("twice") != std::string::npos);
    CHECK(kiosk.ackedCount() == 0);
    CHECK(kiosk.pendingCount() == 2);

    mode = 1;
    auto stranger = client.push();
    CHECK_FALSE(stranger.ok);
    CHECK(stranger.error.find("r-999") != std::string::npos);
    CHECK(kiosk.ackedCount() == 0);
    CHECK(kiosk.pendingCount() == 2);
    CHECK(sleeps.waits.empty()); // a wrong reply is the server's fault: no retry
    CHECK(batchCalls == 2);
}

TEST_CASE("client: a record larger than a batch is set aside with its reason, the rest goes") {
    test::ServerFixture srv;
    test::MemoryKiosk kiosk;
    REQUIRE(SyncClient::enrol(kiosk, srv.url(), srv.newCode(), "kiosk").ok);
    kiosk.addResponses(5, "before");
    // 3 MB of random hex: about 1.6 MB after gzip, above the server's 1 MiB batch limit, so
    // sent alone it is refused (413) on every round and blocks every record behind it.
    kiosk.addRecord("huge", nlohmann::json{{"text", randomHex(1500 * 1024)}}.dump());
    kiosk.addResponses(5, "after");
    std::vector<std::string> lines;
    ClientHooks hooks;
    hooks.progress = [&](const std::string& line) {
        lines.push_back(line);
    };
    SyncClient client(kiosk, kiosk, ".", hooks);
    Sleeps sleeps;
    client.retry.sleep = sleeps.fn();
    auto r = client.push();
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.setAside == 1);
    CHECK(r.stored == 10);
    CHECK(r.pending == 0);
    CHECK(srv.storage->recordCount() == 10);
    const auto aside = kiosk.setAsideReasons();
    REQUIRE(aside.count("huge") == 1);
    CHECK(aside.at("huge").find("larger than a batch") != std::string::npos);
    bool logged = false;
    for (const auto& l : lines)
        logged = logged || l.find("record huge") != std::string::npos;
    CHECK(logged);
    auto again = client.push(); // not offered again
    REQUIRE(again.ok);
    CHECK(again.batches == 0);
    CHECK(again.setAside == 0);
}
