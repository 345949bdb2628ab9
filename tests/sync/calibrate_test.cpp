// `repere-server admin calibrate` (issue 19) on SQLite and on PostgreSQL: Rasch difficulties by
// marginal maximum likelihood from stored answers (adaptive ones included), the anchor, kept and
// flagged items, responses left out and counted, non-convergence reported.
#include "engine/rng.hpp"
#include "support/backend.hpp"
#include "support/records.hpp"
#include "sync/protocol/digest.hpp"
#include "sync/server/admin.hpp"
#include "sync/server/admin_calibrate.hpp"
#include "sync/server/admin_item_stats.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

using namespace repere;
using namespace repere::sync;
using namespace repere::sync::server;
namespace fs = std::filesystem;

namespace {

struct Bank {
    std::vector<std::string> ids;
    std::vector<double> previous; // in the package
    std::vector<double> truth;    // what candidates answer by
    // 2PL items (the package writes {"b": previous, "a": previousA}); empty = all Rasch.
    std::vector<bool> twoParameter;
    std::vector<double> previousA;
    std::vector<double> truthA; // empty = 1 for every item

    double a(std::size_t k) const { return truthA.empty() ? 1.0 : truthA[k]; }
    bool is2pl(std::size_t k) const { return !twoParameter.empty() && twoParameter[k]; }
};

// A package of one skill: quiz.json only (the test's validator accepts it).
fs::path writePackage(const fs::path& dir, const Bank& bank, const std::string& version) {
    nlohmann::json items = nlohmann::json::array();
    for (std::size_t k = 0; k < bank.ids.size(); ++k)
        items.push_back({{"id", bank.ids[k]},
                         {"rev", 1},
                         {"type", "choice"},
                         {"skill", "lecture"},
                         {"level", "a1"},
                         {"difficulty", bank.is2pl(k) ? nlohmann::json{{"b", bank.previous[k]},
                                                                       {"a", bank.previousA[k]}}
                                                      : nlohmann::json(bank.previous[k])}});
    nlohmann::json quiz = {
        {"id", "cal"},
        {"version", version},
        {"framework", {{"skills", {{{"id", "lecture"}}}}, {"cutPoints", {-1.0, 0.0, 1.0}}}},
        {"sections", {{{"id", "s"}, {"items", items}}}}};
    const fs::path pkg = dir / ("pkg-" + version);
    fs::create_directories(pkg);
    std::ofstream(pkg / "quiz.json") << quiz.dump(1);
    return pkg;
}

void publish(Storage& s, const fs::path& pkg, const std::string& version) {
    auto r = publishQuiz(
        s, pkg,
        [version](const fs::path&, std::string& id, std::string& v) {
            id = "cal";
            v = version;
            return std::vector<std::string>{};
        },
        10);
    REQUIRE(r.ok);
}

// A record of the simulated kiosk (created on a fixed day).
WireRecord record(const std::string& id, std::int64_t seq, const std::string& kind,
                  const nlohmann::json& payload) {
    return test::jsonRecord(id, kind, payload, seq, 1700000000000 + seq);
}

// `persons` candidates with abilities ~ N(0.3, 1.2²), each answering `perPerson` items chosen
// adaptively, by the bank's true difficulties (and discriminations).
void store(Storage& s, const Bank& bank, int persons, int perPerson, const std::string& version,
           bool allRight = false) {
    s.createEnrolCode(sha256Hex("C"), "ALI Bondy", 0, 99999);
    auto d = s.enrolDevice(sha256Hex("C"), "dev-1", "k", sha256Hex("t"), 10);
    REQUIRE(d);
    std::vector<WireRecord> batch;
    std::int64_t seq = 0;
    int batches = 0;
    auto flush = [&] {
        s.ingestBatch(*d, "b" + std::to_string(batches++), batch, 100);
        batch.clear();
    };
    for (int p = 0; p < persons; ++p) {
        engine::Rng rng(42, "person", static_cast<std::uint64_t>(p));
        const double theta = 0.3 + 1.2 * rng.normal();
        const std::string att = "att-" + std::to_string(p);
        batch.push_back(record(att, ++seq, "attempt",
                               {{"uuid", att}, {"quizId", "cal"}, {"quizVersion", version}}));
        // Adaptive as the engine is: the next item is the unused one nearest the current
        // estimate, which moves with the answers only (never with the unknown ability, which
        // would make the missing answers informative and no method could recover the items).
        std::vector<bool> used(bank.ids.size(), false);
        double estimate = 0.0;
        for (int k = 0; k < perPerson; ++k) {
            std::size_t j = 0;
            double best = 1e9;
            for (std::size_t c = 0; c < bank.ids.size(); ++c)
                if (!used[c] && std::abs(bank.previous[c] - estimate) < best) {
                    best = std::abs(bank.previous[c] - estimate);
                    j = c;
                }
            used[j] = true;
            const double prob = 1.0 / (1.0 + std::exp(bank.a(j) * (bank.truth[j] - theta)));
            const bool right = allRight && j == 3 ? true : rng.uniform() < prob;
            estimate += (right ? 1.0 : -1.0) * 1.6 / (k + 2);
            const std::string id = att + "-r" + std::to_string(k);
            batch.push_back(record(id, ++seq, "response",
                                   {{"uuid", id},
                                    {"attemptUuid", att},
                                    {"sequence", k},
                                    {"itemId", bank.ids[j]},
                                    {"itemRev", 1},
                                    {"score", right ? 1.0 : 0.0},
                                    {"maxScore", 1.0},
                                    {"status", right ? "ok" : "ko"}}));
        }
        if (batch.size() > 400)
            flush();
    }
    flush();
}

Bank bank(int n) {
    Bank b;
    for (int k = 0; k < n; ++k) {
        b.ids.push_back("i" + std::to_string(k));
        const double truth = -2.5 + 5.0 * k / (n - 1);
        b.truth.push_back(truth);
        // Authors' guesses: off by up to 0.8 logits, and on average by +0.2.
        b.previous.push_back(truth + 0.2 + 0.6 * std::sin(3.0 * k));
    }
    return b;
}

const nlohmann::json& item(const nlohmann::json& c, const std::string& id) {
    for (const auto& i : c.at("items"))
        if (i.at("id") == id)
            return i;
    FAIL("no item " << id);
    throw;
}

} // namespace

