// Routes of API v1 (see sync/protocol/wire.hpp for the list) and the checks in front of them.
// Order of checks for authenticated routes: token -> rate limit -> body shape -> storage, so a
// request that fails any of them has changed nothing.
#include "sync/server/http_server.hpp"

#include "sync/protocol/digest.hpp"
#include "sync/protocol/gzip.hpp"
#include "sync/protocol/json_limits.hpp"
#include "sync/server/client_address.hpp"
#include "sync/server/rate_limiter.hpp"
#include "sync/server/request_log.hpp"
#include "sync/server/web_routes.hpp"

#include <chrono>
#include <httplib.h>
#include <iostream>
#include <stdexcept>
#include <thread>

namespace repere::sync::server {
namespace {

std::int64_t systemNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void replyJson(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    res.set_content(body.dump(), "application/json");
}

void replyError(httplib::Response& res, int status, const std::string& code,
                const std::string& reason) {
    replyJson(res, status, toJson(ErrorReply{code, reason}));
}

std::optional<std::int64_t> parseInt(const std::string& s) {
    if (s.empty() || s.size() > 18)
        return std::nullopt;
    std::int64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

// The largest body a route may carry, checked from Content-Length before httplib reads a byte
// of it: enrolment is one code and one name, and nothing else but batches and blob chunks takes
// a body. Batches and chunks (nullopt here) keep httplib's payload limit, which reads and answers
// 413 the same way as before, and their own caps in the handlers.
std::optional<std::size_t> bodyLimit(const std::string& method, const std::string& path) {
    const std::string api = kApiPrefix;
    if (method == "POST" && path.rfind(api + "/batches/", 0) == 0)
        return std::nullopt;
    if (method == "PUT" && path.rfind(api + "/blobs/", 0) == 0)
        return std::nullopt;
    if (method == "POST" && path == api + "/enrol")
        return kMaxEnrolBodyBytes;
    return kMaxSmallBodyBytes;
}

} // namespace

bool isLoopback(const std::string& host) {
    return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

std::optional<std::string> refuseReason(const ServerOptions& o) {
    if (o.tlsCert.empty() != o.tlsKey.empty())
        return "--tls-cert and --tls-key go together";
    const bool tls = !o.tlsCert.empty();
    if (!tls && !isLoopback(o.host) && !o.insecureHttp)
        return "refusing plain HTTP on " + o.host +
               ": device tokens and results would cross the network unencrypted. Give --tls-cert "
               "and --tls-key, "
               "listen on 127.0.0.1 behind a TLS proxy, or pass --insecure-http if you really mean "
               "it";
    return std::nullopt;
}

struct HttpServer::Impl {
    Storage& storage;
    ServerOptions options;
    std::unique_ptr<httplib::Server> http;
    RateLimiter deviceLimiter;
    RateLimiter enrolLimiter;
    RateLimiter addressLimiter; // requests without a valid token, per client address
    int boundPort = -1;
    socket_t listenSocket = INVALID_SOCKET; // the last socket cpp-httplib created to listen on
    std::thread thread;

    Impl(Storage& s, ServerOptions o)
        : storage(s), options(std::move(o)), deviceLimiter(options.rateLimitPerMinute),
          enrolLimiter(options.rateLimitPerMinute > 0 ? std::max(1, options.rateLimitPerMinute / 10)
                                                      : 0),
          addressLimiter(
              options.rateLimitPerMinute > 0 ? std::max(1, options.rateLimitPerMinute / 10) : 0) {
        if (!options.nowMs)
            options.nowMs = systemNowMs;
        if (options.tlsCert.empty()) {
            http = std::make_unique<httplib::Server>();
        } else {
            auto tls = std::make_unique<httplib::SSLServer>(options.tlsCert.c_str(),
                                                            options.tlsKey.c_str());
            if (!tls->is_valid())
                throw std::runtime_error("cannot load TLS certificate or key");
            http = std::move(tls);
        }
        // cpp-httplib's default also sets SO_REUSEPORT, which lets a second repere-server (with
        // another database!) bind the same port and silently take half the kiosks. Keep only
        // SO_REUSEADDR (a restart may rebind at once); a second server now fails to bind.
        http->set_socket_options([this](socket_t sock) {
            listenSocket = sock;
            int yes = 1;
            ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const void*>(&yes),
                         sizeof yes);
        });
        routes();
    }

    std::int64_t now() const { return options.nowMs(); }

    UploadRules uploadRules() const {
        UploadRules r;
        r.dailyBytes = options.uploadBudgetBytesPerDay;
        return r;
    }

    void replyRefusal(httplib::Response& res, const Device& device, const std::string& sha,
                      UploadRefusal why) {
        switch (why) {
        case UploadRefusal::NotReferenced:
            storage.audit({now(), "upload-refused", device.id, "not declared: " + sha});
            return replyError(res, 403, "not_referenced",
                              "no record of this device declares this sha256");
        case UploadRefusal::WrongSize:
            return replyError(res, 400, "wrong_size", "total is not the size its record declares");
        case UploadRefusal::EmptyChunk:
            return replyError(res, 400, "empty_chunk", "a chunk carries at least one byte");
        case UploadRefusal::BeyondSize:
            return replyError(res, 400, "beyond_size", "the chunk goes past the declared size");
        case UploadRefusal::OverBudget: {
            constexpr std::int64_t day = 86'400'000;
            const std::int64_t untilMidnight = day - now() % day;
            res.set_header("Retry-After", std::to_string(untilMidnight / 1000 + 1));
            return replyError(res, 429, "upload_budget",
                              "this device's upload budget for today is spent; retry tomorrow");
        }
        case UploadRefusal::HashMismatch:
            storage.audit({now(), "upload-refused", device.id, "sha256 mismatch: " + sha});
            return replyError(res, 422, "sha256_mismatch",
                              "the bytes do not hash to the sha256; nothing was kept");
        case UploadRefusal::None:
            break;
        }
    }

    std::string client(const httplib::Request& req) const {
        return clientAddress(req.remote_addr, req.get_header_value("X-Forwarded-For"),
                             options.trustedProxies);
    }

    // A request without a usable token spends its address's budget (a tenth of a device's).
    bool refusedByAddress(const httplib::Request& req, httplib::Response& res) {
        if (addressLimiter.allow("addr:" + client(req), now()))
            return false;
        res.set_header("Retry-After", "60");
        replyError(res, 429, "rate_limited", "too many requests from this address; retry later");
        return true;
    }

    // The device behind the bearer token, or nullopt after writing 401 / 429. Limits key on the
    // device when the token is valid, else on the client address.
    std::optional<Device> authenticate(const httplib::Request& req, httplib::Response& res) {
        const std::string header = req.get_header_value("Authorization");
        const std::string prefix = "Bearer ";
        if (header.rfind(prefix, 0) != 0 || header.size() != prefix.size() + 64) {
            if (refusedByAddress(req, res))
                return std::nullopt;
            replyError(res, 401, "unauthorized", "missing or malformed bearer token");
            return std::nullopt;
        }
        auto device = storage.deviceByTokenHash(sha256Hex(header.substr(prefix.size())));
        if (!device) {
            if (refusedByAddress(req, res))
                return std::nullopt;
            replyError(res, 401, "unauthorized",
                       "unknown or revoked device token; enrol this kiosk again");
            return std::nullopt;
        }
        noteRequestDevice(device->id);
        if (!deviceLimiter.allow(device->id, now())) {
            res.set_header("Retry-After", "60");
            replyError(res, 429, "rate_limited", "too many requests from this device; retry later");
            return std::nullopt;
        }
        return device;
    }

    void routes() {
        auto& s = *http;
        const std::string api = kApiPrefix;
        s.set_payload_max_length(kMaxBatchCompressedBytes + 64 * 1024);
        s.new_task_queue = [] {
            return new httplib::ThreadPool(16);
        };

        // Refuse what would make httplib read an unbounded body: it inflates Content-Encoding
        // itself without a cap and does not bound chunked bodies, so both are rejected before
        // the body is read. Batches are gzip by content type and inflated here with a cap.
        s.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
            noteRequestStart();
            const auto enc = req.get_header_value("Content-Encoding");
            if (!enc.empty() && enc != "identity") {
                replyError(res, 415, "unsupported_encoding",
                           "send batches with Content-Type application/gzip, not Content-Encoding");
                return httplib::Server::HandlerResponse::Handled;
            }
            if (req.has_header("Transfer-Encoding")) {
                replyError(res, 411, "length_required",
                           "chunked bodies are not accepted; send Content-Length");
                return httplib::Server::HandlerResponse::Handled;
            }
            if (req.has_header("Content-Length")) {
                const std::string length = req.get_header_value("Content-Length");
                const auto limit = bodyLimit(req.method, req.path);
                if (limit && (length.size() > 12 ||
                              length.find_first_not_of("0123456789") != std::string::npos ||
                              std::stoull(length) > *limit)) {
                    replyError(res, 413, "too_large",
                               "request body above the " + std::to_string(*limit) +
                                   "-byte limit of " + req.method + " " + req.path);
                    return httplib::Server::HandlerResponse::Handled;
                }
            }
            return httplib::Server::HandlerResponse::Unhandled;
        });
        if (options.requestLog)
            s.set_logger([log = options.requestLog](const httplib::Request& req,
                                                    const httplib::Response& res) {
                log(takeRequestLogLine(req.method, req.path, res.status));
            });
        s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
            if (!res.body.empty())
                return;
            if (res.status == 413)
                replyError(res, 413, "too_large", "request body above the limit");
            else if (res.status == 404)
                replyError(res, 404, "not_found", "no such endpoint");
            else
                replyError(res, res.status, "error", "request failed");
        });
        // The exception's text can name tables, paths or SQL: it goes to the server's log (the
        // journal) and the reply says only that something failed.
        s.set_exception_handler(
            [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
                std::string what = "unknown exception";
                try {
                    if (ep)
                        std::rethrow_exception(ep);
                } catch (const std::exception& e) {
                    what = e.what();
                } catch (...) {
                }
                std::cerr << "repere-server: internal error on " << req.method << " " << req.path
                          << ": " << what << std::endl;
                replyError(res, 500, "internal",
                           "internal server error; the details are in the server log");
            });

        s.Get(api + "/health", [this](const httplib::Request&, httplib::Response& res) {
            const bool ok = storage.healthy();
            replyJson(res, ok ? 200 : 503,
                      {{"status", ok ? "ok" : "unavailable"},
                       {"backend", storage.backend()},
                       {"version", REPERE_VERSION}});
        });

        s.Post(api + "/enrol", [this](const httplib::Request& req, httplib::Response& res) {
            if (!enrolLimiter.allow("addr:" + client(req), now())) {
                res.set_header("Retry-After", "60");
                replyError(res, 429, "rate_limited", "too many enrolment attempts; retry later");
                return;
            }
            if (req.body.size() > kMaxEnrolBodyBytes) // also checked from Content-Length
                return replyError(res, 413, "too_large", "enrolment body above 4 KiB");
            auto parsed = parseEnrolRequest(req.body);
            if (!parsed.ok())
                return replyError(res, 400, "bad_request", parsed.error);
            const std::string token = newToken();
            const std::string deviceId = newUuid();
            auto device = storage.enrolDevice(sha256Hex(parsed.value->code), deviceId,
                                              parsed.value->deviceName, sha256Hex(token), now());
            if (!device) {
                storage.audit({now(), "enrol-refused", "",
                               "unknown, used, revoked or expired code from " + client(req)});
                return replyError(res, 401, "invalid_code",
                                  "enrolment code unknown, already used or expired");
            }
            storage.audit(
                {now(), "enrol", device->id,
                 "agency=" + device->agency + " name=" + device->name + " from " + client(req)});
            replyJson(res, 200, toJson(EnrolReply{device->id, token, device->agency}));
        });

        s.Get(api + "/cursor", [this](const httplib::Request& req, httplib::Response& res) {
            auto device = authenticate(req, res);
            if (!device)
                return;
            replyJson(res, 200, toJson(storage.cursor(device->id)));
        });

        s.Post(api + R"(/batches/([A-Za-z0-9_.:\-]{1,64}))", [this](const httplib::Request& req,
                                                                    httplib::Response& res) {
            auto device = authenticate(req, res);
            if (!device)
                return;
            const std::string batchId = req.matches[1];
            if (req.get_header_value("Content-Type") != kBatchContentType)
                return replyError(res, 415, "unsupported_media_type",
                                  std::string("batch body must be gzip JSON with Content-Type ") +
                                      kBatchContentType);
            if (req.body.size() > kMaxBatchCompressedBytes)
                return replyError(res, 413, "too_large",
                                  "compressed batch above 1 MiB; send fewer records");
            // The depth check watches the text as it is inflated: a bomb of brackets is refused
            // after its first 64 KiB instead of being inflated to 16 MiB and then parsed.
            JsonShapeCheck shape;
            auto inflated =
                gzipDecompress(req.body, kMaxBatchDecompressedBytes,
                               [&](std::string_view piece) { return shape.feed(piece); });
            if (inflated.error == InflateError::Refused)
                return replyError(res, 400, "too_deep", shape.error());
            if (inflated.error == InflateError::TooLarge)
                return replyError(res, 413, "too_large", "batch inflates above 16 MiB");
            if (!inflated.ok())
                return replyError(res, 400, "bad_gzip", "body is not a valid gzip stream");
            auto parsed = parseBatchRequest(inflated.data);
            if (!parsed.ok())
                return replyError(res, 400, "bad_request", parsed.error);
            for (const auto& r : parsed.value->records)
                if (sha256Hex(r.payload) != r.sha256)
                    return replyError(res, 400, "bad_request",
                                      "record " + r.recordId + ": sha256 does not match payload");
            auto outcome = storage.ingestBatch(*device, batchId, parsed.value->records, now());
            // The kiosk's outbox after this batch, shown on the back office's dashboard.
            if (auto pending = parseInt(req.get_param_value("pending")))
                storage.reportPending(device->id, *pending);
            replyJson(res, 200, toJson(outcome.reply));
        });

        // Device uploads (recorded answers): only blobs the device's own records declare, within
        // the declared size, within the day's budget, checked against their sha256 at the end.
        s.Put(api + R"(/blobs/([0-9a-f]{64}))",
              [this](const httplib::Request& req, httplib::Response& res) {
                  auto device = authenticate(req, res);
                  if (!device)
                      return;
                  const std::string sha = req.matches[1];
                  auto offset = parseInt(req.get_param_value("offset"));
                  auto total = parseInt(req.get_param_value("total"));
                  if (!offset || !total)
                      return replyError(res, 400, "bad_request",
                                        "offset and total query parameters needed");
                  if (*total > static_cast<std::int64_t>(kMaxBlobBytes))
                      return replyError(res, 413, "too_large", "blob above 64 MiB");
                  if (req.body.size() > kBlobChunkBytes)
                      return replyError(res, 413, "too_large", "chunk above 512 KiB");
                  const auto out = storage.appendUpload(*device, sha, *total, *offset, req.body,
                                                        uploadRules(), now());
                  if (!out.ok())
                      return replyRefusal(res, *device, sha, out.refusal);
                  replyJson(res, 200, toJson(out.status));
              });

        s.Get(api + R"(/blobs/([0-9a-f]{64})/status)", [this](const httplib::Request& req,
                                                              httplib::Response& res) {
            auto device = authenticate(req, res);
            if (!device)
                return;
            const auto out = storage.uploadStatus(*device, req.matches[1], uploadRules(), now());
            if (!out.ok())
                return replyRefusal(res, *device, req.matches[1], out.refusal);
            replyJson(res, 200, toJson(out.status));
        });

        // Downloads: the files of published packages only. Recordings are never served to a
        // device token (the back office serves them to users of their agency).
        s.Get(api + R"(/blobs/([0-9a-f]{64}))",
              [this](const httplib::Request& req, httplib::Response& res) {
                  if (!authenticate(req, res))
                      return;
                  auto data = storage.publishedFile(req.matches[1]);
                  if (!data)
                      return replyError(res, 404, "not_found",
                                        "no file of a published package with this sha256");
                  res.set_content(*data, "application/octet-stream");
              });

        s.Get(api + "/catalog", [this](const httplib::Request& req, httplib::Response& res) {
            auto device = authenticate(req, res);
            if (!device)
                return;
            std::int64_t since = 0;
            if (req.has_param("since")) {
                auto v = parseInt(req.get_param_value("since"));
                if (!v)
                    return replyError(res, 400, "bad_request",
                                      "since must be a non-negative integer");
                since = *v;
            }
            // Only this kiosk's agency's trainers (and PIN hashes) leave the server.
            replyJson(res, 200, toJson(storage.catalogSince(since, device->agency)));
        });

        // The back office's pages, outside /api/v1 (web_routes.hpp).
        web::addBackOfficeRoutes(s, storage,
                                 {!options.tlsCert.empty(), options.quizzesDir, options.nowMs});
    }
};

