#include "engine/simulation.hpp"
#include "engine_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace repere;
using namespace repere::testing;

namespace {
// Two skills, 40 Rasch items each spread over the candidates' range, default settings.
quiz::Quiz bank() {
    auto q = makeQuiz({adaptiveSection("lecture", "reading", 40, -3.75, 3.75),
                       adaptiveSection("ecoute", "listening", 40, -3.75, 3.75)});
    q.adaptive = {};
    return q;
}
} // namespace

TEST_CASE("simulated candidates are placed mostly right, in few items, deterministically") {
    const auto quiz = bank();
    engine::SimulationOptions options;
    options.candidates = 150;
    options.seed = 9;
    const auto report = engine::simulate(quiz, options);
    CHECK(report.placements == 300);
    CHECK(report.accuracyWithinOne >= 0.95);
    CHECK(report.accuracyExact >= 0.6);
    CHECK(report.medianItemsPerSkill <= quiz.adaptive.maxItems);
    CHECK(report.maxItemsPerSkill <= quiz.adaptive.maxItems);
    CHECK(report.rmse < 1.0);

    // Per skill: every placement counted once, and the overall figure is their weighted mean.
    REQUIRE(report.perSkill.size() == 2);
    int placements = 0;
    double exact = 0;
    for (const auto& [skill, per] : report.perSkill) {
        INFO(skill);
        CHECK(per.placements == 150);
        CHECK(per.accuracyWithinOne >= 0.9);
        CHECK(per.accuracyExact <= per.accuracyWithinOne);
        placements += per.placements;
        exact += per.accuracyExact * per.placements;
    }
    CHECK(placements == report.placements);
    CHECK(exact / placements == Approx(report.accuracyExact));

    const auto again = engine::simulate(quiz, options);
    CHECK(again.accuracyExact == report.accuracyExact);
    CHECK(again.summaryLine() == report.summaryLine());
    options.seed = 10;
    CHECK(engine::simulate(quiz, options).summaryLine() != report.summaryLine());
}

TEST_CASE("the fixed-length variant takes the first items in bank order") {
    const auto quiz = bank();
    const auto fixed = engine::fixedLengthVariant(quiz, 7);
    REQUIRE(fixed.sections.size() == 2);
    for (std::size_t s = 0; s < 2; ++s) {
        CHECK(fixed.sections[s].mode == quiz::Section::Mode::Linear);
        REQUIRE(fixed.sections[s].items.size() == 7);
        for (std::size_t i = 0; i < 7; ++i) {
            CHECK(fixed.sections[s].items[i].id == quiz.sections[s].items[i].id);
        }
    }
    engine::SimulationOptions options;
    options.candidates = 50;
    options.fixedLength = 7;
    const auto report = engine::simulate(quiz, options);
    CHECK(report.medianItemsPerSkill == 7);
    CHECK(report.maxItemsPerSkill == 7);
}

TEST_CASE("the summary line has the exact documented shape") {
    engine::SimulationReport r;
    r.accuracyExact = 0.75;
    r.accuracyWithinOne = 0.9984;
    r.medianItemsPerSkill = 11.5;
    r.maxItemsPerSkill = 16;
    CHECK(r.summaryLine() == "accuracy_exact=0.7500 accuracy_within_one=0.9984 "
                             "median_items_per_skill=11.5 max_items_per_skill=16");
}

TEST_CASE("a simulated attempt rebuilds from its seed and answers as a stored one must") {
    // The observer sees what the store would keep; every attempt must replay from it (the bilan
    // and the trainer sheet rebuild attempts). Seeds above 2^63 did not fit the store and
    // half the stored candidates could not be read back.
    struct Keep : engine::SimulationObserver {
        struct Run {
            std::string uuid;
            std::uint64_t seed = 0;
            std::vector<engine::Response> responses;
        };
        std::vector<Run> runs;
        std::string attemptStarting(int c, std::uint64_t seed) override {
            runs.push_back({"kept-" + std::to_string(c), seed, {}});
            return runs.back().uuid;
        }
        void responded(const engine::Response& r) override { runs.back().responses.push_back(r); }
        void finished(const engine::Attempt&) override {}
    } keep;
    const auto quiz = bank();
    engine::SimulationOptions options;
    options.candidates = 24;
    options.observer = &keep;
    engine::simulate(quiz, options);
    REQUIRE(keep.runs.size() == 24);
    for (const auto& run : keep.runs) {
        INFO(run.uuid << " seed " << run.seed);
        CHECK(run.seed <= 0x7FFFFFFFFFFFFFFFull);
        engine::AttemptOptions o;
        o.attemptUuid = run.uuid;
        o.seed = run.seed;
        CHECK_NOTHROW(engine::Attempt::rebuild(quiz, o, run.responses));
    }
}
