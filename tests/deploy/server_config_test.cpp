// repere-server's configuration file (--config) and its request log lines.
#include "support/temp_dir.hpp"
#include "sync/protocol/wire.hpp"
#include "sync/server/admin.hpp"
#include "sync/server/http_server.hpp"
#include "sync/server/request_log.hpp"
#include "sync/server/server_cli.hpp"

#include <CLI/CLI.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <httplib.h>
#include <mutex>

using namespace repere::sync;
using namespace repere::sync::server;

namespace {

// Parses argv as repere-server's serving options would be; throws CLI::ParseError.
ServeSettings parse(std::vector<std::string> args) {
    CLI::App app{"test", "repere-server"};
    ServeSettings s;
    addServeOptions(app, s);
    std::vector<const char*> argv{"repere-server"};
    for (const auto& a : args)
        argv.push_back(a.c_str());
    app.parse(static_cast<int>(argv.size()), const_cast<char**>(argv.data()));
    finishServeSettings(s);
    return s;
}

std::string writeFile(const repere::test::TempDir& dir, const std::string& text) {
    const auto path = (dir.path() / "server.conf").string();
    std::ofstream(path) << text;
    return path;
}

} // namespace

TEST_CASE("every serving option is read from --config, and the command line wins") {
    repere::test::TempDir dir;
    const auto conf = writeFile(dir, "# comment\n"
                                     "listen = 0.0.0.0:8443\n"
                                     "db = \"postgresql://repere@db.example/repere\"\n"
                                     "tls-cert = /etc/repere/tls/server.pem\n"
                                     "tls-key = /etc/repere/tls/server.key\n"
                                     "insecure-http = true\n"
                                     "rate-limit = 120\n"
                                     "quizzes = /usr/share/repere-server/quizzes\n"
                                     "trusted-proxy = 127.0.0.1\n"
                                     "upload-budget-mb = 50\n"
                                     "keep-audit-days = 30\n");
    SECTION("from the file") {
        const auto s = parse({"--config", conf});
        CHECK(s.listen == "0.0.0.0:8443");
        CHECK(s.db == "postgresql://repere@db.example/repere");
        CHECK(s.options.tlsCert == "/etc/repere/tls/server.pem");
        CHECK(s.options.tlsKey == "/etc/repere/tls/server.key");
        CHECK(s.options.insecureHttp);
        CHECK(s.options.rateLimitPerMinute == 120);
        CHECK(s.options.quizzesDir == "/usr/share/repere-server/quizzes");
        CHECK(s.options.trustedProxies == std::vector<std::string>{"127.0.0.1"});
        CHECK(s.options.uploadBudgetBytesPerDay == 50'000'000);
        CHECK(s.keepAuditDays == 30);
    }
    SECTION("the command line wins, option by option") {
        const auto s = parse({"--config", conf, "--listen", "127.0.0.1:9000", "--rate-limit", "7",
                              "--keep-audit-days", "-1"});
        CHECK(s.listen == "127.0.0.1:9000");
        CHECK(s.options.rateLimitPerMinute == 7);
        CHECK(s.keepAuditDays == -1);
        CHECK(s.db == "postgresql://repere@db.example/repere"); // not given: the file's
    }
    SECTION("without --config, the command line alone") {
        const auto s = parse({"--listen", "127.0.0.1:1", "--db", "sqlite:x.db"});
        CHECK(s.listen == "127.0.0.1:1");
        CHECK(s.options.rateLimitPerMinute == 600);
        CHECK(s.options.uploadBudgetBytesPerDay == 200'000'000);
    }
}

TEST_CASE("a configuration file with an unknown key, a bad value or missing is refused") {
    repere::test::TempDir dir;
    CHECK_THROWS_AS(parse({"--config", writeFile(dir, "listen = 127.0.0.1:1\nrate-limmit = 5\n")}),
                    CLI::ParseError);
    CHECK_THROWS_AS(parse({"--config", writeFile(dir, "keep-audit-days = 100000\n")}),
                    CLI::ParseError);
    CHECK_THROWS_AS(parse({"--config", (dir.path() / "missing.conf").string()}), CLI::ParseError);
}

