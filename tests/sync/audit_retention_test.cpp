// The server's audit retention (issue 14, point 9) is applied when the server starts and then
// once a day, each pass audited with its count: the schedule with a fake clock (no waiting for a
// day), then the real repere-server with --keep-audit-days 30. On SQLite and PostgreSQL.
#include "support/backend.hpp"
#include "support/server_process.hpp"
#include "sync/server/audit_retention.hpp"

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>

using namespace repere;
using namespace repere::sync::server;

namespace {

constexpr std::int64_t kDay = 86'400'000;

bool hasDetail(Storage& s, const std::string& detail) {
    for (const auto& e : s.auditLog())
        if (e.detail == detail)
            return true;
    return false;
}

} // namespace

TEST_CASE("audit retention: a pass when the server starts, then one a day by the clock, each "
          "audited") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    std::atomic<std::int64_t> now{1'780'000'000'000};
    s->audit({now - 400 * kDay, "revoke", "dev-old", "old line"});
    s->audit({now - 364 * kDay - 1, "revoke", "dev-young", "young line"});

    AuditRetentionOptions o;
    o.keepDays = 365;
    o.nowMs = [&] {
        return now.load();
    };
    o.checkEvery = std::chrono::milliseconds(1);
    AuditRetention retention(*s, o);
    retention.start();
    // At start, before start() returns (the server listens only after it).
    CHECK(retention.passes() == 1);
    CHECK_FALSE(hasDetail(*s, "old line"));
    CHECK(hasDetail(*s, "young line"));
    CHECK(hasDetail(*s, "1 audit lines older than 365 days"));

    // The thread looks at the clock again and again; the day has not gone by: no pass.
    REQUIRE(retention.waitChecks(20));
    CHECK(retention.passes() == 1);
    CHECK(hasDetail(*s, "young line"));

    // A day later by the clock: the next pass removes the line that is now 365 days old.
    now += kDay;
    REQUIRE(retention.waitPasses(2));
    CHECK_FALSE(hasDetail(*s, "young line"));
    retention.stop();
    const auto log = s->auditLog();
    CHECK(std::count_if(log.begin(), log.end(),
                        [](const AuditEntry& e) { return e.event == "retention"; }) == 2);
}

TEST_CASE("audit retention: -1 keeps every line, and no thread runs") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    const std::int64_t now = 1'780'000'000'000;
    s->audit({now - 4000 * kDay, "revoke", "dev-old", "old line"});
    AuditRetentionOptions o;
    o.keepDays = -1;
    o.nowMs = [&] {
        return now;
    };
    AuditRetention retention(*s, o);
    retention.start();
    CHECK(retention.passes() == 0);
    CHECK(hasDetail(*s, "old line"));
}

TEST_CASE("repere-server --keep-audit-days 30 removes older audit lines as it starts") {
    test::TempDir dir;
    const std::string spec = test::freshDbSpec(dir);
    const auto wall = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
    {
        auto s = sync::server::openStorage(spec);
        s->audit({wall - 40 * kDay, "revoke", "dev-old", "forty days"});
        s->audit({wall - 20 * kDay, "revoke", "dev-young", "twenty days"});
    }
    // The first line ("listening on") is printed once the start pass is done.
    test::ServerProcess server(spec, 0, {"--keep-audit-days", "30"});
    auto s = sync::server::openStorage(spec);
    CHECK_FALSE(hasDetail(*s, "forty days"));
    CHECK(hasDetail(*s, "twenty days"));
    CHECK(hasDetail(*s, "1 audit lines older than 30 days"));
}
