#include "sync/server/rate_limiter.hpp"

#include <algorithm>

namespace repere::sync::server {

bool RateLimiter::allow(const std::string& key, std::int64_t nowMs) {
    if (perMinute_ <= 0)
        return true;
    std::lock_guard lock(mutex_);
    auto [it, fresh] = buckets_.try_emplace(key);
    Bucket& b = it->second;
    if (fresh) {
        b.tokens = perMinute_;
        b.lastMs = nowMs;
    }
    const double refill = static_cast<double>(nowMs - b.lastMs) * perMinute_ / 60000.0;
    b.tokens = std::min<double>(perMinute_, b.tokens + std::max(0.0, refill));
    b.lastMs = std::max(b.lastMs, nowMs);
    if (b.tokens < 1.0)
        return false;
    b.tokens -= 1.0;
    return true;
}

} // namespace repere::sync::server
