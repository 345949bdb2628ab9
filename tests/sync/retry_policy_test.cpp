// When a failed request is sent again, and after how long (sync/client/retry.hpp): the back-off
// of about 1 s, 2 s, 4 s with jitter, a 429's Retry-After bounded, no retry of what cannot get
// better, and a back-off that a cancel cuts at once.
#include "sync/client/retry.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <thread>

using namespace repere::sync;
using namespace std::chrono;

namespace {

HttpOutcome status(int code, std::string retryAfter = {}) {
    return HttpOutcome{HttpReply{code, "", "application/json", std::move(retryAfter)}, {}};
}
HttpOutcome noReply(std::string why = "connection cut while reading the reply") {
    return HttpOutcome{std::nullopt, std::move(why)};
}

} // namespace

TEST_CASE("retry: a link failure waits about 1 s, 2 s, 4 s with jitter, then gives up") {
    RetryPolicy p;
    std::mt19937 rng(42);
    for (int k = 0; k < 50; ++k) {
        const auto d0 = retryDelay(p, noReply(), 0, rng), d1 = retryDelay(p, noReply(), 1, rng),
                   d2 = retryDelay(p, noReply(), 2, rng);
        REQUIRE(d0);
        REQUIRE(d1);
        REQUIRE(d2);
        CHECK(d0->count() >= 750);
        CHECK(d0->count() <= 1250);
        CHECK(d1->count() >= 1500);
        CHECK(d1->count() <= 2500);
        CHECK(d2->count() >= 3000);
        CHECK(d2->count() <= 5000);
    }
    CHECK_FALSE(retryDelay(p, noReply(), 3, rng)); // 3 retries, then the schedule takes over
    // Jitter: not every kiosk waits the same.
    std::set<std::int64_t> seen;
    for (int k = 0; k < 20; ++k)
        seen.insert(retryDelay(p, noReply(), 0, rng)->count());
    CHECK(seen.size() > 5);
}

TEST_CASE("retry: what is worth sending again and what is not") {
    RetryPolicy p;
    std::mt19937 rng(1);
    CHECK(retryDelay(p, status(500), 0, rng));
    CHECK(retryDelay(p, status(502), 0, rng));
    CHECK(retryDelay(p, status(503), 0, rng));
    CHECK(retryDelay(p, status(200), 0, rng)); // a captive portal's page: not our reply
    CHECK(retryDelay(p, status(302), 0, rng)); // a captive portal's redirect
    CHECK(retryDelay(p, status(408), 0, rng));
    CHECK_FALSE(retryDelay(p, status(400), 0, rng));
    CHECK_FALSE(retryDelay(p, status(401), 0, rng)); // enrol again, no amount of waiting helps
    CHECK_FALSE(retryDelay(p, status(413), 0, rng));
    CHECK_FALSE(retryDelay(p, noReply("sync cancelled"), 0, rng));
}

TEST_CASE("retry: a 429 waits its Retry-After, bounded to 60 s") {
    RetryPolicy p;
    std::mt19937 rng(7);
    CHECK(retryDelay(p, status(429, "5"), 0, rng) == milliseconds(5000));
    CHECK(retryDelay(p, status(429, " 12 "), 2, rng) == milliseconds(12000));
    CHECK(retryDelay(p, status(429, "3600"), 0, rng) == milliseconds(60000));
    CHECK(retryDelay(p, status(429, "99999999999999"), 0, rng)->count() <= 1250); // unreadable
    // A date (allowed by HTTP) or nothing: the ordinary back-off.
    const auto d = retryDelay(p, status(429, "Wed, 21 Oct 2026 07:28:00 GMT"), 0, rng);
    REQUIRE(d);
    CHECK(d->count() <= 1250);
    CHECK(retryDelay(p, status(429), 1, rng)->count() >= 1500);
    CHECK_FALSE(retryDelay(p, status(429, "5"), 3, rng));
    CHECK(parseRetryAfter("7") == seconds(7));
    CHECK_FALSE(parseRetryAfter("-1"));
    CHECK_FALSE(parseRetryAfter(""));
}

TEST_CASE("retry: cancelling cuts a back-off at once") {
    CancelToken token;
    const auto t0 = steady_clock::now();
    std::thread canceller([&] {
        std::this_thread::sleep_for(milliseconds(100));
        token.cancel();
    });
    CHECK_FALSE(token.sleepFor(seconds(10)));
    canceller.join();
    CHECK(steady_clock::now() - t0 < seconds(2));
    CHECK_FALSE(token.sleepFor(seconds(10))); // already cancelled: no wait at all
    CancelToken idle;
    CHECK(idle.sleepFor(milliseconds(20))); // not cancelled: the wait runs to its end
}
