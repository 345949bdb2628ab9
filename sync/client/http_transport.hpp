// The one place the client touches HTTP: a request goes out, a status and body come back, or a
// transport error. Fresh connection per request (no keep-alive: a captive portal or a dropped
// link must not poison the next request), TLS verification always on, optional CA pin.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>

namespace repere::sync {

struct HttpReply {
    int status = 0;
    std::string body;
    std::string contentType;
};

struct HttpOutcome {
    std::optional<HttpReply> reply; // nullopt: no reply (refused, cut, timed out, TLS failure)
    std::string error;              // why there is no reply
};

struct TransportOptions {
    std::string baseUrl;   // http://127.0.0.1:8080 or https://sync.example.org
    std::string caFile;    // PEM: trust only this CA (agency pin); empty: the system's CAs
    std::string token;     // bearer token (empty: none)
    std::chrono::seconds connectTimeout{10};
    std::chrono::seconds readTimeout{60};
};

class HttpTransport {
public:
    explicit HttpTransport(TransportOptions options);
    HttpOutcome get(const std::string& path) const;
    HttpOutcome post(const std::string& path, const std::string& body, const std::string& contentType) const;
    HttpOutcome put(const std::string& path, const std::string& body, const std::string& contentType) const;
    const TransportOptions& options() const { return options_; }

private:
    TransportOptions options_;
};

} // namespace repere::sync
