#include "engine/expression.hpp"

#include <catch2/catch.hpp>

using namespace repere::engine;
using nlohmann::json;

namespace {
// Variables of a small fixed context.
std::optional<json> vars(const std::string& path) {
    if (path == "level.reading")
        return json(2);
    if (path == "percent.section.lecture")
        return json(75.0);
    if (path == "profile.reads")
        return json("no");
    if (path == "profile.devices")
        return json::array({"phone", "tv"});
    if (path == "answer.q1")
        return json::array({"b"});
    if (isKnownVariablePath(path))
        return json(nullptr); // known kind, no value yet
    return std::nullopt;
}

json eval(const char* text) {
    return evaluateExpression(json::parse(text), vars);
}
bool cond(const char* text) {
    return evaluateCondition(json::parse(text), vars);
}
} // namespace

TEST_CASE("comparisons over numbers, strings and variables") {
    CHECK(cond(R"({">=": [{"var": "level.reading"}, 2]})"));
    CHECK_FALSE(cond(R"({">": [{"var": "level.reading"}, 2]})"));
    CHECK(cond(R"({"<": [{"var": "percent.section.lecture"}, 80]})"));
    CHECK(cond(R"({"<=": [2, 2.0]})"));
    CHECK(cond(R"({"==": [{"var": "level.reading"}, 2.0]})")); // numbers compare numerically
    CHECK(cond(R"({"==": [{"var": "profile.reads"}, "no"]})"));
    CHECK(cond(R"({"!=": [{"var": "profile.reads"}, "yes"]})"));
    CHECK(cond(R"({"<": ["a1", "a2"]})"));
    CHECK_FALSE(cond(R"({"<": ["2", 3]})")); // mixed types never order
}

TEST_CASE("missing values are null: comparisons are false, defaults apply") {
    CHECK_FALSE(cond(R"({">=": [{"var": "level.writing"}, 0]})"));
    CHECK_FALSE(cond(R"({"<": [{"var": "level.writing"}, 9]})"));
    CHECK(cond(R"({"==": [{"var": "level.writing"}, null]})"));
    CHECK(cond(R"({">=": [{"var": ["level.writing", 0]}, 0]})"));
    CHECK(eval(R"({"var": ["score.item.x", 5]})") == 5);
}

TEST_CASE("and, or, not and in") {
    CHECK(cond(R"({"and": [{"==": [1, 1]}, {"in": ["tv", {"var": "profile.devices"}]}]})"));
    CHECK_FALSE(cond(R"({"and": [{"==": [1, 1]}, {"in": ["pc", {"var": "profile.devices"}]}]})"));
    CHECK(cond(R"({"or": [false, {"in": ["b", {"var": "answer.q1"}]}]})"));
    CHECK(cond(R"({"!": {"==": [{"var": "profile.reads"}, "yes"]}})"));
    CHECK(cond(R"({"!": [false]})"));
    CHECK(cond(R"({"in": ["Denis", "Saint-Denis"]})"));
    CHECK_FALSE(cond(R"({"in": ["x", {"var": "answer.nothing"}]})"));
    CHECK(eval(R"({"or": [0, "", "yes"]})") == "yes"); // JSON-logic returns the deciding value
}

TEST_CASE("truthiness follows JSON-logic") {
    CHECK_FALSE(isTruthy(nullptr));
    CHECK_FALSE(isTruthy(0));
    CHECK_FALSE(isTruthy(""));
    CHECK_FALSE(isTruthy(json::array()));
    CHECK_FALSE(isTruthy(false));
    CHECK(isTruthy(json::array({0})));
    CHECK(isTruthy("0"));
    CHECK(isTruthy(json::object()));
    CHECK(evaluateCondition(nullptr, vars)); // absent condition = always
}

TEST_CASE("malformed expressions raise errors that point at the faulty node") {
    CHECK_THROWS_WITH(eval(R"({"and": [true, {"=>": [1, 2]}]})"),
                      Catch::Contains("/and/1/=>") && Catch::Contains("unknown operator"));
    CHECK_THROWS_WITH(eval(R"({">=": [1]})"),
                      Catch::Contains("/>=") && Catch::Contains("expects 2 arguments, got 1"));
    CHECK_THROWS_WITH(eval(R"({"var": "levl.reading"})"),
                      Catch::Contains("unknown variable path \"levl.reading\""));
    CHECK_THROWS_WITH(eval(R"({"var": 3})"), Catch::Contains("path string"));
    CHECK_THROWS_WITH(eval(R"({"==": [1, 1], "!=": [1, 2]})"),
                      Catch::Contains("exactly one operator"));
    CHECK_THROWS_AS(eval(R"({"and": []})"), ExpressionError);
    try {
        eval(R"({"or": [false, {"!": [1, 2]}]})");
        FAIL("expected an error");
    } catch (const ExpressionError& e) {
        CHECK(e.pointer() == "/or/1/!");
    }
}

TEST_CASE("the validator's check lists every problem without evaluating") {
    CHECK(checkExpression(json::parse(R"({">=": [{"var": "level.reading"}, 2]})")).empty());
    CHECK(checkExpression(json::parse(R"({"in": ["yes", {"var": "profile.reads"}]})")).empty());
    const auto problems = checkExpression(json::parse(
        R"({"and": [{"var": "nope.x"}, {"<": [1]}, {"xor": [1, 2]}, {"!": [{"var": "answer.q1"}]}]})"));
    REQUIRE(problems.size() == 3);
    CHECK_THAT(problems[0],
               Catch::StartsWith("/and/0/var:") && Catch::Contains("unknown variable path"));
    CHECK_THAT(problems[1], Catch::StartsWith("/and/1/<:") && Catch::Contains("expects 2"));
    CHECK_THAT(problems[2], Catch::StartsWith("/and/2/xor:"));
    CHECK(isKnownVariablePath("dontknow.section.lecture"));
    CHECK_FALSE(isKnownVariablePath("level."));
    CHECK_FALSE(isKnownVariablePath("score.reading"));
}
