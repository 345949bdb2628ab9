// A real repere-server (HttpServer + Storage of the executable's backend) on 127.0.0.1 with an
// ephemeral port, stopped at scope exit.
#pragma once

#include "support/backend.hpp"
#include "sync/server/admin.hpp"
#include "sync/server/http_server.hpp"

#include <chrono>
#include <memory>
#include <string>

namespace repere::test {

inline std::int64_t wallMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

struct ServerFixture {
    TempDir dir;
    std::unique_ptr<sync::server::Storage> storage;
    std::unique_ptr<sync::server::HttpServer> http;

    explicit ServerFixture(sync::server::ServerOptions options = {}) {
        storage = freshStorage(dir);
        options.host = "127.0.0.1";
        options.port = 0;
        http = std::make_unique<sync::server::HttpServer>(*storage, options);
        http->start();
    }
    ~ServerFixture() { http->stop(); }

    int port() const { return http->port(); }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port()); }
    std::string newCode(const std::string& agency = "ALI Bondy") {
        return sync::server::createEnrolCode(*storage, agency, wallMs());
    }
};

} // namespace repere::test
