// Fills a repere-server SQLite database for the calibration bench (bench/calibration/run.sh):
// a published package of ITEMS Rasch items in 5 skills, and CANDIDATES attempts whose answers
// follow known true difficulties, stored through the server's own ingestBatch as a kiosk's sync
// would. Each candidate answers PER_SKILL items of every skill, those nearest their ability by
// the package's values (what the adaptive engine does); PER_SKILL = ITEMS/5: every item.
//   calibration_fill DB_FILE CANDIDATES ITEMS PER_SKILL TRUTH_JSON
#include "engine/rng.hpp"
#include "sync/protocol/digest.hpp"
#include "sync/server/admin.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>

using namespace repere;
using namespace repere::sync;
namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (argc != 6) {
        std::cerr << "usage: calibration_fill DB_FILE CANDIDATES ITEMS PER_SKILL TRUTH_JSON\n";
        return 2;
    }
    const std::string dbFile = argv[1];
    const int candidates = std::stoi(argv[2]), itemCount = std::stoi(argv[3]);
    const int perSkill = std::stoi(argv[4]);
    const int skills = 5;
    auto storage = server::openStorage("sqlite:" + dbFile);

    // Package: quiz.json only; true difficulty spread over the scale, the package's off by
    // N(0, 0.5²).
    nlohmann::json items = nlohmann::json::array(), truth = nlohmann::json::array();
    std::vector<std::vector<std::pair<double, double>>> bank(skills); // (package, truth)
    std::vector<std::vector<std::string>> ids(skills);
    for (int k = 0; k < itemCount; ++k) {
        const int s = k % skills;
        engine::Rng rng(3, "item", static_cast<std::uint64_t>(k));
        const double t = -3.0 + 6.0 * rng.uniform();
        const double b = t + 0.5 * rng.normal();
        const std::string id = "it-" + std::to_string(k);
        items.push_back({{"id", id},
                         {"rev", 1},
                         {"type", "choice"},
                         {"skill", "s" + std::to_string(s)},
                         {"difficulty", b}});
        truth.push_back({{"id", id}, {"package", b}, {"true", t}});
        bank[static_cast<std::size_t>(s)].emplace_back(b, t);
        ids[static_cast<std::size_t>(s)].push_back(id);
    }
    nlohmann::json skillList = nlohmann::json::array();
    for (int s = 0; s < skills; ++s)
        skillList.push_back({{"id", "s" + std::to_string(s)}});
    const nlohmann::json quiz = {{"id", "bench"},
                                 {"version", "1.0.0"},
                                 {"framework", {{"skills", skillList}, {"cutPoints", {-1, 0, 1}}}},
                                 {"sections", {{{"id", "s"}, {"items", items}}}}};
    const fs::path pkg = fs::path(dbFile).parent_path() / "bench-package";
    fs::create_directories(pkg);
    std::ofstream(pkg / "quiz.json") << quiz.dump();
    std::ofstream(argv[5]) << nlohmann::json{{"items", truth}}.dump(1);
    const auto published = server::publishQuiz(
        *storage, pkg,
        [](const fs::path&, std::string& id, std::string& v) {
            id = "bench";
            v = "1.0.0";
            return std::vector<std::string>{};
        },
        1);
    if (!published.ok)
        return 1;
    storage->createEnrolCode(sha256Hex("C"), "ALI", 0, 1);
    auto device = storage->enrolDevice(sha256Hex("C"), "bench-kiosk", "k", sha256Hex("t"), 0);

    std::vector<WireRecord> batch;
    std::int64_t seq = 0, batches = 0, responses = 0;
    auto add = [&](const std::string& id, const char* kind, const nlohmann::json& payload) {
        WireRecord r;
        r.recordId = id;
        r.kind = kind;
        r.seq = ++seq;
        r.payload = payload.dump();
        r.sha256 = sha256Hex(r.payload);
        r.createdAtMs = 1700000000000 + seq;
        batch.push_back(std::move(r));
    };
    for (int c = 0; c < candidates; ++c) {
        engine::Rng rng(5, "candidate", static_cast<std::uint64_t>(c));
        const std::string att = "a" + std::to_string(c);
        add(att, "attempt", {{"uuid", att}, {"quizId", "bench"}, {"quizVersion", "1.0.0"}});
        int sequence = 0;
        for (int s = 0; s < skills; ++s) {
            const double theta = 1.5 * rng.normal();
            auto& items = bank[static_cast<std::size_t>(s)];
            std::vector<std::size_t> order(items.size());
            for (std::size_t k = 0; k < order.size(); ++k)
                order[k] = k;
            std::partial_sort(
                order.begin(), order.begin() + std::min<std::size_t>(order.size(), perSkill),
                order.end(), [&](std::size_t a, std::size_t b) {
                    return std::abs(items[a].first - theta) < std::abs(items[b].first - theta);
                });
            for (int k = 0; k < perSkill && k < static_cast<int>(items.size()); ++k) {
                const auto j = order[static_cast<std::size_t>(k)];
                const bool right = rng.uniform() < 1.0 / (1.0 + std::exp(items[j].second - theta));
                const std::string id = att + "-" + std::to_string(sequence);
                add(id, "response",
                    {{"uuid", id},
                     {"attemptUuid", att},
                     {"sequence", sequence++},
                     {"itemId", ids[static_cast<std::size_t>(s)][j]},
                     {"itemRev", 1},
                     {"score", right ? 1 : 0},
                     {"maxScore", 1},
                     {"status", right ? "ok" : "ko"},
                     {"durationMs", 9000}});
                ++responses;
            }
        }
        if (batch.size() >= 20000) {
            storage->ingestBatch(*device, "b" + std::to_string(batches++), batch, 1);
            batch.clear();
        }
    }
    storage->ingestBatch(*device, "b" + std::to_string(batches++), batch, 1);
    std::cout << "filled " << candidates << " candidates, " << responses << " responses\n";
    return 0;
}
