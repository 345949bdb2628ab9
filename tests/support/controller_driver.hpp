// Drives the real app::Controller through its screens without a window, as the app's loop does:
// a tap becomes an intent applied after the frame, and a PIN check running on its worker is
// waited for. The base of the kiosks of the trainer and log-in tests.
#pragma once

#include "app/controller.hpp"
#include "ui/ui_harness.hpp"

#include <memory>
#include <string>
#include <thread>

namespace repere::test {

struct ControllerDriver {
    // Set by the derived kiosk once its store and clock exist; it resets it in its destructor,
    // before those go.
    std::unique_ptr<app::Controller> controller;
    UiHarness ui;

    UiHarness::DrawFn drawFn() {
        return [this](ui::UiContext& ctx) {
            return controller->draw(ctx);
        };
    }
    // Taps the widget showing `label` and applies what it asked for, as the app loop does.
    void tap(const std::string& label) {
        const auto intent = ui.tap(label, drawFn());
        controller->noteActivity();
        controller->apply(intent);
        settle();
    }
    void tapId(const std::string& id) {
        const auto intent = ui.tapId(id, drawFn());
        controller->noteActivity();
        controller->apply(intent);
    }
    // A PIN check runs on a worker: wait for its answer and let the area take it, as the app's
    // loop does between frames.
    void settle() {
        while (controller->trainerArea().checking()) {
            std::this_thread::yield();
            controller->tick();
        }
    }
    bool shows(const std::string& text) {
        ui.frame(drawFn());
        return ui.recorder.showsText(text);
    }
    bool canTap(const std::string& label) {
        ui.frame(drawFn());
        return ui.recorder.findByLabel(label) != nullptr;
    }
};

} // namespace repere::test
