// A sim item (one of the four mock screens) in the kiosk's item frame, in a headless ImGui
// context of the given size, with the person's gestures: shared by the sim and layout tests.
#pragma once

#include "ui/screens/screens.hpp"
#include "ui_harness.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace repere::test {

struct SimFixture {
    ::repere::quiz::Quiz quiz;
    ::repere::quiz::Item item;
    ::repere::ui::ItemScreenView view;
    ::repere::ui::items::ItemInteraction scratch;
    UiHarness h;

    SimFixture(::repere::quiz::SimScenario scenario, nlohmann::json config,
               ImVec2 size = {1920, 1080}, std::string instruction = "Consigne")
        : h(size) {
        quiz.packageDir = "/nonexistent";
        item.id = "sim1";
        item.type = ::repere::quiz::ItemType::Sim;
        item.scenario = scenario;
        item.simConfig = std::move(config);
        view.item.quiz = &quiz;
        view.item.item = &item;
        view.instruction = std::move(instruction);
    }
    ::repere::ui::Intent frame() {
        return h.frame([&](::repere::ui::UiContext& c) {
            return ::repere::ui::drawItemScreen(view, scratch, c);
        });
    }
    ::repere::ui::Intent tap(const std::string& label) {
        return h.tap(label, [&](::repere::ui::UiContext& c) {
            return ::repere::ui::drawItemScreen(view, scratch, c);
        });
    }
    ::repere::ui::Intent tapId(const std::string& id) {
        return h.tapId(id, [&](::repere::ui::UiContext& c) {
            return ::repere::ui::drawItemScreen(view, scratch, c);
        });
    }
    void type(const std::string& t) {
        h.type(t);
        frame();
    }
    // "Continuer" after the end state: the answer leaves as a SubmitAnswer item intent.
    nlohmann::json finish() {
        frame();
        CHECK_FALSE(h.recorder.findById("item:validate")); // sims submit by themselves
        CHECK_FALSE(h.recorder.findById("item:dontknow")); // the scenario is over
        const auto i = tap("Continuer");
        REQUIRE(is<::repere::ui::intent::Item>(i));
        const auto& a = std::get<::repere::ui::intent::Item>(i).action;
        REQUIRE(std::holds_alternative<::repere::ui::items::SubmitAnswer>(a));
        return std::get<::repere::ui::items::SubmitAnswer>(a).answer;
    }
    const ::repere::ui::RecordedWidget& widget(const std::string& id) {
        const auto* w = h.recorder.findById(id);
        if (!w)
            throw std::runtime_error("no widget " + id);
        return *w;
    }
    // Every key of the on-screen keyboard now drawn.
    std::vector<::repere::ui::Rect> keys() const {
        std::vector<::repere::ui::Rect> out;
        for (const auto& w : h.recorder.widgets())
            if (w.id.rfind("key:", 0) == 0)
                out.push_back(w.rect);
        return out;
    }
};

} // namespace repere::test
