// Hotspot: the picture as big as the area allows; a tap puts a marker (a ring and a dot) where
// the finger was; another tap moves it; "Valider" sends the point as fractions of the picture.
#include "ui/items/hotspot_model.hpp"
#include "ui/items/item_parts.hpp"
#include "ui/items/renderers.hpp"

#include <imgui.h>

namespace repere::ui::items {

ItemIntent drawHotspot(const ItemViewState& view, ItemInteraction& scratch, UiContext& ctx) {
    const auto& item = *view.item;
    const auto& th = ctx.theme;
    auto& model = modelOf<HotspotModel>(scratch, [] { return HotspotModel{}; });

    Rect area = view.area;
    const Rect hint = area.cutBottom(th.bodyPx() * 1.5f);
    const std::string imageId = item.image.empty() ? item.stimulus.image : item.image;
    const Rect pic = image(ctx, area, assetPath(*view.quiz, imageId));
    std::string label = ctx.tr("hotspot.picture");
    if (const auto* a = view.quiz->findAsset(imageId); a && !a->alt.empty())
        label = a->alt.get(view.locale);
    if (tapArea(ctx, "hotspot:image", pic, true)) {
        const ImVec2 p = ImGui::GetIO().MousePos;
        model.tap((p.x - pic.min.x) / pic.w(), (p.y - pic.min.y) / pic.h());
    }
    if (ctx.recorder)
        ctx.recorder->widget("hotspot:image", label, pic, true);

    ImDrawList* dl = ctx.draw();
    if (const auto& pt = model.point()) {
        const ImVec2 c{pic.min.x + static_cast<float>(pt->x) * pic.w(),
                       pic.min.y + static_cast<float>(pt->y) * pic.h()};
        // White halo then the action colour: visible on dark and light pictures alike.
        dl->AddCircle(c, th.px(40), IM_COL32_WHITE, 0, th.px(14));
        dl->AddCircle(c, th.px(40), palette().action, 0, th.px(8));
        dl->AddCircleFilled(c, th.px(10), palette().action);
    }
    text(ctx, hint, ctx.tr(model.point() ? "hotspot.move" : "hotspot.tap"),
         {TextRole::Muted, Align::Center}, true);

    scratch.ready = model.canSubmit();
    scratch.answer = model.answer();
    return {};
}

} // namespace repere::ui::items