TEST_CASE("calibrate: Rasch MML recovers difficulties from adaptive answers, anchored on the "
          "mean of the previous values") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    const Bank b = bank(12);
    publish(*s, writePackage(dir.path(), b, "1.0.0"), "1.0.0");
    store(*s, b, 1200, 7, "1.0.0");

    CalibrateOptions options;
    options.quizId = "cal";
    const auto out = calibrate(*s, options, 1);
    REQUIRE(out.converged);
    const auto& c = out.calibration;
    CHECK(c.at("responses").at("used") == 1200 * 7);
    CHECK(c.at("version") == "1.0.0");
    double meanPrevious = 0, meanEstimate = 0, meanTruth = 0;
    int estimated = 0;
    for (const auto& i : c.at("items")) {
        if (i.at("status") != "estimated")
            continue;
        ++estimated;
        meanPrevious += i.at("previous").get<double>();
        meanEstimate += i.at("estimate").get<double>();
    }
    REQUIRE(estimated >= 10);
    // The anchor: the estimated items keep the mean of their previous values.
    CHECK(meanEstimate / estimated == Approx(meanPrevious / estimated).margin(1e-3));
    // Each skill's scale aligned on its mean over the estimated items (the anchor decides the
    // shift, not the data).
    for (std::size_t k = 0; k < b.ids.size(); ++k)
        if (item(c, b.ids[k]).at("status") == "estimated")
            meanTruth += b.truth[k];
    double sq = 0;
    for (std::size_t k = 0; k < b.ids.size(); ++k) {
        const auto& i = item(c, b.ids[k]);
        if (i.at("status") != "estimated")
            continue;
        const double e = i.at("estimate").get<double>() - meanEstimate / estimated;
        const double t = b.truth[k] - meanTruth / estimated;
        INFO(b.ids[k] << " estimate " << e << " truth " << t);
        sq += (e - t) * (e - t);
        CHECK(std::abs(e - t) < 0.4);
        CHECK(i.at("se").get<double>() > 0.03);
        CHECK(i.at("se").get<double>() < 0.4);
        CHECK(i.at("infit").get<double>() > 0.7);
        CHECK(i.at("infit").get<double>() < 1.3);
    }
    const double rmse = std::sqrt(sq / estimated);
    INFO("rmse " << rmse);
    CHECK(rmse < 0.2);
    CHECK(c.at("skills").at(0).at("cutPoints") == nlohmann::json({-1.0, 0.0, 1.0}));
}

