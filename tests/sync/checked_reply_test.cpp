// Issue 14: the sync client's retry loop parses each reply body once and hands that result to
// the caller (it used to parse it to decide whether to retry, then again to use it).
#include "sync/client/checked_reply.hpp"
#include "sync/protocol/wire.hpp"

#include <catch2/catch.hpp>
#include <vector>

using namespace repere::sync;

namespace {

HttpOutcome reply(int status, std::string body, std::string type = "application/json") {
    return HttpOutcome{HttpReply{status, std::move(body), std::move(type), {}}, {}};
}

// Plays `outcomes` in turn, as SyncClient::sendRetried does: stops at the first good one.
RetriedSend playing(std::vector<HttpOutcome> outcomes) {
    return [outcomes](const std::function<bool(const HttpOutcome&)>& good) {
        for (const auto& o : outcomes)
            if (good(o))
                return o;
        return outcomes.back();
    };
}

} // namespace

TEST_CASE("sync client: each reply body is parsed once through the retries", "[sync][retry]") {
    int parses = 0;
    const auto parse = [&](const std::string& body) {
        ++parses;
        Parsed<int> p;
        if (body == "42")
            p.value = 42;
        else
            p.error = "not a number";
        return p;
    };
    // A captive portal's page, a 503, then the real reply: three bodies, three parses at most
    // (the 503 is not parsed at all), and the caller gets the value without parsing again.
    const auto r = expectRetried<int>(playing({reply(200, "<html>portal</html>", "text/html"),
                                               reply(503, "busy"), reply(200, "42")}),
                                      parse);
    REQUIRE(r.value);
    CHECK(*r.value == 42);
    CHECK(parses == 2);

    parses = 0;
    const auto failed = expectRetried<int>(playing({reply(200, "nope")}), parse);
    CHECK(!failed.value);
    CHECK(parses == 1);
    CHECK(failed.error.find("unexpected reply") != std::string::npos);

    const auto cancelled = expectRetried<int>(
        [](const auto&) {
            return HttpOutcome{std::nullopt, "sync cancelled"};
        },
        parse);
    CHECK(cancelled.error == "sync cancelled");
}
