// The back office's routes on repere-server's HTTP server (same port, outside /api/v1):
//   GET/POST /login, POST /logout, GET /, GET /beneficiaires[?code=], GET /beneficiaires/CODE,
//   POST /beneficiaires/CODE/scores, GET /beneficiaires/CODE/bilan.pdf, GET /export.csv.
// Without a session every page redirects to /login; a code outside the user's agency is 404
// everywhere (the same answer as a code that does not exist); a form without its CSRF token is
// 403 and changes nothing.
#pragma once

#include "sync/server/storage.hpp"

#include <cstdint>
#include <functional>
#include <httplib.h>
#include <string>

namespace repere::sync::server::web {

struct BackOfficeOptions {
    bool secureCookies = false; // served over TLS
    std::string quizzesDir;     // packages the attempts are read with (levels, item texts)
    std::function<std::int64_t()> nowMs;
};

void addBackOfficeRoutes(httplib::Server& server, Storage& storage,
                         const BackOfficeOptions& options);

} // namespace repere::sync::server::web
