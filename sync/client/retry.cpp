#include "sync/client/retry.hpp"

#include <algorithm>
#include <cctype>

namespace repere::sync {

std::optional<std::chrono::seconds> parseRetryAfter(const std::string& header) {
    std::string s = header;
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
        ++i;
    if (i == s.size() || s.size() - i > 9)
        return std::nullopt;
    long long v = 0;
    for (; i < s.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i])))
            return std::nullopt;
        v = v * 10 + (s[i] - '0');
    }
    return std::chrono::seconds(v);
}

std::optional<std::chrono::milliseconds>
retryDelay(const RetryPolicy& policy, const HttpOutcome& failed, int retry, std::mt19937& rng) {
    if (retry < 0 || retry >= policy.retries || policy.backoff.empty())
        return std::nullopt;
    if (!failed.reply && failed.error == "sync cancelled")
        return std::nullopt;
    if (failed.reply) {
        const int st = failed.reply->status;
        if (st == 429) {
            if (auto after = parseRetryAfter(failed.reply->retryAfter))
                return std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::min(*after, policy.maxRetryAfter));
        } else {
            // 200 here means a body that is not ours (a captive portal's page, a cut body);
            // 3xx is a portal's redirect; 408 and 5xx are the link or the server having a bad
            // moment. Any other 4xx says the request itself is refused: sending it again
            // cannot help.
            const bool transient = st == 200 || (st >= 300 && st < 400) || st == 408 || st >= 500;
            if (!transient)
                return std::nullopt;
        }
    }
    const auto base = policy.backoff[std::min<std::size_t>(static_cast<std::size_t>(retry),
                                                           policy.backoff.size() - 1)];
    // Jitter: 22 kiosks cut by the same outage must not all come back in the same second.
    std::uniform_real_distribution<double> spread(1.0 - policy.jitter, 1.0 + policy.jitter);
    return std::chrono::milliseconds(
        static_cast<std::int64_t>(static_cast<double>(base.count()) * spread(rng)));
}

} // namespace repere::sync
