// Cancelling a request in flight (the kiosk closing mid-sync) returns at once, not after the
// transport's timeouts, in the two ways a link hangs: a server that took the connection and never
// answers (half-open: the read would wait readTimeout), and a server whose SYN is never answered
// (the connect would wait connectTimeout). Loopback only: a listener that never accepts, its
// accept queue filled so later SYNs are dropped.
#include "sync/client/http_transport.hpp"

#include <arpa/inet.h>
#include <catch2/catch.hpp>
#include <chrono>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace repere;
using Clock = std::chrono::steady_clock;

namespace {

// A TCP listener on 127.0.0.1 that never calls accept().
struct SilentListener {
    int fd = -1;
    int port = 0;
    std::vector<int> fillers;
    explicit SilentListener(int backlog) {
        fd = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(fd >= 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
        REQUIRE(::listen(fd, backlog) == 0);
        socklen_t n = sizeof a;
        REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &n) == 0);
        port = ntohs(a.sin_port);
    }
    // Connections nobody will accept, until the queue is full and the next SYN is dropped.
    void fillQueue(int count) {
        for (int k = 0; k < count; ++k) {
            int s = ::socket(AF_INET, SOCK_STREAM, 0);
            ::fcntl(s, F_SETFL, O_NONBLOCK);
            sockaddr_in a{};
            a.sin_family = AF_INET;
            a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            a.sin_port = htons(static_cast<std::uint16_t>(port));
            (void)::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
            fillers.push_back(s);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100)); // let the handshakes settle
    }
    ~SilentListener() {
        for (int s : fillers)
            ::close(s);
        if (fd >= 0)
            ::close(fd);
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }
};

// Sends a GET, cancels it after 200 ms from another thread; returns the outcome and how long it
// took.
std::pair<sync::HttpOutcome, double> getThenCancel(const std::string& url) {
    sync::TransportOptions o;
    o.baseUrl = url;
    o.connectTimeout = std::chrono::seconds(8);
    o.readTimeout = std::chrono::seconds(8);
    o.cancel = std::make_shared<sync::CancelToken>();
    sync::HttpTransport t(o);
    std::thread canceller([c = o.cancel] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        c->cancel();
    });
    const auto t0 = Clock::now();
    auto out = t.get("/api/v1/health");
    const double s = std::chrono::duration<double>(Clock::now() - t0).count();
    canceller.join();
    return {out, s};
}

} // namespace

TEST_CASE("transport: cancel cuts a request the server took and never answers") {
    SilentListener server(16);
    auto [out, seconds] = getThenCancel(server.url());
    CHECK_FALSE(out.reply);
    CHECK(out.error == "sync cancelled");
    CHECK(seconds < 2.0);
}

TEST_CASE("transport: cancel cuts a connect whose SYN is never answered") {
    SilentListener server(0);
    server.fillQueue(8);
    auto [out, seconds] = getThenCancel(server.url());
    CHECK_FALSE(out.reply);
    CHECK(out.error == "sync cancelled");
    CHECK(seconds < 2.0);
}
