// Per-key token bucket (per device for the API, per client address for enrolment and for
// requests without a valid token): a kiosk stuck in a retry loop, or someone guessing codes, gets
// 429 instead of the server's full attention.
//
// The map is bounded: a bucket untouched for a full refill period is identical to a fresh one and
// is dropped, and past maxKeys the least recently used buckets go, so a flood of new addresses
// cannot grow the server's memory without limit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace repere::sync::server {

class RateLimiter {
public:
    // perMinute requests on average, bursts up to perMinute; perMinute <= 0 disables the limit.
    explicit RateLimiter(int perMinute, std::size_t maxKeys = 10000)
        : perMinute_(perMinute), maxKeys_(maxKeys < 2 ? 2 : maxKeys) {}
    bool allow(const std::string& key, std::int64_t nowMs);
    std::size_t size();

private:
    struct Bucket {
        double tokens = 0;
        std::int64_t lastMs = 0;
    };
    void evict(std::int64_t nowMs); // with mutex_ held
    int perMinute_;
    std::size_t maxKeys_;
    std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
};

} // namespace repere::sync::server
