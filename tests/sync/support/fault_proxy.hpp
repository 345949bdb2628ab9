// A TCP proxy between the sync client and a real server that breaks batch uploads on demand:
// cut the request before the server has it all (nothing committed), drop the reply after the
// server answered (committed, reply lost), or answer like a captive portal (HTML, 200).
// Other requests pass through untouched. Needs Connection: close, which the client sends.
// cycle() breaks every connection instead, in turn, like a bad link (issue 14).
// breakEachUpload() breaks every blob upload once in its middle (issue 18, recordings).
#pragma once

#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <cstring>
#include <mutex>
#include <netinet/in.h>
#include <poll.h>
#include <set>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace repere::test {

class FaultProxy {
public:
    enum class Fault { None, CutRequest, DropReply, CaptivePortal, Stall, Slow };

    explicit FaultProxy(int upstreamPort) : upstream_(upstreamPort) {
        listen_ = ::socket(AF_INET, SOCK_STREAM, 0);
        int one = 1;
        ::setsockopt(listen_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::bind(listen_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
            ::listen(listen_, 64) != 0)
            throw std::runtime_error("proxy: cannot listen");
        socklen_t len = sizeof addr;
        ::getsockname(listen_, reinterpret_cast<sockaddr*>(&addr), &len);
        port_ = ntohs(addr.sin_port);
        acceptor_ = std::thread([this] { acceptLoop(); });
    }
    ~FaultProxy() {
        stop_ = true;
        acceptor_.join();
        ::close(listen_);
        std::lock_guard lock(mutex_);
        for (auto& t : workers_)
            t.join();
    }

    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    // After `skip` batch uploads that pass, the next `count` get `fault`; later ones pass.
    void failNextBatches(Fault fault, int count = 1, int skip = 0) {
        fault_ = fault;
        skip_ = skip;
        remaining_ = count;
    }
    // Every connection (any request) takes the next fault of `faults`, in turn, from now on;
    // Fault::None passes, Fault::Slow passes after a delay. An empty list ends the cycle.
    void cycle(std::vector<Fault> faults) {
        std::lock_guard lock(cycleMutex_);
        cycle_ = std::move(faults);
        cycleAt_ = 0;
    }
    // Each blob upload (PUT /api/v1/blobs/SHA) gets one fault on its first chunk past offset 0,
    // taking `faults` in turn from one upload to the next: every upload is cut in its middle.
    void breakEachUpload(std::vector<Fault> faults) {
        std::lock_guard lock(cycleMutex_);
        uploadFaults_ = std::move(faults);
    }
    int connections() const { return connections_; }
    // Every request (not only batches) gets the captive portal page while set.
    void captiveForEverything(bool on) { captiveAll_ = on; }
    int faultsApplied() const { return applied_; }

private:
    static bool sendAll(int fd, const char* p, std::size_t n) {
        while (n > 0) {
            const ssize_t w = ::send(fd, p, n, MSG_NOSIGNAL);
            if (w <= 0)
                return false;
            p += w;
            n -= static_cast<std::size_t>(w);
        }
        return true;
    }

    // Reads one request (headers + Content-Length body).
    static bool readRequest(int fd, std::string& req) {
        char buf[65536];
        std::size_t headerEnd = std::string::npos;
        while (headerEnd == std::string::npos) {
            const ssize_t r = ::recv(fd, buf, sizeof buf, 0);
            if (r <= 0)
                return false;
            req.append(buf, static_cast<std::size_t>(r));
            headerEnd = req.find("\r\n\r\n");
        }
        std::size_t length = 0;
        std::string lower = req.substr(0, headerEnd);
        for (auto& c : lower)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (auto p = lower.find("content-length:"); p != std::string::npos)
            length = std::stoul(lower.substr(p + 15));
        while (req.size() < headerEnd + 4 + length) {
            const ssize_t r = ::recv(fd, buf, sizeof buf, 0);
            if (r <= 0)
                return false;
            req.append(buf, static_cast<std::size_t>(r));
        }
        return true;
    }

    void handle(int client) {
        std::string req;
        if (!readRequest(client, req)) {
            ::close(client);
            return;
        }
        const bool isBatch = req.rfind("POST /api/v1/batches/", 0) == 0;
        Fault fault = Fault::None;
        ++connections_;
        bool cycling = false;
        {
            std::lock_guard lock(cycleMutex_);
            if (!cycle_.empty()) {
                fault = cycle_[cycleAt_++ % cycle_.size()];
                cycling = true;
            }
        }
        const bool isUpload =
            req.rfind("PUT /api/v1/blobs/", 0) == 0 && req.find("?offset=0&") == std::string::npos;
        bool uploadFault = false;
        if (isUpload) {
            std::lock_guard lock(cycleMutex_);
            const std::string sha = req.substr(18, 64);
            if (!uploadFaults_.empty() && brokenUploads_.insert(sha).second) {
                fault = uploadFaults_[(brokenUploads_.size() - 1) % uploadFaults_.size()];
                uploadFault = true;
            }
        }
        if (cycling || uploadFault) {
        } else if (captiveAll_) {
            fault = Fault::CaptivePortal;
        } else if (isBatch && skip_ > 0) {
            --skip_;
        } else if (isBatch && remaining_ > 0) {
            --remaining_;
            fault = fault_;
        }
        if (fault != Fault::None)
            ++applied_;
        if (fault == Fault::Slow) // a link crawling, yet within the client's timeouts
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
        if (fault == Fault::CaptivePortal) {
            const std::string page = "<!DOCTYPE html><html><head><title>Wi-Fi</title></head><body>"
                                     "<form>Acceptez les conditions</form></body></html>";
            const std::string reply =
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " +
                std::to_string(page.size()) + "\r\nConnection: close\r\n\r\n" + page;
            sendAll(client, reply.data(), reply.size());
            ::close(client);
            return;
        }
        if (fault == Fault::Stall) { // hold the connection until the client gives up or we stop
            char buf[4096];
            while (!stop_) {
                pollfd p{client, POLLIN, 0};
                if (::poll(&p, 1, 50) > 0 && ::recv(client, buf, sizeof buf, 0) <= 0)
                    break;
            }
            ::close(client);
            return;
        }
        int up = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = htons(static_cast<std::uint16_t>(upstream_));
        if (::connect(up, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
            ::close(up);
            ::close(client);
            return;
        }
        if (fault == Fault::CutRequest) {
            sendAll(up, req.data(), req.size() / 2); // the server never sees the whole body
            ::shutdown(up, SHUT_RDWR);
            ::close(up);
            ::close(client);
            return;
        }
        sendAll(up, req.data(), req.size());
        std::string reply;
        char buf[65536];
        for (;;) {
            const ssize_t r = ::recv(up, buf, sizeof buf, 0);
            if (r <= 0)
                break;
            reply.append(buf, static_cast<std::size_t>(r));
        }
        ::close(up);
        if (fault != Fault::DropReply)
            sendAll(client, reply.data(), reply.size());
        ::shutdown(client, SHUT_RDWR);
        ::close(client);
    }

    void acceptLoop() {
        while (!stop_) {
            pollfd p{listen_, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0)
                continue;
            const int c = ::accept(listen_, nullptr, nullptr);
            if (c < 0)
                continue;
            std::lock_guard lock(mutex_);
            workers_.emplace_back([this, c] { handle(c); });
        }
    }

    int upstream_;
    int listen_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<Fault> fault_{Fault::None};
    std::atomic<int> remaining_{0};
    std::atomic<int> skip_{0};
    std::atomic<bool> captiveAll_{false};
    std::atomic<int> applied_{0};
    std::atomic<int> connections_{0};
    std::mutex cycleMutex_; // not mutex_: the destructor holds that one while joining workers
    std::vector<Fault> cycle_;
    std::size_t cycleAt_ = 0;
    std::vector<Fault> uploadFaults_;
    std::set<std::string> brokenUploads_;
    std::thread acceptor_;
    std::mutex mutex_;
    std::vector<std::thread> workers_;
};

} // namespace repere::test
