#include <catch2/catch.hpp>

#include <set>

#include "quiz/loader.hpp"

using namespace repere::quiz;

namespace {
const std::string kQuizzes = std::string(REPERE_SOURCE_DIR) + "/quizzes";
const std::string kFixtures = std::string(REPERE_SOURCE_DIR) + "/tests/fixtures/quizzes";
} // namespace

TEST_CASE("the bundled example package loads without errors and uses every item type") {
    LoadResult r = loadPackage(kQuizzes + "/exemple");
    for (const auto& d : r.diagnostics) {
        INFO(d.format());
        CHECK(d.warning);
    }
    REQUIRE(r.ok());
    const Quiz& q = *r.quiz;
    CHECK(q.id == "exemple");
    CHECK(q.contentHash.size() == 64);
    std::set<ItemType> types;
    std::set<SimScenario> scenarios;
    for (const auto& s : q.sections) {
        for (const auto& item : s.items) {
            types.insert(item.type);
            if (item.type == ItemType::Sim) {
                scenarios.insert(item.scenario);
            }
        }
    }
    CHECK(types.size() == 12);
    CHECK(scenarios.size() == 4);
}

TEST_CASE("a backward goto is reported with its pointer") {
    LoadResult r = loadPackage(kFixtures + "/broken-goto");
    CHECK_FALSE(r.ok());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].pointer == "/sections/1/next/0/goto");
    CHECK_THAT(r.diagnostics[0].message, Catch::Contains("goes back to an earlier section"));
}
