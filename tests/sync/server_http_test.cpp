// repere-server's HTTP API against a real server on 127.0.0.1 (both backends): enrolment,
// authentication, limits and error replies. Nothing partial may be stored on any error.
#include "support/records.hpp"
#include "support/server_fixture.hpp"
#include "sync/protocol/digest.hpp"
#include "sync/protocol/gzip.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <httplib.h>
#include <sstream>

using namespace repere;
using namespace repere::sync;

namespace {

struct Enrolled {
    std::string deviceId;
    std::string token;
};

Enrolled enrol(test::ServerFixture& srv, httplib::Client& cli) {
    auto res = cli.Post("/api/v1/enrol", toJson(EnrolRequest{srv.newCode(), "kiosk"}).dump(),
                        "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    auto reply = parseEnrolReply(res->body);
    REQUIRE(reply.ok());
    return {reply.value->deviceId, reply.value->token};
}

httplib::Headers bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
}

httplib::Result postBatch(httplib::Client& cli, const std::string& token,
                          const std::string& batchId, const std::string& body) {
    return cli.Post(("/api/v1/batches/" + batchId).c_str(), bearer(token), body, kBatchContentType);
}

std::string gz(const std::vector<WireRecord>& recs) {
    return gzipCompress(toJson(BatchRequest{recs}).dump());
}

std::string errorCode(const httplib::Result& res) {
    auto e = parseErrorReply(res->body);
    return e.ok() ? e.value->error : "(not a JSON error: " + res->body + ")";
}

} // namespace

TEST_CASE("http: health answers without a token") {
    test::ServerFixture srv;
    httplib::Client cli(srv.url());
    auto res = cli.Get("/api/v1/health");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(nlohmann::json::parse(res->body)["backend"] == test::backendName());
}

TEST_CASE("http: enrolment trades a one-time code for a token that only the device knows") {
    test::ServerFixture srv;
    httplib::Client cli(srv.url());
    const std::string code = srv.newCode();
    auto first =
        cli.Post("/api/v1/enrol", toJson(EnrolRequest{code, "k1"}).dump(), "application/json");
    REQUIRE(first);
    REQUIRE(first->status == 200);
    auto reply = parseEnrolReply(first->body);
    REQUIRE(reply.ok());
    CHECK(reply.value->token.size() == 64); // 256 bits
    auto second =
        cli.Post("/api/v1/enrol", toJson(EnrolRequest{code, "k2"}).dump(), "application/json");
    REQUIRE(second);
    CHECK(second->status == 401);
    CHECK(errorCode(second) == "invalid_code");
    auto bad = cli.Post("/api/v1/enrol", "{\"nope\":1}", "application/json");
    REQUIRE(bad);
    CHECK(bad->status == 400);
    // The audit log shows the enrolment and the refusal.
    auto log = srv.storage->auditLog();
    bool sawEnrol = false, sawRefusal = false;
    for (const auto& e : log) {
        sawEnrol |= e.event == "enrol" && e.deviceId == reply.value->deviceId;
        sawRefusal |= e.event == "enrol-refused";
    }
    CHECK(sawEnrol);
    CHECK(sawRefusal);
}

TEST_CASE("http: 401 without a token, with a wrong one, with a revoked one") {
    test::ServerFixture srv;
    httplib::Client cli(srv.url());
    auto dev = enrol(srv, cli);
    auto ok = cli.Get("/api/v1/cursor", bearer(dev.token));
    REQUIRE(ok);
    CHECK(ok->status == 200);
    auto none = cli.Get("/api/v1/cursor");
    REQUIRE(none);
    CHECK(none->status == 401);
    auto wrong = cli.Get("/api/v1/cursor", bearer(newToken()));
    REQUIRE(wrong);
    CHECK(wrong->status == 401);
    REQUIRE(srv.storage->revokeDevice(dev.deviceId, test::wallMs()));
    auto revoked = postBatch(cli, dev.token, "b1", gz(test::makeRecords("r", 3)));
    REQUIRE(revoked);
    CHECK(revoked->status == 401);
    CHECK(errorCode(revoked) == "unauthorized");
    CHECK(srv.storage->recordCount() == 0);
}