TEST_CASE("calibrate: an item everyone got right is kept and flagged, few answers are kept, "
          "unknown items and versions are counted, not used") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    Bank b = bank(8);
    publish(*s, writePackage(dir.path(), b, "1.0.0"), "1.0.0");
    store(*s, b, 500, 5, "1.0.0", /*allRight=*/true);
    // An answer to an item the package does not have, and an attempt of an unpublished version.
    std::vector<WireRecord> odd{
        record("x-att", 1, "attempt",
               {{"uuid", "x-att"}, {"quizId", "cal"}, {"quizVersion", "9.9.9"}}),
        record("x-r0", 2, "response",
               {{"uuid", "x-r0"}, {"attemptUuid", "x-att"}, {"itemId", "i1"}, {"status", "ok"}}),
        record("y-r0", 3, "response",
               {{"uuid", "y-r0"}, {"attemptUuid", "att-0"}, {"itemId", "gone"}, {"status", "ok"}})};
    auto d = s->deviceByTokenHash(sha256Hex("t"));
    REQUIRE(d);
    s->ingestBatch(*d, "odd", odd, 200);

    CalibrateOptions options;
    options.quizId = "cal";
    options.minResponses = 100;
    const auto out = calibrate(*s, options, 1);
    REQUIRE(out.converged);
    const auto& c = out.calibration;
    CHECK(c.at("responses").at("skippedUnknownItem") == 1);
    CHECK(c.at("responses").at("skippedUnknownVersion") == 1);
    const auto& everyone = item(c, "i3"); // everyone's first item, everyone right
    CHECK(everyone.at("n") == 500);
    CHECK(everyone.at("status") == "kept");
    CHECK(everyone.at("reason") == "all-right");
    CHECK(everyone.at("estimate") == everyone.at("previous"));
    for (const auto& i : c.at("items")) {
        if (i.at("status") == "estimated") {
            CHECK(std::isfinite(i.at("estimate").get<double>()));
            CHECK(std::abs(i.at("estimate").get<double>()) < 6.0);
        } else if (i.at("id") != "i3") {
            CHECK(i.at("reason") == "few-responses");
            CHECK(i.at("n").get<int>() < 100);
        }
    }
}

namespace {

// Every item of the bank estimated, and its difficulty against the truth, each centred on its
// mean over the bank (the anchor decides the shift, not the data).
struct Centred {
    double estimate = 0.0;
    double truth = 0.0;
};

std::vector<Centred> centredDifficulties(const nlohmann::json& c, const Bank& b) {
    std::vector<Centred> out(b.ids.size());
    double meanEstimate = 0, meanTruth = 0;
    for (std::size_t k = 0; k < b.ids.size(); ++k) {
        const auto& i = item(c, b.ids[k]);
        REQUIRE(i.at("status") == "estimated");
        out[k] = {i.at("estimate").get<double>(), b.truth[k]};
        meanEstimate += out[k].estimate / static_cast<double>(b.ids.size());
        meanTruth += out[k].truth / static_cast<double>(b.ids.size());
    }
    for (auto& d : out) {
        d.estimate -= meanEstimate;
        d.truth -= meanTruth;
    }
    return out;
}

struct Discriminations {
    int estimated = 0;
    int kept = 0;
};

// A 2PL item's discrimination: written within 25 % (or 0.2) of the truth, or kept at its previous
// value because its standard error was above 15 % of the estimate.
void checkDiscrimination(const nlohmann::json& i, double truth, double previous,
                         Discriminations& count) {
    INFO(i.at("id") << " a " << i.at("discrimination") << " se " << i.at("seDiscrimination")
                    << " truth " << truth);
    if (i.contains("discriminationKept")) {
        ++count.kept;
        CHECK(i.at("discriminationKept") == "imprecise");
        CHECK(i.at("discrimination") == previous);
        CHECK(i.at("seDiscrimination").is_null());
        return;
    }
    ++count.estimated;
    const double a = i.at("discrimination").get<double>();
    const double se = i.at("seDiscrimination").get<double>();
    CHECK(std::abs(a - truth) < std::max(0.2, 0.25 * truth));
    CHECK(se > 0.01);
    CHECK(se <= 0.15 * a + 1e-4);
}

} // namespace

