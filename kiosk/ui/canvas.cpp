#include "ui/canvas.hpp"

#include "ui/widgets/widgets.hpp"

#include <imgui.h>

namespace repere::ui {

void beginCanvas(const Theme& theme) {
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(theme.display);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {0, 0});
    const ImGuiWindowFlags flags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
        ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoNav;
    ImGui::Begin("##canvas", nullptr, flags);
    ImGui::PopStyleVar(4);
    // No full-screen rectangle of the background colour: the window is cleared with it before
    // every frame (Window::render, the item gallery). Drawn again, it was two million pixels
    // through ImGui's blended, textured shader: half of the first frame's time under Mesa's
    // software renderer at 1920x1080 (bench/kiosk/README.md, "Start-up").
}

void endCanvas() {
    ImGui::End();
}

Rect contentRect(const Theme& theme) {
    return Rect{{theme.margin(), theme.topBarH()},
                {theme.display.x - theme.margin(), theme.display.y - theme.margin()}};
}

Rect topBarRect(const Theme& theme) {
    const Rect speaker = speakerRect(theme);
    return Rect{{theme.margin(), speaker.min.y}, {speaker.min.x - theme.gap(), speaker.max.y}};
}

} // namespace repere::ui
