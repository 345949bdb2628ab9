// A real Dear ImGui context without a window, for screen tests: the font atlas is built (Andika),
// input goes through io.MousePos / io.MouseDown with press and release in separate frames
// (imgui 1.86 has no event queue), widgets are found through the rectangles our widget wrappers
// record, and unbalanced Begin/End or Push/Pop fail the test instead of aborting.
#pragma once

#include "platform/fonts.hpp"
#include "ui/canvas.hpp"
#include "ui/intents.hpp"
#include "ui/theme.hpp"
#include "ui/ui_context.hpp"
#include "ui/widgets/widgets.hpp"

#include <functional>
#include <imgui.h>
#include <imgui_internal.h>
#include <stdexcept>
#include <string>

namespace repere::test {

class UiHarness {
public:
    using DrawFn = std::function<ui::Intent(ui::UiContext&)>;

    explicit UiHarness(ImVec2 size = {1920, 1080}) {
        context_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.DisplaySize = size;
        io.DeltaTime = 1.f / 60.f;
        std::string err;
        fontsOk = platform::buildFonts(*io.Fonts, ui::textScaleFor(size), fonts_, err);
        theme_ = ui::makeTheme(size, fonts_);
    }
    ~UiHarness() { ImGui::DestroyContext(context_); }
    UiHarness(const UiHarness&) = delete;
    UiHarness& operator=(const UiHarness&) = delete;

    // One frame: draws, records, returns the intent.
    ui::Intent frame(const DrawFn& draw) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = mouse_;
        io.MouseDown[0] = down_;
        ImGui::NewFrame();
        recorder.clear();
        ui::UiContext ctx{theme_, locale, &recorder, images, pendingInput_, nowMs};
        ctx.soundOff = soundOff;
        pendingInput_ = {};
        ui::beginCanvas(theme_);
        ui::setInkRecorder(&recorder); // every string's glyphs, for the overlap checks
        ui::Intent out = draw(ctx);
        ui::setInkRecorder(nullptr);
        ui::endCanvas();
        imguiErrors.clear();
        ImGui::ErrorCheckEndFrameRecover(&UiHarness::onError, this);
        ImGui::Render();
        if (!imguiErrors.empty())
            throw std::runtime_error("ImGui stack error: " + imguiErrors);
        return out;
    }

    // Finds the enabled widget showing `label` (as drawn now) and taps it: finger over it, press,
    // release, in three frames. Returns the intent of the release frame.
    ui::Intent tap(const std::string& label, const DrawFn& draw) {
        frame(draw);
        const auto* w = recorder.findByLabel(label);
        if (!w)
            throw std::runtime_error("no enabled widget labelled \"" + label + "\"");
        return tapAt(w->rect.center(), draw);
    }
    ui::Intent tapId(const std::string& id, const DrawFn& draw) {
        frame(draw);
        const auto* w = recorder.findById(id);
        if (!w)
            throw std::runtime_error("no widget with id \"" + id + "\"");
        return tapAt(w->rect.center(), draw);
    }
    ui::Intent tapAt(ImVec2 p, const DrawFn& draw) {
        mouse_ = p;
        frame(draw);
        down_ = true;
        frame(draw);
        down_ = false;
        ui::Intent out = frame(draw);
        mouse_ = {-FLT_MAX, -FLT_MAX};
        frame(draw);
        return out;
    }
    // Raw finger state for the next frames (gestures other than a tap).
    void finger(ImVec2 p, bool down) {
        mouse_ = p;
        down_ = down;
    }
    // Keyboard input delivered to the next frame.
    void type(const std::string& text) { pendingInput_.typed += text; }
    void press(bool enter, bool backspace = false, bool escape = false) {
        pendingInput_.enter = enter;
        pendingInput_.backspace = backspace;
        pendingInput_.escape = escape;
    }

    const ui::Theme& theme() const { return theme_; }
    const platform::FontSet& fonts() const { return fonts_; }

    ui::Recorder recorder;
    platform::ImageSource* images = nullptr;
    std::string locale = "fr";
    std::int64_t nowMs = 0;
    bool soundOff = false; // as the controller sets it when no sound can be played
    bool fontsOk = false;
    std::string imguiErrors;

private:
    static void onError(void* self, const char* fmt, ...) {
        char buf[512];
        va_list args;
        va_start(args, fmt);
        std::vsnprintf(buf, sizeof buf, fmt, args);
        va_end(args);
        static_cast<UiHarness*>(self)->imguiErrors += buf;
    }

    ImGuiContext* context_ = nullptr;
    platform::FontSet fonts_;
    ui::Theme theme_;
    ImVec2 mouse_{-FLT_MAX, -FLT_MAX};
    bool down_ = false;
    ui::UiInput pendingInput_;
};

template <class T> bool is(const ui::Intent& i) {
    return std::holds_alternative<T>(i);
}

} // namespace repere::test