// The unit of an all-2PL scale, on complete answers (everyone answers every item): the geometric
// mean of the discriminations stays at that of the starting values, the rest is recovered.
TEST_CASE("item MML: an all-2PL scale keeps the geometric mean of the starting discriminations") {
    const std::vector<double> truthA{0.6, 2.4, 0.8, 1.8, 1.2, 1.2, 1.0, 1.44, 0.9, 1.6};
    std::vector<MmlItem> items(truthA.size());
    std::vector<MmlResponse> responses;
    for (std::size_t j = 0; j < items.size(); ++j)
        items[j] = {.start = 0.0, .startA = 1.2, .twoParameter = true, .fixed = false};
    const int persons = 4000;
    for (int p = 0; p < persons; ++p) {
        engine::Rng rng(7, "mml", static_cast<std::uint64_t>(p));
        const double theta = rng.normal();
        for (std::size_t j = 0; j < items.size(); ++j) {
            const double b = -1.8 + 0.4 * static_cast<double>(j);
            const double prob = 1.0 / (1.0 + std::exp(-truthA[j] * (theta - b)));
            responses.push_back({p, static_cast<int>(j), rng.uniform() < prob ? 1.0 : 0.0});
        }
    }
    MmlSettings settings;
    settings.anchorMean = 0.0;
    const auto r = estimateItems(persons, items, responses, settings);
    REQUIRE(r.converged);
    double logSum = 0.0, truthLogSum = 0.0;
    for (std::size_t j = 0; j < items.size(); ++j) {
        logSum += std::log(r.discrimination[j]);
        truthLogSum += std::log(truthA[j]);
    }
    CHECK(std::exp(logSum / 10) == Approx(1.2).margin(1e-3));
    // The truth's unit differs by the ratio of geometric means: compare on that scale.
    const double unit = 1.2 / std::exp(truthLogSum / 10);
    for (std::size_t j = 0; j < items.size(); ++j) {
        INFO("item " << j << " a " << r.discrimination[j] << " truth " << truthA[j] * unit);
        CHECK(std::abs(r.discrimination[j] - truthA[j] * unit) < 0.15 * truthA[j] * unit);
        CHECK(r.seDiscrimination[j] > 0.0);
    }
}

// Items 2, 6, 9 and 13 of 16 are 2PL with true discriminations far from 1; the package declares
// them with {"b": ..., "a": 1} (the author does not know a yet).
TEST_CASE("calibrate: 2PL items the package declares get their discrimination estimated, Rasch "
          "items keep a = 1 and set the unit") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    Bank b = bank(16);
    b.twoParameter.assign(16, false);
    b.previousA.assign(16, 1.0);
    b.truthA.assign(16, 1.0);
    const std::map<std::size_t, double> declared{{2, 0.55}, {6, 1.9}, {9, 0.8}, {13, 2.3}};
    for (const auto& [k, a] : declared) {
        b.twoParameter[k] = true;
        b.truthA[k] = a;
    }
    publish(*s, writePackage(dir.path(), b, "1.0.0"), "1.0.0");
    store(*s, b, 3000, 8, "1.0.0");

    CalibrateOptions options;
    options.quizId = "cal";
    const auto out = calibrate(*s, options, 1);
    REQUIRE(out.converged);
    const auto& c = out.calibration;
    CHECK(c.at("model").get<std::string>().find("2pl") != std::string::npos);
    Discriminations discriminations;
    const auto centred = centredDifficulties(c, b);
    for (std::size_t k = 0; k < b.ids.size(); ++k) {
        const auto& i = item(c, b.ids[k]);
        INFO(b.ids[k] << " b estimate " << centred[k].estimate << " truth " << centred[k].truth);
        CHECK(std::abs(centred[k].estimate - centred[k].truth) < 0.4);
        if (!b.is2pl(k)) {
            CHECK(i.at("model") == "rasch");
            CHECK_FALSE(i.contains("discrimination"));
            continue;
        }
        CHECK(i.at("model") == "2pl");
        CHECK(i.at("previousDiscrimination") == 1.0);
        checkDiscrimination(i, b.truthA[k], 1.0, discriminations);
    }
    // Answered mostly by people near its difficulty, an item says little about its slope: i2
    // (816 answers) and i13 (586) are too imprecise to write, i6 and i9 are estimated.
    CHECK(discriminations.estimated == 2);
    CHECK(discriminations.kept == 2);
}

