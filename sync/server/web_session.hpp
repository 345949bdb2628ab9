// Who is looking at a back-office page: the session cookie (HttpOnly, SameSite=Strict, Secure
// under TLS; only its hash is stored, idle after 30 minutes) and the CSRF token every form
// carries. The log-in form, before any session, uses a double-submit cookie for the same purpose.
#pragma once

#include "sync/server/storage.hpp"

#include <cstdint>
#include <httplib.h>
#include <optional>
#include <string>

namespace repere::sync::server::web {

inline constexpr std::int64_t kIdleMs = 30 * 60 * 1000;
inline constexpr const char* kSessionCookie = "repere_session";
inline constexpr const char* kLoginCookie = "repere_login";

struct Visitor {
    WebUser user;
    WebSession session;
    // The agency whose records the user may see; nullopt for a coordinator (every agency).
    std::optional<std::string> scope() const {
        if (user.role == "coordinator")
            return std::nullopt;
        return user.agency;
    }
};

// The value of cookie `name` in the request, "" when absent.
std::string cookie(const httplib::Request& req, const std::string& name);
// A Set-Cookie value; an empty value with maxAge 0 deletes the cookie.
std::string cookieHeader(const std::string& name, const std::string& value, bool secure,
                         int maxAgeSeconds = -1);

std::optional<Visitor> currentVisitor(Storage& storage, const httplib::Request& req,
                                      std::int64_t nowMs);
// A new session for `user`: returns the cookie's value (stored only as its hash).
std::string startSession(Storage& storage, const WebUser& user, std::int64_t nowMs);
// True when the form's "csrf" field equals `expected` (constant-time comparison).
bool csrfMatches(const httplib::Request& req, const std::string& expected);

} // namespace repere::sync::server::web
