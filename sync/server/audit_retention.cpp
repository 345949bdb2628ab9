#include "sync/server/audit_retention.hpp"

#include "sync/server/admin.hpp"

#include <exception>

namespace repere::sync::server {

namespace {
constexpr std::int64_t kDayMs = 86'400'000;

std::int64_t systemNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}
} // namespace

AuditRetention::AuditRetention(Storage& storage, AuditRetentionOptions options)
    : storage_(storage), options_(std::move(options)) {
    if (!options_.nowMs)
        options_.nowMs = systemNowMs;
    if (!options_.log)
        options_.log = [](const std::string&) {
        };
}

AuditRetention::~AuditRetention() {
    stop();
}

void AuditRetention::pass() {
    const std::int64_t now = options_.nowMs();
    try {
        if (const auto n = applyAuditRetention(storage_, options_.keepDays, now); n > 0)
            options_.log("retention: " + std::to_string(n) + " audit lines removed (older than " +
                         std::to_string(options_.keepDays) + " days)");
    } catch (const std::exception& e) {
        // The next check tries again; the server goes on serving meanwhile.
        options_.log(std::string("retention: ") + e.what());
    }
    std::lock_guard lock(mutex_);
    lastPassMs_ = now;
    ++passes_;
    counted_.notify_all();
}

void AuditRetention::start() {
    if (options_.keepDays < 0 || thread_.joinable())
        return;
    pass(); // before the server listens: a start always leaves the rule applied
    thread_ = std::thread([this] { run(); });
}

void AuditRetention::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait_for(lock, options_.checkEvery, [this] { return stopping_; });
        if (stopping_)
            return;
        ++checks_;
        counted_.notify_all();
        const bool due = options_.nowMs() - lastPassMs_ >= kDayMs;
        if (!due)
            continue;
        lock.unlock();
        pass();
        lock.lock();
    }
}

void AuditRetention::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable())
        thread_.join();
}

int AuditRetention::passes() const {
    std::lock_guard lock(mutex_);
    return passes_;
}

bool AuditRetention::waitPasses(int n, std::chrono::milliseconds guard) {
    std::unique_lock lock(mutex_);
    return counted_.wait_for(lock, guard, [&] { return passes_ >= n; });
}

bool AuditRetention::waitChecks(int n, std::chrono::milliseconds guard) {
    std::unique_lock lock(mutex_);
    return counted_.wait_for(lock, guard, [&] { return checks_ >= n; });
}

} // namespace repere::sync::server
