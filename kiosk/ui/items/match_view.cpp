// Match: two columns of cards. Tap a card on one side, then its partner on the other (or drag
// one onto the other). A pair is joined by a line and carries the same number on both cards, so
// it is visible without colour. Tapping a paired card picks it up again to re-pair it.
#include "ui/items/item_parts.hpp"
#include "ui/items/match_model.hpp"
#include "ui/items/renderers.hpp"

#include <algorithm>
#include <imgui.h>

namespace repere::ui::items {

// Long on purpose: the two columns and the lines joining them are laid out and drawn in one pass
// over the pairs.
ItemIntent drawMatch(const ItemViewState& view, ItemInteraction& scratch, UiContext& ctx) {
    ItemIntent out;
    const auto& item = *view.item;
    const auto& th = ctx.theme;
    auto& model = modelOf<MatchModel>(scratch, [&] { return MatchModel(item); });
    if (item.options.empty() || item.right.empty())
        return drawUnavailable(view, scratch, ctx);

    Rect area = view.area;
    const float colW = area.w() * (th.portrait ? 0.44f : 0.40f);
    const Rect leftCol = area.cutLeft(colW);
    const Rect rightCol = area.cutRight(colW);
    const int rows = static_cast<int>(std::max(item.options.size(), item.right.size()));
    const float gap = th.gap();
    const float cardH =
        std::max(th.smallTargetH(), std::min(th.px(140), (leftCol.h() - gap * (rows - 1)) / rows));

    auto cardRect = [&](const Rect& col, std::size_t i, std::size_t n) {
        // Each column is centred vertically so a shorter column does not hang at the top.
        const float total = n * cardH + (n - 1) * gap;
        const float y0 = col.min.y + std::max(0.f, (col.h() - total) * 0.5f);
        return Rect{{col.min.x, y0 + i * (cardH + gap)},
                    {col.max.x, y0 + i * (cardH + gap) + cardH}};
    };
    std::vector<Rect> lr, rr;
    for (std::size_t i = 0; i < item.options.size(); ++i)
        lr.push_back(cardRect(leftCol, i, item.options.size()));
    for (std::size_t i = 0; i < item.right.size(); ++i)
        rr.push_back(cardRect(rightCol, i, item.right.size()));

    // Lines under the cards: from the right edge of a left card to the left edge of its partner.
    ImDrawList* dl = ctx.draw();
    for (std::size_t i = 0; i < item.options.size(); ++i) {
        if (auto r = model.rightFor(item.options[i].id)) {
            auto it = std::find(model.rightIds().begin(), model.rightIds().end(), *r);
            const Rect& to = rr[static_cast<std::size_t>(it - model.rightIds().begin())];
            dl->AddLine({lr[i].max.x, lr[i].center().y}, {to.min.x, to.center().y},
                        palette().action, th.px(8));
        }
    }

    const float badge = th.px(26);
    for (std::size_t i = 0; i < item.options.size(); ++i) {
        const auto& o = item.options[i];
        const auto res =
            optionCard(ctx, view, "left:" + o.id, lr[i], o, model.pendingLeft() == o.id);
        if (res.play)
            out = PlayAudio{o.audio, false};
        else if (res.tapped)
            model.tapLeft(o.id);
        dragGhost(ctx, lr[i], optionLabel(view, o));
        if (int n = model.pairNumberOfLeft(o.id))
            numberBadge(ctx, {lr[i].max.x, lr[i].center().y}, badge, n, true);
    }
    for (std::size_t i = 0; i < item.right.size(); ++i) {
        const auto& o = item.right[i];
        const auto res =
            optionCard(ctx, view, "right:" + o.id, rr[i], o, model.pendingRight() == o.id);
        if (res.play)
            out = PlayAudio{o.audio, false};
        else if (res.tapped)
            model.tapRight(o.id);
        dragGhost(ctx, rr[i], optionLabel(view, o));
        if (int n = model.pairNumberOfRight(o.id))
            numberBadge(ctx, {rr[i].min.x, rr[i].center().y}, badge, n, true);
    }

    // A drag from a card of one side dropped on a card of the other side makes that pair.
    if (auto drop = dropThisFrame(ctx)) {
        auto hit = [](const std::vector<Rect>& rs, ImVec2 p) -> int {
            for (std::size_t i = 0; i < rs.size(); ++i)
                if (rs[i].contains(p))
                    return static_cast<int>(i);
            return -1;
        };
        const int fl = hit(lr, drop->from), fr = hit(rr, drop->from), tl = hit(lr, drop->to),
                  tr = hit(rr, drop->to);
        if (fl >= 0 && tr >= 0)
            model.pair(item.options[fl].id, item.right[tr].id);
        if (fr >= 0 && tl >= 0)
            model.pair(item.options[tl].id, item.right[fr].id);
    }

    scratch.ready = model.canSubmit();
    scratch.answer = model.answer();
    return out;
}

} // namespace repere::ui::items
