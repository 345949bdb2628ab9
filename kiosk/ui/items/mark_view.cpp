// Mark: the text's words are chips laid out like the sentence; a tap marks a word (tinted, thick
// outline, underlined), another tap unmarks it.
#include "ui/items/item_parts.hpp"
#include "ui/items/mark_model.hpp"
#include "ui/items/renderers.hpp"

#include <algorithm>

namespace repere::ui::items {

ItemIntent drawMark(const ItemViewState& view, ItemInteraction& scratch, UiContext& ctx) {
    const auto& th = ctx.theme;
    auto& model = modelOf<MarkModel>(scratch, [&] { return MarkModel(*view.item); });
    if (model.words().empty())
        return drawUnavailable(view, scratch, ctx);

    Rect area = view.area;
    const Rect hint = area.cutBottom(th.bodyPx() * 1.5f);
    const float chipH = th.smallTargetH();
    const float gapX = th.px(16), gapY = th.px(20);
    // Centre the block of words: measure the lines first.
    std::vector<std::vector<std::size_t>> lines(1);
    float x = 0;
    for (std::size_t i = 0; i < model.words().size(); ++i) {
        const float w = chipWidth(ctx, model.words()[i]);
        if (x > 0 && x + w > area.w()) {
            lines.emplace_back();
            x = 0;
        }
        lines.back().push_back(i);
        x += w + gapX;
    }
    const float total = lines.size() * chipH + (lines.size() - 1) * gapY;
    float y = area.min.y + std::max(0.f, (area.h() - total) * 0.3f);
    for (const auto& line : lines) {
        float lx = area.min.x;
        for (auto i : line) {
            const float w = chipWidth(ctx, model.words()[i]);
            const Rect r{{lx, y}, {lx + w, y + chipH}};
            if (chip(ctx, "word:" + std::to_string(i), r, model.words()[i], model.isMarked(i)))
                model.toggle(i);
            lx += w + gapX;
        }
        y += chipH + gapY;
    }
    text(ctx, hint, ctx.tr("mark.hint"), {TextRole::Muted, Align::Center}, true);

    scratch.ready = model.canSubmit();
    scratch.answer = model.answer();
    return {};
}

} // namespace repere::ui::items
