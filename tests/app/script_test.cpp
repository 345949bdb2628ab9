// The --script parser: every step kind the e2e journeys use, and a clear message for a bad one.
#include "app/script.hpp"

#include <catch2/catch.hpp>

using nlohmann::json;
using repere::app::parseScript;
using repere::app::ScriptStep;

namespace {
std::string parseError(const json& doc) {
    try {
        parseScript(doc);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}
} // namespace

TEST_CASE("a window step gives the size to resize to", "[script]") {
    const auto steps =
        parseScript(json::parse(R"([{"wait_text": "Bienvenue"}, {"window": "1080x1920"}])"));
    REQUIRE(steps.size() == 2);
    CHECK(steps[1].kind == ScriptStep::Kind::Window);
    CHECK(steps[1].width == 1080);
    CHECK(steps[1].height == 1920);
}

TEST_CASE("a malformed window size names the step and the expected form", "[script]") {
    for (const char* bad :
         {"1024", "1024x", "x600", "1024*600", "1024x600px", "100x100", "99999x600"}) {
        const auto message = parseError(json::array({json{{"window", bad}}}));
        INFO(bad);
        CHECK(message.find("script step 1") != std::string::npos);
        CHECK(message.find("1024x600") != std::string::npos);
    }
    CHECK(parseError(json::parse(R"([{"window": 1024}])")).find("window needs a string") !=
          std::string::npos);
}

TEST_CASE("an unknown step is refused", "[script]") {
    CHECK(parseError(json::parse(R"([{"tap": "Commencer"}, {"swipe": "left"}])"))
              .find("script step 2") != std::string::npos);
}
