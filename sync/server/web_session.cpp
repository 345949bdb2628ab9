#include "sync/server/web_session.hpp"

#include "sync/protocol/digest.hpp"

#include <sodium.h>

namespace repere::sync::server::web {

std::string cookie(const httplib::Request& req, const std::string& name) {
    const std::string header = req.get_header_value("Cookie");
    std::size_t pos = 0;
    while (pos < header.size()) {
        auto end = header.find(';', pos);
        if (end == std::string::npos)
            end = header.size();
        auto part = header.substr(pos, end - pos);
        const auto first = part.find_first_not_of(' ');
        part = first == std::string::npos ? "" : part.substr(first);
        if (part.rfind(name + "=", 0) == 0)
            return part.substr(name.size() + 1);
        pos = end + 1;
    }
    return "";
}

std::string cookieHeader(const std::string& name, const std::string& value, bool secure,
                         int maxAgeSeconds) {
    std::string out = name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
    if (secure)
        out += "; Secure";
    if (maxAgeSeconds >= 0)
        out += "; Max-Age=" + std::to_string(maxAgeSeconds);
    return out;
}

std::optional<Visitor> currentVisitor(Storage& storage, const httplib::Request& req,
                                      std::int64_t nowMs) {
    const auto id = cookie(req, kSessionCookie);
    if (id.size() != 64 || id.find_first_not_of("0123456789abcdef") != std::string::npos)
        return std::nullopt;
    auto session = storage.useWebSession(sha256Hex(id), nowMs, kIdleMs);
    if (!session)
        return std::nullopt;
    auto user = storage.webUser(session->userName);
    if (!user)
        return std::nullopt;
    return Visitor{*user, *session};
}

std::string startSession(Storage& storage, const WebUser& user, std::int64_t nowMs) {
    const std::string id = newToken();
    storage.createWebSession({sha256Hex(id), user.name, newToken(), nowMs, nowMs});
    return id;
}

bool csrfMatches(const httplib::Request& req, const std::string& expected) {
    const std::string given = req.get_param_value("csrf");
    return !expected.empty() && given.size() == expected.size() &&
           sodium_memcmp(given.data(), expected.data(), given.size()) == 0;
}

} // namespace repere::sync::server::web