HttpServer::HttpServer(Storage& storage, ServerOptions options) {
    if (auto why = refuseReason(options))
        throw std::runtime_error(*why);
    impl_ = std::make_unique<Impl>(storage, std::move(options));
}

HttpServer::~HttpServer() {
    stop();
}

void HttpServer::bind() {
    auto& o = impl_->options;
    if (o.port == 0) {
        impl_->boundPort = impl_->http->bind_to_any_port(o.host);
        if (impl_->boundPort < 0)
            throw std::runtime_error("cannot listen on " + o.host);
    } else {
        if (!impl_->http->bind_to_port(o.host, o.port))
            throw std::runtime_error("cannot listen on " + o.host + ":" + std::to_string(o.port) +
                                     " (address in use or not available)");
        impl_->boundPort = o.port;
    }
    // cpp-httplib 0.11 listens with a backlog of 5: when more kiosks than that connect at the
    // same instant (agencies closing at 17:00), the kernel drops their SYNs and each waits a
    // 1-second retransmission (bench/sync/scale_bench: p99 1.0 s at 10 kiosks). Calling listen()
    // again on the bound socket only raises the backlog (Linux). Done here rather than with
    // CPPHTTPLIB_LISTEN_BACKLOG because that macro must then be the same in every file that
    // includes httplib.h, client and tests too.
    if (impl_->listenSocket != INVALID_SOCKET)
        ::listen(impl_->listenSocket, SOMAXCONN);
}

int HttpServer::port() const {
    return impl_->boundPort;
}

void HttpServer::listen() {
    if (impl_->boundPort < 0)
        bind();
    impl_->http->listen_after_bind();
}

void HttpServer::start() {
    if (impl_->boundPort < 0)
        bind();
    impl_->thread = std::thread([this] { impl_->http->listen_after_bind(); });
    // stop() is a no-op until the loop runs, so wait for it (a few milliseconds at most).
    for (int k = 0; k < 2000 && !impl_->http->is_running(); ++k)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void HttpServer::stop() {
    if (!impl_)
        return;
    impl_->http->stop();
    if (impl_->thread.joinable())
        impl_->thread.join();
}

} // namespace repere::sync::server
