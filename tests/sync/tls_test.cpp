// TLS end to end: repere-server started with --tls-cert/--tls-key (a CA and a server
// certificate made here with the openssl command), then the sync client with the agency's CA
// pinned succeeds; with verification on and no pin, or with another CA pinned, it fails with a
// clear reason and nothing is marked; the server refuses plain HTTP on a non-loopback address
// unless --insecure-http; and the back office's cookies are Secure over HTTPS only.
#include "support/backend.hpp"
#include "support/memory_kiosk.hpp"
#include "support/server_fixture.hpp"
#include "support/server_process.hpp"
#include "support/web_client.hpp"
#include "sync/client/sync_client.hpp"
#include "sync/server/admin.hpp"
#include "sync/server/web_users.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <httplib.h>
#include <sstream>
#include <sys/wait.h>

using namespace repere;
using namespace repere::sync;
namespace fs = std::filesystem;

namespace {

int shell(const std::string& command) {
    const int rc = std::system(command.c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

// A CA, and a server certificate for 127.0.0.1 / localhost signed by it.
struct Pki {
    fs::path caCert, serverCert, serverKey;
};

Pki makePki(const fs::path& dir, const std::string& name) {
    Pki p{dir / (name + "-ca.pem"), dir / (name + "-server.pem"), dir / (name + "-server.key")};
    const std::string d = dir.string() + "/" + name;
    std::ofstream(d + "-ext.cnf")
        << "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
           "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n"
           "extendedKeyUsage=serverAuth\n";
    const std::string quiet = " >/dev/null 2>&1";
    REQUIRE(shell("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=" + name +
                  " test CA' -keyout '" + d + "-ca.key' -out '" + p.caCert.string() + "'" +
                  quiet) == 0);
    REQUIRE(shell("openssl req -newkey rsa:2048 -nodes -subj '/CN=127.0.0.1' -keyout '" +
                  p.serverKey.string() + "' -out '" + d + "-server.csr'" + quiet) == 0);
    REQUIRE(shell("openssl x509 -req -in '" + d + "-server.csr' -CA '" + p.caCert.string() +
                  "' -CAkey '" + d + "-ca.key' -CAcreateserial -days 2 -extfile '" + d +
                  "-ext.cnf' -out '" + p.serverCert.string() + "'" + quiet) == 0);
    return p;
}

std::string newCode(const std::string& spec) {
    auto storage = server::openStorage(spec);
    return server::createEnrolCode(*storage, "ALI Bondy", test::wallMs());
}

std::vector<std::string> acceptAll(const fs::path&) {
    return {};
}

// Runs repere-server with `args` that it must refuse; returns its exit code and stderr (a server
// that starts instead is ended by `timeout`: 124).
int runServer(const std::vector<std::string>& args, std::string& err, const fs::path& dir) {
    std::string cmd = std::string(REPERE_BIN_DIR) + "/repere-server";
    for (const auto& a : args)
        cmd += " '" + a + "'";
    const fs::path errFile = dir / "server.err";
    const int rc = shell("timeout 10 " + cmd + " >/dev/null 2>'" + errFile.string() + "'");
    std::ifstream in(errFile);
    std::ostringstream s;
    s << in.rdbuf();
    err = s.str();
    return rc;
}

} // namespace

TEST_CASE("tls: a client with the agency's CA pinned syncs over HTTPS and without the pin it fails "
          "clearly") {
    REQUIRE(shell("command -v openssl >/dev/null") == 0);
    test::TempDir dir{"repere-tls"};
    const Pki pki = makePki(dir.path(), "agency");
    const std::string spec = "sqlite:" + (dir / "server.db").string();
    const std::string code = newCode(spec);
    test::ServerProcess srv(
        spec, 0, {"--tls-cert", pki.serverCert.string(), "--tls-key", pki.serverKey.string()});
    REQUIRE(srv.url().rfind("https://127.0.0.1:", 0) == 0);

    SECTION("pinned: enrolment and a full round succeed") {
        test::MemoryKiosk kiosk;
        auto e = SyncClient::enrol(kiosk, srv.url(), code, "kiosk-tls", pki.caCert.string());
        REQUIRE(e.ok);
        CHECK(kiosk.value(key::kCaFile) == pki.caCert.string());
        kiosk.addResponses(120);
        test::TempDir data;
        SyncClient client(kiosk, kiosk, data.path());
        auto round = client.round(acceptAll, test::wallMs());
        INFO(round.error());
        REQUIRE(round.ok());
        CHECK(round.push.stored == 120);
        CHECK(kiosk.pendingCount() == 0);
        auto storage = server::openStorage(spec);
        CHECK(storage->records().size() == 120);
    }

    SECTION("verification on and no pin: the self-signed agency CA is not trusted") {
        test::MemoryKiosk kiosk;
        auto e = SyncClient::enrol(kiosk, srv.url(), code, "kiosk-tls");
        CHECK_FALSE(e.ok);
        INFO(e.error);
        CHECK(e.error.find("certificate") != std::string::npos);
        CHECK(e.error.find("--ca") != std::string::npos);  // says how to fix it
        CHECK_FALSE(kiosk.value(key::kToken).has_value()); // no half identity
        // The code was not spent on the failed attempt: a pinned enrolment still works.
        auto again = SyncClient::enrol(kiosk, srv.url(), code, "kiosk-tls", pki.caCert.string());
        CHECK(again.ok);
    }

    SECTION("another CA pinned: refused, and pending records stay on the kiosk") {
        const Pki other = makePki(dir.path(), "other");
        test::MemoryKiosk kiosk;
        REQUIRE(SyncClient::enrol(kiosk, srv.url(), code, "kiosk-tls", pki.caCert.string()).ok);
        kiosk.setValue(key::kCaFile, other.caCert.string()); // a kiosk given the wrong CA file
        kiosk.addResponses(10);
        test::TempDir data;
        SyncClient client(kiosk, kiosk, data.path());
        auto round = client.round(acceptAll, test::wallMs());
        CHECK_FALSE(round.ok());
        CHECK(round.error().find("certificate") != std::string::npos);
        CHECK(kiosk.pendingCount() == 10);
        CHECK(kiosk.ackedCount() == 0);
    }
}

TEST_CASE("tls: the server refuses plain HTTP on a non-loopback address unless --insecure-http") {
    test::TempDir dir{"repere-tls"};
    const std::string spec = "sqlite:" + (dir / "server.db").string();
    std::string err;
    CHECK(runServer({"--listen", "0.0.0.0:0", "--db", spec}, err, dir.path()) == 2);
    CHECK(err.find("--insecure-http") != std::string::npos);
    CHECK(err.find("--tls-cert") != std::string::npos);
    CHECK(runServer({"--listen", "0.0.0.0:0", "--db", spec, "--tls-cert", "x.pem"}, err,
                    dir.path()) == 2);
    CHECK(err.find("go together") != std::string::npos);
}

TEST_CASE("tls: the back office's cookies are Secure over HTTPS, and not over plain HTTP") {
    test::TempDir dir{"repere-tls"};
    const Pki pki = makePki(dir.path(), "agency");
    const std::string spec = "sqlite:" + (dir / "server.db").string();
    server::addWebUser(*server::openStorage(spec), "ALI Bondy", "awa", "counsellor",
                       "mot de passe awa", test::wallMs());
    // The log-in form's cookie, then the session's after a successful log-in.
    const auto cookies = [](test::WebClient& web) {
        web.logIn("awa", "mot de passe awa");
        REQUIRE(web.setCookies.size() == 2);
        return web.setCookies;
    };
    {
        test::ServerProcess tls(
            spec, 0, {"--tls-cert", pki.serverCert.string(), "--tls-key", pki.serverKey.string()});
        test::WebClient c("https://127.0.0.1:" + std::to_string(tls.port()));
        c.http.set_ca_cert_path(pki.caCert.string());
        for (const auto& cookie : cookies(c)) {
            INFO(cookie);
            CHECK(cookie.find("; Secure") != std::string::npos);
            CHECK(cookie.find("HttpOnly") != std::string::npos);
            CHECK(cookie.find("SameSite=Strict") != std::string::npos);
        }
    }
    test::ServerProcess plain(spec, 0);
    test::WebClient c(plain.port());
    for (const auto& cookie : cookies(c)) {
        INFO(cookie);
        CHECK(cookie.rfind("repere_", 0) == 0);
        CHECK(cookie.find("Secure") == std::string::npos); // a browser would not send it back
        CHECK(cookie.find("HttpOnly") != std::string::npos);
    }
}