TEST_CASE("http: a batch is answered per record and a replay gets the same reply") {
    test::ServerFixture srv;
    httplib::Client cli(srv.url());
    auto dev = enrol(srv, cli);
    const std::string body = gz(test::makeRecords("r", 500));
    auto res = postBatch(cli, dev.token, "batch-1", body);
    REQUIRE(res);
    REQUIRE(res->status == 200);
    auto reply = parseBatchReply(res->body);
    REQUIRE(reply.ok());
    CHECK(reply.value->results.size() == 500);
    CHECK(reply.value->batchId == "batch-1");
    auto replay = postBatch(cli, dev.token, "batch-1", body);
    REQUIRE(replay);
    CHECK(replay->body == res->body);
    CHECK(srv.storage->recordCount() == 500);
    auto cursor = cli.Get("/api/v1/cursor", bearer(dev.token));
    REQUIRE(cursor);
    CHECK(parseCursorReply(cursor->body).value->cursor == 500);
}

TEST_CASE("http: malformed batches get 400 with a JSON reason and store nothing") {
    test::ServerFixture srv;
    httplib::Client cli(srv.url());
    auto dev = enrol(srv, cli);
    auto recs = test::makeRecords("r", 3);

    SECTION("not gzip") {
        auto res = postBatch(cli, dev.token, "b", toJson(BatchRequest{recs}).dump());
        REQUIRE(res);
        CHECK(res->status == 400);
        CHECK(errorCode(res) == "bad_gzip");
    }
    SECTION("gzip of something that is not JSON") {
        auto res = postBatch(cli, dev.token, "b", gzipCompress("<html>hello</html>"));
        REQUIRE(res);
        CHECK(res->status == 400);
    }
    SECTION("a record whose hash does not match its payload") {
        recs[2].payload += " ";
        auto res = postBatch(cli, dev.token, "b", gz(recs));
        REQUIRE(res);
        CHECK(res->status == 400);
        CHECK(parseErrorReply(res->body).value->reason.find("r-2") != std::string::npos);
    }
    SECTION("a missing field") {
        auto j = toJson(BatchRequest{recs});
        j["records"][1].erase("seq");
        auto res = postBatch(cli, dev.token, "b", gzipCompress(j.dump()));
        REQUIRE(res);
        CHECK(res->status == 400);
        CHECK(parseErrorReply(res->body).value->reason == "/records/1/seq: missing");
    }
    SECTION("more than 500 records") {
        auto res = postBatch(cli, dev.token, "b", gz(test::makeRecords("many", 501)));
        REQUIRE(res);
        CHECK(res->status == 400);
    }
    SECTION("wrong content type") {
        auto res = cli.Post("/api/v1/batches/b", bearer(dev.token), gz(recs), "application/json");
        REQUIRE(res);
        CHECK(res->status == 415);
    }
    CHECK(srv.storage->recordCount() == 0);
}

TEST_CASE("http: oversized bodies and gzip bombs get 413 and store nothing") {
    test::ServerFixture srv;
    httplib::Client cli(srv.url());
    auto dev = enrol(srv, cli);

    SECTION("more than 1 MiB compressed") {
        std::string noise = randomHex(700 * 1024); // hex does not compress below 1 MiB
        auto res = postBatch(cli, dev.token, "big", gzipCompress(noise + noise));
        REQUIRE(res);
        CHECK(res->status == 413);
    }
    SECTION("a small body that inflates to 200 MiB") {
        // White space: it never nests, so the inflate cap (not the depth check) refuses it.
        const std::string bomb = gzipCompress(std::string(200u * 1024 * 1024, ' '), 9);
        REQUIRE(bomb.size() < kMaxBatchCompressedBytes);
        auto res = postBatch(cli, dev.token, "bomb", bomb);
        REQUIRE(res);
        CHECK(res->status == 413);
        CHECK(errorCode(res) == "too_large");
    }
    SECTION("a bomb through Content-Encoding, which the HTTP library would inflate unbounded") {
        const std::string bomb = gzipCompress(std::string(50u * 1024 * 1024, ' '), 9);
        httplib::Headers h = bearer(dev.token);
        h.emplace("Content-Encoding", "gzip");
        auto res = cli.Post("/api/v1/batches/enc", h, bomb, "application/json");
        REQUIRE(res);
        CHECK(res->status == 415);
    }
    CHECK(srv.storage->recordCount() == 0);
    auto health = cli.Get("/api/v1/health");
    REQUIRE(health);
    CHECK(health->status == 200);
}

