// Per-key token bucket (per device for the API, per address for enrolment): a kiosk stuck in a
// retry loop, or someone guessing codes, gets 429 instead of the server's full attention.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace repere::sync::server {

class RateLimiter {
public:
    // perMinute requests on average, bursts up to perMinute; perMinute <= 0 disables the limit.
    explicit RateLimiter(int perMinute) : perMinute_(perMinute) {}
    bool allow(const std::string& key, std::int64_t nowMs);

private:
    struct Bucket {
        double tokens = 0;
        std::int64_t lastMs = 0;
    };
    int perMinute_;
    std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
};

} // namespace repere::sync::server
