// The address a request came from, for rate limits and the audit log. Behind a reverse proxy
// (a local TLS terminator) every kiosk arrives from the proxy's address, so the proxy's
// X-Forwarded-For is believed — but only when the connection comes from an address listed with
// --trusted-proxy: anyone else could write that header to pick a fresh rate-limit budget.
#pragma once

#include <string>
#include <vector>

namespace repere::sync::server {

// remoteAddr: the TCP peer; forwardedFor: the X-Forwarded-For header (may be empty).
// The result is the right-most X-Forwarded-For entry that is not itself a trusted proxy, when
// remoteAddr is trusted; otherwise remoteAddr. Malformed entries are never believed.
std::string clientAddress(const std::string& remoteAddr, const std::string& forwardedFor,
                          const std::vector<std::string>& trustedProxies);

} // namespace repere::sync::server
