// Issue 14, point 2: request bodies are parsed with a depth limit and a per-endpoint size limit
// before any DOM is built. The bomb is the one of the review: 16 KB of gzip that inflates to
// ~16 MiB of `[`, sent to a real repere-server process whose memory is read from /proc.
#include "support/memory_kiosk.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "sync/client/sync_client.hpp"
#include "sync/protocol/gzip.hpp"
#include "sync/protocol/json_limits.hpp"
#include "sync/server/admin.hpp"
#include "sync/server/storage.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <fstream>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace repere;
using namespace repere::sync;

namespace {

// VmHWM (peak resident set) or VmRSS of a process, in KiB, from /proc/PID/status.
long procStatusKiB(pid_t pid, const std::string& field) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(field + ":", 0) == 0)
            return std::stol(line.substr(field.size() + 1));
    throw std::runtime_error("no " + field + " for process " + std::to_string(pid));
}

// Sends raw bytes on a fresh connection and returns what comes back until the server closes
// (or 5 s pass).
std::string rawExchange(int port, const std::string& request) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        throw std::runtime_error("cannot connect");
    }
    ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    timeval tv{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    std::string reply;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        reply.append(buf, static_cast<std::size_t>(n));
        if (reply.find("\r\n\r\n") != std::string::npos && reply.find('}') != std::string::npos)
            break;
    }
    ::close(fd);
    return reply;
}

struct EnrolledServer {
    test::TempDir dir{"repere-sec"};
    std::string spec = "sqlite:" + (dir / "server.db").string();
    std::string code;
    std::unique_ptr<test::ServerProcess> server;
    test::MemoryKiosk kiosk;

    EnrolledServer() {
        {
            auto storage = server::openStorage(spec);
            code = server::createEnrolCode(*storage, "ALI Bondy", 1700000000000, 24 * 365 * 100);
        }
        server = std::make_unique<test::ServerProcess>(spec);
        auto r = SyncClient::enrol(kiosk, server->url(), code, "borne-1");
        REQUIRE(r.ok);
    }
    std::string token() { return *kiosk.value(key::kToken); }
};

} // namespace

TEST_CASE("bounded parsing: the review's gzip bomb of brackets is refused fast and small") {
    EnrolledServer srv;
    const std::string bomb = gzipCompress(std::string(16 * 1024 * 1024 - 4096, '['), 9);
    INFO("bomb: " << bomb.size() << " bytes of gzip");
    REQUIRE(bomb.size() < 20 * 1024);

    httplib::Client cli("127.0.0.1", srv.server->port());
    cli.set_read_timeout(60, 0);
    const httplib::Headers auth = {{"Authorization", "Bearer " + srv.token()}};
    // Warm up (threads, first allocations) so the figure below is the bomb's alone.
    REQUIRE(cli.Get("/api/v1/cursor", auth)->status == 200);
    const long rssBefore = procStatusKiB(srv.server->pid(), "VmRSS");
    const long peakBefore = procStatusKiB(srv.server->pid(), "VmHWM");

    const auto t0 = std::chrono::steady_clock::now();
    auto res = cli.Post("/api/v1/batches/bomb-1", auth, bomb, kBatchContentType);
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0)
            .count();
    REQUIRE(res);
    const long peakAfter = procStatusKiB(srv.server->pid(), "VmHWM");
    INFO("status " << res->status << " in " << ms << " ms; RSS before " << rssBefore
                   << " KiB, peak before " << peakBefore << " KiB, peak after " << peakAfter
                   << " KiB; body " << res->body);
    CHECK((res->status == 400 || res->status == 413));
    CHECK(res->get_header_value("Content-Type") == "application/json");
    auto err = parseErrorReply(res->body);
    REQUIRE(err.ok());
    CHECK(!err.value->reason.empty());
    CHECK(ms < 100);
    CHECK(peakAfter - rssBefore < 50 * 1024);
    // Still serving, and nothing was stored.
    auto cursor = cli.Get("/api/v1/cursor", auth);
    REQUIRE(cursor);
    CHECK(cursor->status == 200);
    CHECK(parseCursorReply(cursor->body).value->records == 0);
}

TEST_CASE("bounded parsing: enrolment bodies above 4 KiB get 413 before they are read") {
    std::signal(SIGPIPE, SIG_IGN);
    EnrolledServer srv;
    // Only the headers of a 1 MiB body: the server answers from Content-Length alone, without
    // waiting for (or reading) a byte of the body.
    const std::string reply =
        rawExchange(srv.server->port(), "POST /api/v1/enrol HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                        "Content-Type: application/json\r\n"
                                        "Content-Length: 1048576\r\n\r\n");
    INFO(reply);
    CHECK(reply.rfind("HTTP/1.1 413", 0) == 0);
    CHECK(reply.find(R"("error":"too_large")") != std::string::npos);
    httplib::Client cli("127.0.0.1", srv.server->port());
    // Just under the limit is read and judged on its content (an unknown code; the padding is
    // white space, which JSON allows anywhere between tokens).
    const std::string fits =
        R"({"code":"ABCDE-FGHJK-LMNPQ",)" + std::string(3900, ' ') + R"("deviceName":"borne"})";
    auto ok = cli.Post("/api/v1/enrol", fits, "application/json");
    REQUIRE(ok);
    CHECK(ok->status == 401);
}

TEST_CASE("bounded parsing: JSON deeper than 32 levels gets 400 with a reason") {
    EnrolledServer srv;
    httplib::Client cli("127.0.0.1", srv.server->port());
    std::string deep = R"({"code":"X","deviceName":"a","extra":)" + std::string(40, '[') +
                       std::string(40, ']') + "}";
    auto res = cli.Post("/api/v1/enrol", deep, "application/json");
    REQUIRE(res);
    CHECK(res->status == 400);
    auto err = parseErrorReply(res->body);
    REQUIRE(err.ok());
    CHECK(err.value->reason.find("deeper than 32") != std::string::npos);

    // The same inside a gzip batch, small enough to pass the inflate cap.
    const httplib::Headers auth = {{"Authorization", "Bearer " + srv.token()}};
    const std::string batch = R"({"records":)" + std::string(33, '[') + std::string(33, ']') + "}";
    auto b = cli.Post("/api/v1/batches/deep-1", auth, gzipCompress(batch), kBatchContentType);
    REQUIRE(b);
    CHECK(b->status == 400);
    CHECK(b->body.find("deeper than 32") != std::string::npos);
}

TEST_CASE("bounded parsing: the depth scan ignores brackets inside strings and counts both kinds") {
    CHECK(checkJsonDepth(R"({"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"[["})", 2).empty());
    CHECK(checkJsonDepth(R"({"a":[{"b":[1]}]})", 4).empty());
    CHECK_FALSE(checkJsonDepth(R"({"a":[{"b":[1]}]})", 3).empty());
    JsonShapeCheck pieces(3);
    CHECK(pieces.feed("[[\"]]]]\\\""));
    CHECK(pieces.feed("\"[")); // the string ends in this piece; its escape came in the last one
    CHECK_FALSE(pieces.feed("["));
}
