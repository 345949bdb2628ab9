// Load: 50 kiosks syncing at once, 100,000 responses in all; exactly 100,000 stored.
#include "support/memory_kiosk.hpp"
#include "support/server_fixture.hpp"
#include "sync/client/sync_client.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <iostream>
#include <thread>

using namespace repere;
using namespace repere::sync;

TEST_CASE("load: 50 kiosks at once, 100,000 responses, exactly 100,000 stored") {
    constexpr int kKiosks = 50;
    constexpr int kPerKiosk = 2000;
    test::ServerFixture srv;
    std::vector<std::unique_ptr<test::MemoryKiosk>> kiosks;
    for (int k = 0; k < kKiosks; ++k) {
        kiosks.push_back(std::make_unique<test::MemoryKiosk>());
        REQUIRE(SyncClient::enrol(*kiosks.back(), srv.url(), srv.newCode(),
                                  "kiosk-" + std::to_string(k))
                    .ok);
        kiosks.back()->addResponses(kPerKiosk);
    }
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<PushReport> reports(kKiosks);
    std::vector<std::thread> threads;
    for (int k = 0; k < kKiosks; ++k)
        threads.emplace_back([&, k] {
            SyncClient client(*kiosks[static_cast<std::size_t>(k)],
                              *kiosks[static_cast<std::size_t>(k)], ".");
            // A kiosk that met a busy server retries like the scheduler would, just sooner.
            for (int attempt = 0; attempt < 5; ++attempt) {
                reports[static_cast<std::size_t>(k)] = client.push();
                if (reports[static_cast<std::size_t>(k)].ok)
                    break;
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
            }
        });
    for (auto& t : threads)
        t.join();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cout << "load [" << test::backendName() << "]: " << kKiosks * kPerKiosk
              << " responses from " << kKiosks << " kiosks in " << seconds << " s" << std::endl;

    std::int64_t pending = 0, stored = 0;
    for (int k = 0; k < kKiosks; ++k) {
        INFO("kiosk " << k << ": " << reports[static_cast<std::size_t>(k)].error);
        CHECK(reports[static_cast<std::size_t>(k)].ok);
        pending += kiosks[static_cast<std::size_t>(k)]->pendingCount();
        stored += reports[static_cast<std::size_t>(k)].stored;
    }
    CHECK(pending == 0);
    CHECK(stored == kKiosks * kPerKiosk);
    CHECK(srv.storage->recordCount() == kKiosks * kPerKiosk);
    for (const auto& d : srv.storage->devices())
        CHECK(srv.storage->cursor(d.id).records == kPerKiosk);
}
