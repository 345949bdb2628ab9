// Issue 14, low points on the server: a 500 reply carries no exception text; the rate-limiter map
// is bounded; limits key on the device when a token is given, else on the client address, and
// X-Forwarded-For is believed only from a --trusted-proxy address.
#include "support/memory_kiosk.hpp"
#include "support/server_fixture.hpp"
#include "sync/client/sync_client.hpp"
#include "sync/protocol/digest.hpp"
#include "sync/protocol/gzip.hpp"
#include "sync/server/client_address.hpp"
#include "sync/server/rate_limiter.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <httplib.h>

using namespace repere;
using namespace repere::sync;

namespace {

WireRecord toWireForTest() {
    WireRecord w;
    w.recordId = "r-1";
    w.kind = "response";
    w.seq = 1;
    w.payload = "{}";
    w.sha256 = sha256Hex(w.payload);
    return w;
}

} // namespace

TEST_CASE("server errors: a 500 says nothing of the exception behind it") {
    test::ServerFixture srv;
    test::MemoryKiosk kiosk;
    REQUIRE(SyncClient::enrol(kiosk, srv.url(), srv.newCode(), "borne").ok);
    kiosk.addResponses(3);
    SyncClient client(kiosk, kiosk, ".");
    REQUIRE(client.push().ok);
    // Damage the remembered reply of that batch: replaying it makes the storage throw
    // ("stored reply unreadable: ..."), a real internal error.
    std::string batchId;
    {
        SQLite::Database db((srv.dir / "server.db").string(), SQLite::OPEN_READWRITE);
        batchId = db.execAndGet("SELECT batch_id FROM batches").getString();
        db.exec("UPDATE batches SET reply = 'garbage-from-the-disk'");
    }
    BatchRequest req;
    req.records.push_back(toWireForTest());
    httplib::Client cli("127.0.0.1", srv.port());
    auto res = cli.Post(("/api/v1/batches/" + batchId).c_str(),
                        {{"Authorization", "Bearer " + *kiosk.value(key::kToken)}},
                        gzipCompress(toJson(req).dump()), kBatchContentType);
    REQUIRE(res);
    INFO(res->body);
    CHECK(res->status == 500);
    auto err = parseErrorReply(res->body);
    REQUIRE(err.ok());
    CHECK(err.value->error == "internal");
    CHECK(res->body.find("unreadable") == std::string::npos);
    CHECK(res->body.find("garbage") == std::string::npos);
    CHECK(res->body.find("JSON") == std::string::npos);
}

TEST_CASE("rate limiter: the map stays bounded under a flood of new keys") {
    server::RateLimiter limiter(60, 1000);
    for (int k = 0; k < 100000; ++k)
        limiter.allow("addr:10." + std::to_string(k), 1700000000000 + k);
    CHECK(limiter.size() <= 1000);
    // Keys idle for a minute are forgotten first, and forgetting them changes no answer.
    server::RateLimiter idle(2, 1000);
    CHECK(idle.allow("a", 0));
    CHECK(idle.allow("a", 0));
    CHECK_FALSE(idle.allow("a", 0));
    for (int k = 0; k < 5000; ++k)
        idle.allow("k" + std::to_string(k), 60000 + k);
    CHECK(idle.size() <= 1000);
    CHECK(idle.allow("a", 70000)); // refilled, as it would have been without eviction
}

TEST_CASE("client address: X-Forwarded-For only from a trusted proxy") {
    using server::clientAddress;
    const std::vector<std::string> proxies = {"127.0.0.1"};
    CHECK(clientAddress("192.0.2.7", "198.51.100.9", proxies) == "192.0.2.7");
    CHECK(clientAddress("127.0.0.1", "198.51.100.9", proxies) == "198.51.100.9");
    CHECK(clientAddress("127.0.0.1", "203.0.113.5, 198.51.100.9", proxies) == "198.51.100.9");
    CHECK(clientAddress("127.0.0.1", "198.51.100.9, 127.0.0.1", proxies) == "198.51.100.9");
    CHECK(clientAddress("127.0.0.1", "not an address", proxies) == "127.0.0.1");
    CHECK(clientAddress("127.0.0.1", "", proxies) == "127.0.0.1");
    CHECK(clientAddress("127.0.0.1", "198.51.100.9", {}) == "127.0.0.1");
}

namespace {

int enrolStatus(int port, const std::string& forwardedFor) {
    httplib::Client cli("127.0.0.1", port);
    auto res = cli.Post("/api/v1/enrol", {{"X-Forwarded-For", forwardedFor}},
                        R"({"code":"ABCDE-FGHJK-LMNPQ","deviceName":"x"})", "application/json");
    return res ? res->status : -1;
}

} // namespace

TEST_CASE("rate limits: kiosks behind a trusted proxy each have their own enrolment budget") {
    server::ServerOptions trusting;
    trusting.rateLimitPerMinute = 10; // enrolment: 1 per minute per address
    trusting.trustedProxies = {"127.0.0.1"};
    test::ServerFixture behindProxy(trusting);
    CHECK(enrolStatus(behindProxy.port(), "198.51.100.1") == 401);
    CHECK(enrolStatus(behindProxy.port(), "198.51.100.1") == 429);
    CHECK(enrolStatus(behindProxy.port(), "198.51.100.2") == 401); // another kiosk

    server::ServerOptions direct;
    direct.rateLimitPerMinute = 10;
    test::ServerFixture notTrusted(direct);
    CHECK(enrolStatus(notTrusted.port(), "198.51.100.1") == 401);
    // A forged header from an untrusted peer does not buy a fresh budget.
    CHECK(enrolStatus(notTrusted.port(), "198.51.100.2") == 429);
}

TEST_CASE("rate limits: requests with a bad token spend their address's budget") {
    server::ServerOptions o;
    o.rateLimitPerMinute = 20; // bad tokens: 2 per minute per address
    test::ServerFixture srv(o);
    httplib::Client cli("127.0.0.1", srv.port());
    const httplib::Headers bad = {{"Authorization", "Bearer " + std::string(64, 'a')}};
    CHECK(cli.Get("/api/v1/cursor", bad)->status == 401);
    CHECK(cli.Get("/api/v1/cursor", bad)->status == 401);
    auto third = cli.Get("/api/v1/cursor", bad);
    CHECK(third->status == 429);
    CHECK(third->get_header_value("Retry-After") == "60");
    // A kiosk with a valid token keys on its device, not on the (shared) address.
    test::MemoryKiosk kiosk;
    REQUIRE(SyncClient::enrol(kiosk, srv.url(), srv.newCode(), "borne").ok);
    const httplib::Headers good = {{"Authorization", "Bearer " + *kiosk.value(key::kToken)}};
    for (int k = 0; k < 5; ++k)
        CHECK(cli.Get("/api/v1/cursor", good)->status == 200);
}
