// How many kiosks one server process serves (issue 20, docs/scale.md). For each number of kiosks
// N, N kiosks start a sync round at the same instant (the worst case: every agency closing at
// 17:00 sharp), each pushing one day's responses; a round's latency is what the kiosk waits for
// (cursor check, the batches, the replies). Three rounds per N with new responses; the figures
// are the median, p99 and slowest round, the responses stored per second while the N kiosks
// were syncing, and the rounds that failed.
//
//   scale_bench DB_SPEC [RESPONSES_PER_KIOSK] [N,N,...]
//   e.g. scale_bench sqlite:/tmp/scale.db 300 1,5,10,20,50,100,200
//
// Server and kiosks share this process and its CPU (as on the 2-core machine the figures come
// from); the server runs its normal HTTP stack and storage, nothing is mocked.
#include "support/memory_kiosk.hpp"
#include "sync/client/sync_client.hpp"
#include "sync/server/admin.hpp"
#include "sync/server/http_server.hpp"
#include "sync/server/storage.hpp"

#include <algorithm>
#include <barrier>
#include <chrono>
#include <cstdio>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace repere;
using namespace repere::sync;
using Clock = std::chrono::steady_clock;

namespace {

std::int64_t wallMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const auto at = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(at, v.size() - 1)];
}

std::vector<int> parseCounts(const std::string& text) {
    std::vector<int> out;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ','))
        out.push_back(std::stoi(part));
    return out;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: scale_bench DB_SPEC [RESPONSES_PER_KIOSK] [N,N,...]\n");
        return 2;
    }
    const std::string spec = argv[1];
    const int perKiosk = argc > 2 ? std::stoi(argv[2]) : 300;
    const auto counts = parseCounts(argc > 3 ? argv[3] : "1,5,10,20,50,100,200");
    auto storage = server::openStorage(spec);
    server::ServerOptions options;
    // One round per kiosk and a few enrolments a second from one address: the production
    // limits (600 a minute per device) are not what is measured here.
    options.rateLimitPerMinute = 1'000'000;
    server::HttpServer http(*storage, options);
    http.start();
    const std::string url = "http://127.0.0.1:" + std::to_string(http.port());

    std::printf("server: %s, %d responses per kiosk per round, 3 rounds per N\n",
                storage->backend().c_str(), perKiosk);
    std::printf("%6s %12s %12s %12s %14s %8s\n", "kiosks", "median s", "p99 s", "max s",
                "responses/s", "failed");
    std::vector<std::unique_ptr<test::MemoryKiosk>> kiosks;
    for (int n : counts) {
        while (static_cast<int>(kiosks.size()) < n) {
            kiosks.push_back(std::make_unique<test::MemoryKiosk>());
            const auto code = server::createEnrolCode(*storage, "ALI Bench", wallMs());
            if (!SyncClient::enrol(*kiosks.back(), url, code,
                                   "kiosk-" + std::to_string(kiosks.size()))
                     .ok) {
                std::fprintf(stderr, "enrolment %zu failed\n", kiosks.size());
                return 1;
            }
        }
        std::vector<double> latencies;
        double busySeconds = 0;
        int failed = 0;
        for (int round = 0; round < 3; ++round) {
            for (int k = 0; k < n; ++k)
                kiosks[static_cast<std::size_t>(k)]->addResponses(perKiosk); // new ids
            std::vector<double> seconds(static_cast<std::size_t>(n));
            std::vector<int> ok(static_cast<std::size_t>(n));
            std::barrier start(n + 1);
            std::vector<std::thread> threads;
            for (int k = 0; k < n; ++k)
                threads.emplace_back([&, k] {
                    auto& kiosk = *kiosks[static_cast<std::size_t>(k)];
                    SyncClient client(kiosk, kiosk, ".");
                    start.arrive_and_wait();
                    const auto t0 = Clock::now();
                    ok[static_cast<std::size_t>(k)] = client.push().ok ? 1 : 0;
                    seconds[static_cast<std::size_t>(k)] =
                        std::chrono::duration<double>(Clock::now() - t0).count();
                });
            const auto t0 = Clock::now();
            start.arrive_and_wait();
            for (auto& t : threads)
                t.join();
            busySeconds += std::chrono::duration<double>(Clock::now() - t0).count();
            latencies.insert(latencies.end(), seconds.begin(), seconds.end());
            failed += n - static_cast<int>(std::count(ok.begin(), ok.end(), 1));
        }
        std::printf("%6d %12.3f %12.3f %12.3f %14.0f %8d\n", n, percentile(latencies, 0.5),
                    percentile(latencies, 0.99), percentile(latencies, 1.0),
                    3.0 * n * perKiosk / busySeconds, failed);
        std::fflush(stdout);
    }
    http.stop();
    return 0;
}
