// The one place the client touches HTTP: a request goes out, a status and body come back, or a
// transport error. Fresh connection per request (no keep-alive: a captive portal or a dropped
// link must not poison the next request), TLS verification always on, optional CA pin.
#pragma once

#include "sync/client/sync_error.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace repere::sync {

struct HttpReply {
    int status = 0;
    std::string body;
    std::string contentType;
    std::string retryAfter; // the Retry-After header of a 429 or 503 (empty: none)
};

struct HttpOutcome {
    std::optional<HttpReply> reply; // nullopt: no reply (refused, cut, timed out, TLS failure)
    std::string error;              // why there is no reply
    SyncErrorKind errorKind = SyncErrorKind::None; // its kind (Network, Certificate, Cancelled...)
};

// Lets another thread stop a sync promptly (the kiosk closing): cancel() refuses every request
// from then on and cuts the one in flight, whose outcome becomes an error. Shared by the
// transport (which registers its in-flight request) and whoever may need to stop it.
class CancelToken {
public:
    void cancel();
    bool cancelled() const { return cancelled_.load(); }
    // Waits `d` (a retry's back-off); returns false at once, or as soon as cancel() is called.
    bool sleepFor(std::chrono::milliseconds d);

    // Transport side: `stop` cuts the request now in flight; false when already cancelled.
    bool attach(std::function<void()> stop);
    void detach();

private:
    std::atomic<bool> cancelled_{false};
    std::mutex mutex_;
    std::condition_variable wake_;
    std::function<void()> stopInFlight_;
};

struct TransportOptions {
    std::string baseUrl; // http://127.0.0.1:8080 or https://sync.example.org
    std::string caFile;  // PEM: trust only this CA (agency pin); empty: the system's CAs
    std::string token;   // bearer token (empty: none)
    std::chrono::seconds connectTimeout{10};
    std::chrono::seconds readTimeout{60};
    std::shared_ptr<CancelToken> cancel; // may be null
};

class HttpTransport {
public:
    explicit HttpTransport(TransportOptions options);
    HttpOutcome get(const std::string& path) const;
    HttpOutcome post(const std::string& path, const std::string& body,
                     const std::string& contentType) const;
    HttpOutcome put(const std::string& path, const std::string& body,
                    const std::string& contentType) const;
    const TransportOptions& options() const { return options_; }

private:
    TransportOptions options_;
};

} // namespace repere::sync
