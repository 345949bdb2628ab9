// repere-server's HTTP(S) front: routes, authentication, limits and error replies over a Storage.
// Tests run it in-process on 127.0.0.1 with port 0 (an ephemeral port) and stop it in a guard.
#pragma once

#include "sync/server/storage.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace repere::sync::server {

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 0; // 0: any free port (see HttpServer::port())
    std::string tlsCert;
    std::string tlsKey;
    bool insecureHttp = false;    // allow plain HTTP on a non-loopback address
    int rateLimitPerMinute = 600; // per device; enrolment and bad tokens: per address, a tenth
    // Reverse proxies whose X-Forwarded-For is believed (see client_address.hpp).
    std::vector<std::string> trustedProxies;
    std::function<std::int64_t()> nowMs; // clock (defaults to the system clock)
    // Back office (issue 18): quiz packages the pages read attempts with (levels, item texts).
    std::string quizzesDir;
    // Recordings a device may upload per day (UTC), in bytes (`--upload-budget-mb`).
    std::int64_t uploadBudgetBytesPerDay = 200'000'000;
    // One line per request (request_log.hpp); empty: requests are not logged (tests).
    std::function<void(const std::string&)> requestLog;
};

// nullopt when the options may be served; otherwise the reason they may not (plain HTTP on a
// non-loopback address without --insecure-http, a certificate without a key, ...).
std::optional<std::string> refuseReason(const ServerOptions& options);
bool isLoopback(const std::string& host);

class HttpServer {
public:
    HttpServer(Storage& storage, ServerOptions options);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds the socket; throws std::runtime_error with the reason when it cannot.
    void bind();
    int port() const;
    // Serves until stop() (blocking).
    void listen();
    // Serves on a background thread (tests).
    void start();
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace repere::sync::server