// Every item 2PL: nothing else sets the unit, so the geometric mean of the discriminations keeps
// that of the previous values (1.2), which the true ones also have. A difficulty whose slope was
// too imprecise to write is less precise too (0.5 instead of 0.4 logits).
TEST_CASE("calibrate: an adaptive skill whose items are all 2PL, precise discriminations "
          "recovered and the others kept") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    Bank b = bank(12);
    b.twoParameter.assign(12, true);
    b.previousA.assign(12, 1.2);
    b.truthA = {0.6, 2.4, 0.8, 1.8, 1.2, 1.2, 1.0, 1.44, 0.9, 1.6, 2.4, 0.6};
    publish(*s, writePackage(dir.path(), b, "1.0.0"), "1.0.0");
    store(*s, b, 3000, 7, "1.0.0");

    CalibrateOptions options;
    options.quizId = "cal";
    const auto out = calibrate(*s, options, 1);
    REQUIRE(out.converged);
    const auto& c = out.calibration;
    const auto centred = centredDifficulties(c, b);
    Discriminations discriminations;
    for (std::size_t k = 0; k < b.ids.size(); ++k) {
        const auto& i = item(c, b.ids[k]);
        INFO(b.ids[k] << " a " << i.at("discrimination") << " truth " << b.truthA[k] << ", b "
                      << centred[k].estimate << " truth " << centred[k].truth);
        CHECK(std::abs(centred[k].estimate - centred[k].truth) <
              (i.contains("discriminationKept") ? 0.5 : 0.4));
        checkDiscrimination(i, b.truthA[k], 1.2, discriminations);
    }
    CHECK(discriminations.estimated >= 7);
}

TEST_CASE("calibrate: no convergence is reported with the iteration count") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    const Bank b = bank(6);
    publish(*s, writePackage(dir.path(), b, "1.0.0"), "1.0.0");
    store(*s, b, 400, 4, "1.0.0");
    CalibrateOptions options;
    options.quizId = "cal";
    options.mml.maxIterations = 2;
    const auto out = calibrate(*s, options, 1);
    CHECK_FALSE(out.converged);
    CHECK(out.failure.find("no convergence after 2 iterations") != std::string::npos);
    CHECK_THROWS_WITH(
        [&] {
            CalibrateOptions other;
            other.quizId = "absent";
            calibrate(*s, other, 1);
        }(),
        Catch::Contains("no published package absent"));
}

// --- admin item-stats (issue 19): the same stored answers, read for the content's maintainers.

