// Issue 18, the back office's session rules through real HTTP on SQLite and PostgreSQL, with the
// server's clock injected (nothing sleeps): a session ends after 30 idle minutes and not before;
// wrong passwords on the log-in form lock the account, each lock longer than the last, and a
// locked account refuses even the right password until the lock ends. (Secure cookies under TLS:
// tls_test.cpp; a form without its CSRF token: web_access_test.cpp.)
#include "support/server_fixture.hpp"
#include "support/web_client.hpp"
#include "sync/server/web_session.hpp"
#include "sync/server/web_users.hpp"

#include <atomic>
#include <catch2/catch.hpp>

using namespace repere;
using namespace repere::sync::server;

namespace {

// A fixed clock the test moves by hand.
struct Clock {
    std::shared_ptr<std::atomic<std::int64_t>> ms =
        std::make_shared<std::atomic<std::int64_t>>(1'800'000'000'000);
    std::function<std::int64_t()> fn() const {
        return [ms = ms] {
            return ms->load();
        };
    }
    void advance(std::int64_t by) { *ms += by; }
};

ServerOptions clocked(const Clock& clock) {
    ServerOptions o;
    o.nowMs = clock.fn();
    return o;
}

} // namespace

TEST_CASE("back office: a session ends after 30 idle minutes, and each page view restarts them") {
    INFO(test::backendName());
    Clock clock;
    test::ServerFixture srv(clocked(clock));
    addWebUser(*srv.storage, "ALI Bondy", "awa", "counsellor", "mot de passe awa",
               clock.ms->load());
    test::WebClient v(srv.port());
    REQUIRE(v.tryLogIn("awa", "mot de passe awa")->status == 303);
    CHECK(v.get("/")->status == 200);
    clock.advance(web::kIdleMs - 1000); // 29 min 59 s idle: still signed in, and the count restarts
    CHECK(v.get("/")->status == 200);
    clock.advance(web::kIdleMs - 1000);
    CHECK(v.get("/beneficiaires")->status == 200);
    clock.advance(web::kIdleMs + 1); // 30 min and 1 ms without a request: signed out
    auto res = v.get("/");
    CHECK(res->status == 303);
    CHECK(res->get_header_value("Location") == "/login");
    clock.advance(1000); // and the session does not come back
    CHECK(v.get("/beneficiaires")->status == 303);
}

TEST_CASE("back office: wrong passwords on the log-in form lock the account, each lock longer") {
    INFO(test::backendName());
    Clock clock;
    test::ServerFixture srv(clocked(clock));
    addWebUser(*srv.storage, "ALI Bondy", "awa", "counsellor", "mot de passe awa",
               clock.ms->load());
    test::WebClient v(srv.port());
    for (int k = 1; k < kFailuresBeforeLock; ++k)
        CHECK(v.tryLogIn("awa", "pas le bon")->status == 401);
    auto locked = v.tryLogIn("awa", "pas le bon");
    CHECK(locked->status == 429);
    CHECK(locked->body.find("Trop d") != std::string::npos); // "Trop d'essais", escaped
    CHECK(v.session.empty());
    // Locked: the right password is refused too, until the first lock (1 min) ends.
    CHECK(v.tryLogIn("awa", "mot de passe awa")->status == 429);
    clock.advance(kFirstLockMs - 1000);
    CHECK(v.tryLogIn("awa", "mot de passe awa")->status == 429);
    clock.advance(2000);
    // The lock ended; five more wrong passwords lock it again, twice as long.
    for (int k = 1; k < kFailuresBeforeLock; ++k)
        CHECK(v.tryLogIn("awa", "pas le bon")->status == 401);
    CHECK(v.tryLogIn("awa", "pas le bon")->status == 429);
    clock.advance(kFirstLockMs + 1000); // the first lock's length is not enough now
    CHECK(v.tryLogIn("awa", "mot de passe awa")->status == 429);
    clock.advance(kFirstLockMs);
    auto in = v.tryLogIn("awa", "mot de passe awa");
    CHECK(in->status == 303);
    CHECK(v.session.size() == 64);
    CHECK(v.get("/")->status == 200);
    int locks = 0;
    for (const auto& e : srv.storage->auditLog())
        locks += e.event == "web-login-locked";
    CHECK(locks == 3); // the three refusals while locked
}