TEST_CASE("the shipped deploy/server.conf parses to a server that may start") {
    const auto s = parse({"--config", std::string(REPERE_SOURCE_DIR) + "/deploy/server.conf"});
    CHECK(s.listen == "127.0.0.1:8737");
    CHECK(s.db == "sqlite:/var/lib/repere/server.db");
    CHECK(s.options.quizzesDir == "/usr/share/repere-server/quizzes");
    ServerOptions o = s.options;
    o.host = "127.0.0.1";
    CHECK_FALSE(refuseReason(o));
}

TEST_CASE("one log line per request: method, path, status, ms, device, never a token or a code") {
    repere::test::TempDir dir;
    auto storage = openStorage("sqlite:" + (dir.path() / "server.db").string());
    std::mutex m;
    std::vector<std::string> lines;
    ServerOptions options;
    options.requestLog = [&](const std::string& line) {
        std::lock_guard<std::mutex> lock(m);
        lines.push_back(line);
    };
    HttpServer server(*storage, options);
    server.start();
    const auto nowMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
    const std::string code = createEnrolCode(*storage, "ALI Bondy", nowMs);
    httplib::Client http("127.0.0.1", server.port());
    auto enrol = http.Post("/api/v1/enrol", toJson(EnrolRequest{code, "borne-1"}).dump(),
                           "application/json");
    REQUIRE(enrol);
    REQUIRE(enrol->status == 200);
    const auto reply = parseEnrolReply(enrol->body);
    REQUIRE(reply.ok());
    const std::string token = reply.value->token;
    auto cursor = http.Get("/api/v1/cursor", {{"Authorization", "Bearer " + token}});
    REQUIRE(cursor);
    auto bad = http.Get("/api/v1/cursor", {{"Authorization", "Bearer " + std::string(64, 'a')}});
    REQUIRE(bad);
    auto person = http.Get("/beneficiaires/KXR-7TQM/bilan.pdf");
    REQUIRE(person);
    server.stop();

    std::lock_guard<std::mutex> lock(m);
    REQUIRE(lines.size() == 4);
    // A line is written once its reply is sent, from the thread that served it: the order of two
    // requests close together may differ from the order they were sent in.
    const auto lineStarting = [&](const std::string& prefix) {
        std::vector<std::string> found;
        for (const auto& line : lines)
            if (line.rfind(prefix, 0) == 0)
                found.push_back(line);
        INFO(prefix);
        REQUIRE(found.size() == 1);
        return found.front();
    };
    CHECK(lineStarting("request POST /api/v1/enrol 200 ").ends_with("ms device=-"));
    CHECK(cursor->status == 200);
    CHECK(lineStarting("request GET /api/v1/cursor 200 ")
              .ends_with("ms device=" + reply.value->deviceId));
    CHECK(lineStarting("request GET /api/v1/cursor 401 ").ends_with("ms device=-"));
    lineStarting("request GET /beneficiaires/*/bilan.pdf " + std::to_string(person->status) + " ");
    for (const auto& line : lines) {
        INFO(line);
        CHECK(line.find(token) == std::string::npos);
        CHECK(line.find(code) == std::string::npos);
        CHECK(line.find("KXR") == std::string::npos);
        CHECK(line.find(std::string(64, 'a')) == std::string::npos);
    }
}

TEST_CASE("loggablePath masks the beneficiary code and nothing else") {
    CHECK(loggablePath("/beneficiaires/ABC-DEFG") == "/beneficiaires/*");
    CHECK(loggablePath("/beneficiaires/ABC-DEFG/enregistrements/r1.ogg") ==
          "/beneficiaires/*/enregistrements/r1.ogg");
    CHECK(loggablePath("/beneficiaires") == "/beneficiaires");
    CHECK(loggablePath("/beneficiaires/") == "/beneficiaires/");
    CHECK(loggablePath("/api/v1/catalog") == "/api/v1/catalog");
}
