// When and how long a sync round waits before sending a failed request again (issue 14,
// "reliability under a bad link"). A bad link fails one connection, not the next: a request
// that got no reply, a 5xx, a 429 or a body that is not ours (captive portal) is sent again up
// to `retries` times, after about 1 s, 2 s, 4 s with jitter; a 429 waits its Retry-After,
// bounded. Resending is safe: a batch keeps its id and the server replays its stored reply.
#pragma once

#include "sync/client/http_transport.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace repere::sync {

struct RetryPolicy {
    int retries = 3; // sends after the first one, per request
    std::vector<std::chrono::milliseconds> backoff{std::chrono::milliseconds(1000),
                                                   std::chrono::milliseconds(2000),
                                                   std::chrono::milliseconds(4000)};
    double jitter = 0.25;                   // each wait is backoff * (1 ± jitter)
    std::chrono::seconds maxRetryAfter{60}; // a server cannot park the kiosk longer
    // Waits, or returns false at once when the round is cancelled. Empty: the client waits on
    // its cancel token (cut by cancel()). Tests inject one that only records the delays.
    std::function<bool(std::chrono::milliseconds)> sleep;
};

// How long to wait before sending again a request whose outcome failed (no reply, a status
// other than 200, or a 200 whose body did not parse), or nullopt when sending again cannot
// help (401, 400, 413..., or cancelled). `retry` counts from 0.
std::optional<std::chrono::milliseconds>
retryDelay(const RetryPolicy& policy, const HttpOutcome& failed, int retry, std::mt19937& rng);

// Retry-After in seconds (RFC 9110 also allows a date; we then fall back to the back-off).
std::optional<std::chrono::seconds> parseRetryAfter(const std::string& header);

} // namespace repere::sync