namespace {

// Six "lecture" items a..f with options r (right) and w1, w2, and a profile question "lit"
// (oui/non). Item a: everyone right; f: answered at random; e: people who answered "non" to the
// profile question fail it at any ability (DIF); nobody picks w2 of item b.
void storeForStats(Storage& s, const fs::path& dir) {
    nlohmann::json items = nlohmann::json::array();
    items.push_back(
        {{"id", "lit"}, {"type", "profile"}, {"options", {{{"id", "oui"}}, {{"id", "non"}}}}});
    const std::vector<std::pair<std::string, double>> bank = {{"a", -6.0}, {"b", -1.0}, {"c", 0.0},
                                                              {"d", 1.0},  {"e", 0.0},  {"f", 0.0}};
    for (const auto& [id, b] : bank)
        items.push_back({{"id", id},
                         {"rev", 1},
                         {"type", "choice"},
                         {"skill", "lecture"},
                         {"difficulty", b},
                         {"options", {{{"id", "r"}}, {{"id", "w1"}}, {{"id", "w2"}}}},
                         {"correct", {"r"}}});
    const nlohmann::json quiz = {
        {"id", "cal"},
        {"version", "1.0.0"},
        {"framework", {{"skills", {{{"id", "lecture"}}}}, {"cutPoints", {-1.0, 0.0, 1.0}}}},
        {"sections", {{{"id", "s"}, {"items", items}}}}};
    fs::create_directories(dir / "stats");
    std::ofstream(dir / "stats" / "quiz.json") << quiz.dump(1);
    publish(s, dir / "stats", "1.0.0");
    s.createEnrolCode(sha256Hex("C"), "ALI Bondy", 0, 99999);
    auto d = s.enrolDevice(sha256Hex("C"), "dev-1", "k", sha256Hex("t"), 10);
    REQUIRE(d);
    std::vector<WireRecord> batch;
    std::int64_t seq = 0;
    for (int p = 0; p < 400; ++p) {
        engine::Rng rng(9, "p", static_cast<std::uint64_t>(p));
        const double theta = 1.2 * rng.normal();
        const bool reads = p % 3 != 0; // "oui" is the larger group: the reference
        const std::string att = "att-" + std::to_string(p);
        batch.push_back(record(att, ++seq, "attempt",
                               {{"uuid", att}, {"quizId", "cal"}, {"quizVersion", "1.0.0"}}));
        auto answer = [&](const std::string& item, int sequence, const std::string& chosen,
                          bool right) {
            const std::string id = att + "-" + item;
            batch.push_back(record(id, ++seq, "response",
                                   {{"uuid", id},
                                    {"attemptUuid", att},
                                    {"sequence", sequence},
                                    {"itemId", item},
                                    {"itemRev", 1},
                                    {"answer", {{"selected", {chosen}}}},
                                    {"score", right ? 1.0 : 0.0},
                                    {"maxScore", item == "lit" ? 0.0 : 1.0},
                                    {"status", item == "lit" ? "unscored"
                                               : right       ? "ok"
                                                             : "ko"},
                                    {"durationMs", 4000 + 1000 * (p % 3)}}));
        };
        answer("lit", 0, reads ? "oui" : "non", false);
        int sequence = 1;
        for (const auto& [item, b] : bank) {
            bool right = rng.uniform() < 1.0 / (1.0 + std::exp(b - theta));
            if (item == "f")
                right = rng.uniform() < 0.5;
            if (item == "e" && !reads)
                right = false;
            const std::string wrong = item == "b" || rng.uniform() < 0.5 ? "w1" : "w2";
            answer(item, sequence++, right ? "r" : wrong, right);
        }
        if (batch.size() > 400) {
            s.ingestBatch(*d, "b" + std::to_string(seq), batch, 100);
            batch.clear();
        }
    }
    s.ingestBatch(*d, "last", batch, 100);
}

const ItemStats& statsOf(const ItemStatsReport& r, const std::string& id) {
    for (const auto& i : r.items)
        if (i.id == id)
            return i;
    FAIL("no item " << id);
    throw;
}

bool flagged(const ItemStats& s, const std::string& flag) {
    return std::find(s.flags.begin(), s.flags.end(), flag) != s.flags.end();
}

} // namespace

TEST_CASE("item-stats: success, point-biserial, options, time, DIF and French flags") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    storeForStats(*s, dir.path());
    const auto r = itemStats(*s, "cal", {});
    CHECK(r.attempts == 400);
    REQUIRE(r.items.size() == 6); // scored items only: the profile question groups people

    const auto& a = statsOf(r, "a");
    CHECK(a.n == 400);
    CHECK(a.pCorrect > 0.95);
    CHECK(flagged(a, "trop facile"));
    CHECK(a.medianSeconds == Approx(5.0));

    const auto& b = statsOf(r, "b");
    CHECK(flagged(b, "distracteur jamais choisi"));
    CHECK(b.options.at(2).id == "w2");
    CHECK(b.options.at(2).count == 0);
    CHECK(b.options.at(0).correct);

    const auto& c = statsOf(r, "c");
    REQUIRE(c.pointBiserial);
    CHECK(*c.pointBiserial > 0.3);
    CHECK(c.flags.empty());
    REQUIRE(c.dif.size() == 1);
    CHECK(c.dif[0].etsClass == 'A');

    const auto& e = statsOf(r, "e");
    REQUIRE(e.dif.size() == 1);
    CHECK(e.dif[0].variable == "lit");
    CHECK(e.dif[0].etsClass == 'C');
    CHECK(e.dif[0].mhD < -1.5); // harder for the focal group
    CHECK(flagged(e, "fonctionne différemment selon le profil"));

    const auto& f = statsOf(r, "f");
    REQUIRE(f.pointBiserial);
    CHECK(*f.pointBiserial < 0.15);
    CHECK(flagged(f, "ne discrimine pas"));

    // One agency only: none here but "ALI Bondy".
    AttemptFilter other;
    other.agency = "ALI Stains";
    CHECK(itemStats(*s, "cal", other).attempts == 0);

    std::ostringstream csv;
    writeItemStatsCsv(csv, r);
    CHECK(csv.str().rfind("\xEF\xBB\xBFquestion;compétence;", 0) == 0);
    CHECK(csv.str().find("trop facile") != std::string::npos);
    CHECK(itemStatsJson(r).at("items").size() == 6);
}
