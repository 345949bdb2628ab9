#include "sync/client/http_transport.hpp"

#include <httplib.h>
#include <sys/socket.h>
#include <unistd.h>

namespace repere::sync {
namespace {

SyncErrorKind kindOf(httplib::Error e) {
    switch (e) {
    case httplib::Error::SSLConnection:
    case httplib::Error::SSLServerVerification:
    case httplib::Error::SSLLoadingCerts:
        return SyncErrorKind::Certificate;
    case httplib::Error::Canceled:
        return SyncErrorKind::Cancelled;
    default:
        return SyncErrorKind::Network;
    }
}

std::string describe(httplib::Error e) {
    switch (e) {
    case httplib::Error::Connection:
        return "cannot connect to the server";
    case httplib::Error::Read:
        return "connection cut while reading the reply";
    case httplib::Error::Write:
        return "connection cut while sending";
    case httplib::Error::ConnectionTimeout:
        return "connection timed out";
    case httplib::Error::SSLConnection:
        return "TLS handshake failed";
    case httplib::Error::SSLServerVerification:
        return "server certificate not trusted (if the agency runs its own CA, enrol with --ca "
               "CA-FILE to pin it)";
    case httplib::Error::SSLLoadingCerts:
        return "cannot load the CA file";
    default:
        return "network error (" + httplib::to_string(e) + ")";
    }
}

// The socket of a request still connecting, so a cancel can cut the connect. cpp-httplib's
// Client::stop() only reaches a socket once connected: a SYN nobody answers (server down behind a
// router, a half-dead link) kept stop() waiting for the whole connect timeout. The socket is
// handed to us before connect() (set_socket_options); we keep our own duplicate of its descriptor,
// so the number cannot be reused by another open() before we close it, and shutdown() on it
// aborts a connect in progress on Linux (the poll in cpp-httplib wakes with an error).
class ConnectingSocket {
public:
    ~ConnectingSocket() { reset(-1); }
    void adopt(int fd) { // called by cpp-httplib on its thread, once per address tried
        std::lock_guard<std::mutex> lock(mutex_);
        reset(::dup(fd));
        if (cut_ && dup_ >= 0)
            ::shutdown(dup_, SHUT_RDWR);
    }
    void cut() {
        std::lock_guard<std::mutex> lock(mutex_);
        cut_ = true;
        if (dup_ >= 0)
            ::shutdown(dup_, SHUT_RDWR);
    }

private:
    void reset(int fd) {
        if (dup_ >= 0)
            ::close(dup_);
        dup_ = fd;
    }
    std::mutex mutex_;
    int dup_ = -1;
    bool cut_ = false;
};

template <typename Call> HttpOutcome run(const TransportOptions& o, Call call) {
    HttpOutcome out;
    try {
        httplib::Client cli(o.baseUrl);
        if (!cli.is_valid()) {
            out.error = "invalid server URL: " + o.baseUrl;
            out.errorKind = SyncErrorKind::Other;
            return out;
        }
        cli.set_connection_timeout(o.connectTimeout);
        cli.set_read_timeout(o.readTimeout);
        cli.set_write_timeout(o.readTimeout);
        cli.set_keep_alive(false);
        cli.set_follow_location(
            false); // a redirect is what captive portals do: report it, never follow
        cli.enable_server_certificate_verification(true);
        if (!o.caFile.empty())
            cli.set_ca_cert_path(o.caFile.c_str());
        httplib::Headers headers;
        if (!o.token.empty())
            headers.emplace("Authorization", "Bearer " + o.token);
        // Client::stop() is the one call cpp-httplib allows from another thread: it shuts the
        // socket down and the request in flight fails at once; a connect in progress is cut
        // through our duplicate of its socket (ConnectingSocket).
        auto connecting = std::make_shared<ConnectingSocket>();
        if (o.cancel)
            cli.set_socket_options([connecting](socket_t fd) { connecting->adopt(fd); });
        if (o.cancel && !o.cancel->attach([&cli, connecting] {
                connecting->cut();
                cli.stop();
            })) {
            out.error = "sync cancelled";
            out.errorKind = SyncErrorKind::Cancelled;
            return out;
        }
        struct Detach { // the client dies with this scope: never leave it registered
            CancelToken* token;
            ~Detach() {
                if (token)
                    token->detach();
            }
        } detach{o.cancel.get()};
        httplib::Result res = call(cli, headers);
        if (!res) {
            const bool cancelled = o.cancel && o.cancel->cancelled();
            out.error = cancelled ? "sync cancelled" : describe(res.error());
            out.errorKind = cancelled ? SyncErrorKind::Cancelled : kindOf(res.error());
            return out;
        }
        out.reply = HttpReply{res->status, res->body, res->get_header_value("Content-Type"),
                              res->get_header_value("Retry-After")};
    } catch (const std::exception& e) {
        out.error = std::string("network error: ") + e.what();
        out.errorKind = SyncErrorKind::Network;
    }
    return out;
}

} // namespace

void CancelToken::cancel() {
    cancelled_.store(true);
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopInFlight_)
        stopInFlight_();
    wake_.notify_all();
}

bool CancelToken::sleepFor(std::chrono::milliseconds d) {
    std::unique_lock<std::mutex> lock(mutex_);
    return !wake_.wait_for(lock, d, [this] { return cancelled_.load(); });
}

bool CancelToken::attach(std::function<void()> stop) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (cancelled_.load())
        return false;
    stopInFlight_ = std::move(stop);
    return true;
}

void CancelToken::detach() {
    std::lock_guard<std::mutex> lock(mutex_);
    stopInFlight_ = nullptr;
}

HttpTransport::HttpTransport(TransportOptions options) : options_(std::move(options)) {
    while (!options_.baseUrl.empty() && options_.baseUrl.back() == '/')
        options_.baseUrl.pop_back();
}

HttpOutcome HttpTransport::get(const std::string& path) const {
    return run(options_, [&](httplib::Client& cli, const httplib::Headers& h) {
        return cli.Get(path.c_str(), h);
    });
}

HttpOutcome HttpTransport::post(const std::string& path, const std::string& body,
                                const std::string& type) const {
    return run(options_, [&](httplib::Client& cli, const httplib::Headers& h) {
        return cli.Post(path.c_str(), h, body, type.c_str());
    });
}

HttpOutcome HttpTransport::put(const std::string& path, const std::string& body,
                               const std::string& type) const {
    return run(options_, [&](httplib::Client& cli, const httplib::Headers& h) {
        return cli.Put(path.c_str(), h, body, type.c_str());
    });
}

} // namespace repere::sync
