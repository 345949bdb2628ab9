#include "sync/server/rate_limiter.hpp"

#include <algorithm>
#include <vector>

namespace repere::sync::server {

void RateLimiter::evict(std::int64_t nowMs) {
    // A bucket idle for a whole minute has refilled completely: forgetting it changes nothing.
    for (auto it = buckets_.begin(); it != buckets_.end();)
        it = nowMs - it->second.lastMs >= 60000 ? buckets_.erase(it) : std::next(it);
    if (buckets_.size() < maxKeys_)
        return;
    // Still full of recent keys (a flood of addresses): keep the most recent half. Amortised, as
    // the next sweep is maxKeys/2 new keys away.
    std::vector<std::int64_t> times;
    times.reserve(buckets_.size());
    for (const auto& [key, b] : buckets_)
        times.push_back(b.lastMs);
    auto middle = times.begin() + static_cast<std::ptrdiff_t>(times.size() / 2);
    std::nth_element(times.begin(), middle, times.end());
    const std::int64_t cutoff = *middle;
    for (auto it = buckets_.begin(); it != buckets_.end();)
        it = it->second.lastMs <= cutoff ? buckets_.erase(it) : std::next(it);
}

bool RateLimiter::allow(const std::string& key, std::int64_t nowMs) {
    if (perMinute_ <= 0)
        return true;
    std::lock_guard lock(mutex_);
    if (buckets_.size() >= maxKeys_ && buckets_.find(key) == buckets_.end())
        evict(nowMs);
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

std::size_t RateLimiter::size() {
    std::lock_guard lock(mutex_);
    return buckets_.size();
}

} // namespace repere::sync::server
