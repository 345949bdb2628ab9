#include "ui/widgets/widgets.hpp"

#include <algorithm>
#include <imgui.h>

namespace repere::ui {

void dragScroll(UiContext& ctx, std::string_view id, const Rect& viewport, float contentH,
                float& scrollY) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGuiStorage* store = ImGui::GetStateStorage();
    const ImGuiID key = ImGui::GetID(id.data(), id.data() + id.size());
    bool dragging = store->GetBool(key, false);
    if (io.MouseClicked[0])
        dragging = viewport.contains(io.MouseClickedPos[0]);
    if (!io.MouseDown[0])
        dragging = false;
    if (dragging)
        scrollY -= io.MouseDelta.y; // the content follows the finger
    if (viewport.contains(io.MousePos) && io.MouseWheel != 0)
        scrollY -= io.MouseWheel * ctx.theme.px(80);
    store->SetBool(key, dragging);
    scrollY = std::clamp(scrollY, 0.f, std::max(0.f, contentH - viewport.h()));
}

} // namespace repere::ui