TEST_CASE("http: a device over its rate limit gets 429") {
    sync::server::ServerOptions opts;
    opts.rateLimitPerMinute = 5;
    test::ServerFixture srv(opts);
    httplib::Client cli(srv.url());
    auto dev = enrol(srv, cli);
    int ok = 0, limited = 0;
    for (int k = 0; k < 8; ++k) {
        auto res = cli.Get("/api/v1/cursor", bearer(dev.token));
        REQUIRE(res);
        if (res->status == 200)
            ++ok;
        if (res->status == 429)
            ++limited;
    }
    CHECK(ok == 5);
    CHECK(limited == 3);
}

TEST_CASE("http: plain HTTP on a non-loopback address is refused unless asked for") {
    sync::server::ServerOptions o;
    o.host = "0.0.0.0";
    auto why = sync::server::refuseReason(o);
    REQUIRE(why);
    CHECK(why->find("--insecure-http") != std::string::npos);
    o.insecureHttp = true;
    CHECK_FALSE(sync::server::refuseReason(o));
    o.insecureHttp = false;
    o.tlsCert = "c.pem";
    o.tlsKey = "k.pem";
    CHECK_FALSE(sync::server::refuseReason(o));
    o.host = "127.0.0.1";
    o.tlsCert.clear();
    o.tlsKey.clear();
    CHECK_FALSE(sync::server::refuseReason(o));
}

TEST_CASE("http: resumable blob upload and catalogue download") {
    test::ServerFixture srv;
    httplib::Client cli(srv.url());
    auto dev = enrol(srv, cli);
    const std::string data = randomHex(400000);
    const std::string sha = sha256Hex(data);
    const std::string base = "/api/v1/blobs/" + sha;
    // The device declares the recording in a record first; only then may it upload it.
    auto declared = postBatch(cli, dev.token, "b-rec", gz({test::recordingRecord("r1", 1, data)}));
    REQUIRE(declared);
    REQUIRE(declared->status == 200);
    auto put = [&](std::size_t off, std::size_t n) {
        return cli.Put(
            (base + "?offset=" + std::to_string(off) + "&total=" + std::to_string(data.size()))
                .c_str(),
            bearer(dev.token), data.substr(off, n), "application/octet-stream");
    };
    auto r1 = put(0, 300000);
    REQUIRE(r1);
    CHECK(parseBlobStatus(r1->body).value->received == 300000);
    auto status = cli.Get((base + "/status").c_str(), bearer(dev.token));
    REQUIRE(status);
    CHECK(parseBlobStatus(status->body).value->received == 300000);
    auto r2 = put(300000, 500000);
    REQUIRE(r2);
    CHECK(parseBlobStatus(r2->body).value->complete);
    CHECK(srv.storage->uploadData(sha) == data);
    auto got = cli.Get(base.c_str(), bearer(dev.token)); // a recording never goes to a device
    REQUIRE(got);
    CHECK(got->status == 404);
    auto cat = cli.Get("/api/v1/catalog?since=0", bearer(dev.token));
    REQUIRE(cat);
    CHECK(parseCatalogReply(cat->body).ok());
    auto badSince = cli.Get("/api/v1/catalog?since=abc", bearer(dev.token));
    REQUIRE(badSince);
    CHECK(badSince->status == 400);
}

TEST_CASE("http: a second server cannot take a port already in use") {
    // cpp-httplib's default SO_REUSEPORT would let both listen and split the kiosks between them.
    test::ServerFixture srv;
    sync::server::ServerOptions o;
    o.host = "127.0.0.1";
    o.port = srv.port();
    sync::server::HttpServer second(*srv.storage, o);
    CHECK_THROWS_AS(second.bind(), std::runtime_error);
}

TEST_CASE("http: the listening socket queues more than cpp-httplib's 5 waiting connections") {
    // With a backlog of 5, the 6th kiosk connecting at the same instant lost its SYN and waited a
    // 1-second retransmission (bench/sync/scale_bench). `ss` shows the backlog as Send-Q.
    test::ServerFixture srv;
    const std::string cmd = "ss -ltnH 'sport = :" + std::to_string(srv.port()) + "' 2>&1";
    FILE* pipe = ::popen(cmd.c_str(), "r");
    REQUIRE(pipe);
    char line[512] = {0};
    const bool read = std::fgets(line, sizeof line, pipe) != nullptr;
    ::pclose(pipe);
    REQUIRE(read);
    INFO("ss: " << line);
    std::istringstream fields(line);
    std::string state;
    long recvQ = -1, sendQ = -1;
    fields >> state >> recvQ >> sendQ;
    REQUIRE(state == "LISTEN");
    CHECK(sendQ >= 128);
}
