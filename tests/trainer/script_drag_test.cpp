// The --script "drag" step (used by the trainer journeys to scroll the sheet): where the finger
// goes, that it presses and lifts, that "until" stops it, and that bad steps are refused.
#include "app/script.hpp"

#include <catch2/catch.hpp>

using namespace repere;

TEST_CASE("script drag: the finger presses on the text and moves by dy then lifts", "[script]") {
    auto steps = app::parseScript(nlohmann::json::parse(R"([{"drag": "Montré", "dy": -600}])"));
    REQUIRE(steps.size() == 1);
    app::ScriptRunner run(steps);
    ui::Recorder rec;
    rec.text("Montré : un bus", ui::Rect{{100, 700}, {900, 740}});
    std::vector<app::ScriptRunner::Injection> frames;
    for (int i = 0; i < 20 && !run.done(); ++i) {
        frames.push_back(run.beforeFrame());
        run.afterFrame(rec, i * 16);
    }
    REQUIRE(run.done());
    float minY = 1e9f, maxY = -1e9f;
    bool pressed = false, liftedAfter = false;
    for (const auto& f : frames) {
        if (f.mouseDown) {
            pressed = true;
            REQUIRE(f.mousePos);
            minY = std::min(minY, f.mousePos->y);
            maxY = std::max(maxY, f.mousePos->y);
        } else if (pressed) {
            liftedAfter = true;
        }
    }
    CHECK(pressed);
    CHECK(liftedAfter);
    CHECK(maxY == Approx(720));        // pressed on the text
    CHECK(maxY - minY == Approx(600)); // and moved by dy
}

TEST_CASE("script drag: until stops as soon as the label is visible and bad steps are refused",
          "[script]") {
    app::ScriptRunner run(app::parseScript(
        nlohmann::json::parse(R"([{"drag": "Montré", "dy": -600, "until": "Écouter"}])")));
    ui::Recorder rec;
    rec.widget("trainer:replay:r1", "Écouter", ui::Rect{{0, 0}, {10, 10}}, true);
    run.beforeFrame();
    run.afterFrame(rec, 0);
    CHECK(run.done());
    CHECK_THROWS_WITH(app::parseScript(nlohmann::json::parse(R"([{"drag": "Montré"}])")),
                      Catch::Contains("drag needs \"dy\""));
    // Nothing to drag: the step fails after its wait, naming the text.
    app::ScriptRunner lost(
        app::parseScript(nlohmann::json::parse(R"([{"drag": "absent", "dy": -100}])")));
    ui::Recorder empty;
    lost.beforeFrame();
    lost.afterFrame(empty, 0);
    lost.beforeFrame();
    lost.afterFrame(empty, 4000);
    CHECK(lost.failed());
    CHECK_THAT(lost.failure(), Catch::Contains("no text shows \"absent\""));
}
