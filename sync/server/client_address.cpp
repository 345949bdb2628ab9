#include "sync/server/client_address.hpp"

#include <algorithm>

namespace repere::sync::server {
namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// An IPv4 or IPv6 address in text form (no port, no host name): the only thing a limiter key
// taken from a header may be.
bool looksLikeAddress(const std::string& s) {
    return !s.empty() && s.size() <= 45 && std::all_of(s.begin(), s.end(), [](unsigned char c) {
        return std::isxdigit(c) || c == '.' || c == ':';
    });
}

bool trusted(const std::string& addr, const std::vector<std::string>& proxies) {
    return std::find(proxies.begin(), proxies.end(), addr) != proxies.end();
}

} // namespace

std::string clientAddress(const std::string& remoteAddr, const std::string& forwardedFor,
                          const std::vector<std::string>& trustedProxies) {
    if (forwardedFor.empty() || !trusted(remoteAddr, trustedProxies))
        return remoteAddr;
    // Each proxy appends the address it saw: walk from the right past our own proxies.
    std::vector<std::string> hops;
    std::size_t start = 0;
    for (;;) {
        const auto comma = forwardedFor.find(',', start);
        hops.push_back(trim(forwardedFor.substr(start, comma - start)));
        if (comma == std::string::npos)
            break;
        start = comma + 1;
        if (hops.size() > 32) // a header made to cost us time: believe nothing
            return remoteAddr;
    }
    for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
        if (!looksLikeAddress(*it))
            return remoteAddr;
        if (!trusted(*it, trustedProxies))
            return *it;
    }
    return remoteAddr;
}

} // namespace repere::sync::server
