// The bundled diagnostics through the real loader and the real engine: they validate without a
// single error, and virtual candidates are placed within one level of their true level
// (the figure `repere simulate --quiz quizzes/<id> --candidates 1000 --seed 1` prints).
#include "engine/simulation.hpp"
#include "quiz/loader.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

namespace fs = std::filesystem;

namespace {

fs::path packageDir(const std::string& id) {
    return fs::path(REPERE_SOURCE_DIR) / "quizzes" / id;
}

repere::quiz::Quiz loadOrFail(const std::string& id) {
    auto result = repere::quiz::loadPackage(packageDir(id));
    for (const auto& d : result.diagnostics) {
        UNSCOPED_INFO(d.format());
    }
    REQUIRE(result.ok());
    return *result.quiz;
}

} // namespace

TEST_CASE("both bundled diagnostics validate with the real loader") {
    for (const char* id : {"numerique", "francais"}) {
        INFO("package " << id);
        const auto quiz = loadOrFail(id);
        CHECK(quiz.id == id);
        CHECK_FALSE(quiz.contentHash.empty());
    }
}

TEST_CASE("1000 virtual candidates are placed within one level at least 95% of the time") {
    for (const char* id : {"numerique", "francais"}) {
        INFO("package " << id);
        const auto quiz = loadOrFail(id);
        repere::engine::SimulationOptions options;
        options.candidates = 1000;
        options.seed = 1;
        const auto report = repere::engine::simulate(quiz, options);
        INFO(report.summaryLine());
        CHECK(report.placements >= 1000);
        CHECK(report.accuracyWithinOne >= 0.95);
        // Short enough for people who tire quickly: never more than 9 items per skill.
        CHECK(report.maxItemsPerSkill <= 9);
    }
}
