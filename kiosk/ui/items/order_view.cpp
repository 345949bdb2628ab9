// Order: the cards in a column with their position number. Tap a card (it lifts: thick outline),
// then tap the place it should go: the two cards swap. A drag moves a card to where it is dropped.
#include "ui/items/item_parts.hpp"
#include "ui/items/order_model.hpp"
#include "ui/items/renderers.hpp"
#include "ui/items/stimulus_view.hpp"

#include <algorithm>
#include <imgui.h>

namespace repere::ui::items {

ItemIntent drawOrder(const ItemViewState& view, ItemInteraction& scratch, UiContext& ctx) {
    ItemIntent out;
    const auto& item = *view.item;
    const auto& th = ctx.theme;
    auto& model = modelOf<OrderModel>(scratch, [&] { return OrderModel(item, view.attemptSeed); });
    const auto& order = model.order();
    if (order.empty())
        return drawUnavailable(view, scratch, ctx);

    Rect area = view.area;
    // The picture whose word is spelt, or any other stimulus, above the cards.
    if (hasStimulus(item)) {
        const Rect st = area.cutTop(area.h() * 0.35f);
        area.cutTop(th.gap());
        out = drawStimulus(view, ctx, st);
    }
    const Rect hint = area.cutBottom(th.bodyPx() * 1.5f);
    area.cutBottom(th.px(8));
    const int n = static_cast<int>(order.size());
    const float gap = th.px(16);
    const float cardH =
        std::max(th.smallTargetH(), std::min(th.px(120), (area.h() - gap * (n - 1)) / n));
    const float w = std::min(area.w(), th.px(1100));
    const float x0 = area.center().x - w * 0.5f;
    const float numW = th.px(80);

    std::vector<Rect> cards;
    for (int i = 0; i < n; ++i) {
        const float y = area.min.y + i * (cardH + gap);
        cards.push_back(Rect{{x0 + numW, y}, {x0 + w, y + cardH}});
    }
    for (int i = 0; i < n; ++i) {
        const auto& id = order[static_cast<std::size_t>(i)];
        auto it = std::find_if(item.options.begin(), item.options.end(),
                               [&](const quiz::Option& o) { return o.id == id; });
        if (it == item.options.end())
            continue;
        // The position number stays with the place, not the card: "1" is always the first place.
        numberBadge(ctx, {x0 + numW * 0.4f, cards[i].center().y}, th.px(30), i + 1, false);
        const bool lifted = model.selected() == static_cast<std::size_t>(i);
        const auto res = optionCard(ctx, view, "order:" + id, cards[i], *it, lifted);
        if (res.play)
            out = PlayAudio{it->audio, false};
        else if (res.tapped)
            model.tap(static_cast<std::size_t>(i));
        dragGhost(ctx, cards[i], optionLabel(view, *it));
    }
    if (auto drop = dropThisFrame(ctx)) {
        int from = -1, to = -1;
        for (int i = 0; i < n; ++i) {
            if (cards[i].contains(drop->from))
                from = i;
            if (cards[i].contains(drop->to))
                to = i;
        }
        if (from >= 0 && to >= 0)
            model.move(static_cast<std::size_t>(from), static_cast<std::size_t>(to));
    }
    text(ctx, hint, ctx.tr(model.selected() ? "order.tap_place" : "order.tap_card"),
         {TextRole::Muted, Align::Center}, true);

    scratch.ready = model.canSubmit();
    scratch.answer = model.answer();
    return out;
}

} // namespace repere::ui::items
