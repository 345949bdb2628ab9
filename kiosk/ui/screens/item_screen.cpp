// The frame around every item: progress the width of the screen, the instruction, the item
// body (drawn by ui/items), and the footer: "Je ne sais pas", "Pause", "Valider".
#include "ui/screens/screens.hpp"

namespace repere::ui {

Intent drawItemScreen(const ItemScreenView& view, items::ItemInteraction& scratch, UiContext& ctx) {
    Intent out;
    const auto& th = ctx.theme;
    progressBar(ctx, Rect{{0, 0}, {th.display.x, th.px(20)}}, view.progress);

    Rect top = topBarRect(th);
    if (view.practice) {
        const auto& p = ctx.tr("item.practice");
        Rect tag = top.cutLeft(buttonWidth(ctx, p, false)).centered(buttonWidth(ctx, p, false), th.bodyPx() * 1.6f);
        panel(ctx, tag, palette().notice);
        text(ctx, tag, p, {TextRole::Strong, Align::Center}, true);
    }

    Rect r = contentRect(th);
    Rect footer = r.cutBottom(th.targetH());
    r.cutBottom(th.gap());
    if (!view.instruction.empty()) {
        const float h = text(ctx, r, view.instruction, {TextRole::Strong, Align::Left, th.px(40)});
        r.cutTop(h + th.gap());
    }

    items::ItemViewState iv = view.item;
    iv.area = r;
    const bool hasItem = iv.item != nullptr;
    if (hasItem && scratch.itemId != iv.item->id) scratch.reset(iv.item->id, ctx.nowMs);
    const items::ItemIntent ii = items::drawItem(iv, scratch, ctx);
    if (!std::holds_alternative<std::monostate>(ii)) out = intent::Item{ii};

    // Footer: the quiet way out on the left, pause in the middle, the strong action on the right.
    const float third = (footer.w() - 2 * th.gap()) / 3.f;
    if (view.allowDontKnow) {
        ButtonSpec dk;
        dk.picto = Picto::Question;
        dk.style = ButtonStyle::Secondary;
        if (button(ctx, "item:dontknow", column(footer, 0, 3, th.gap()), ctx.tr("common.dont_know"), dk)) out = intent::DontKnow{};
    }
    ButtonSpec pause;
    pause.picto = Picto::Pause;
    pause.style = ButtonStyle::Quiet;
    const auto& pauseLabel = ctx.tr("common.pause");
    const Rect mid = column(footer, 1, 3, th.gap());
    if (button(ctx, "item:pause", mid.centered(std::min(third, buttonWidth(ctx, pauseLabel, true) + th.px(40)), mid.h()),
               pauseLabel, pause))
        out = intent::Pause{};
    if (!hasItem || !items::hasOwnSubmit(iv.item->type)) {
        const bool info = hasItem && iv.item->type == quiz::ItemType::Info;
        ButtonSpec ok;
        ok.picto = info ? Picto::ArrowRight : Picto::Check;
        ok.style = ButtonStyle::Primary;
        ok.enabled = scratch.ready;
        if (button(ctx, "item:validate", column(footer, 2, 3, th.gap()), ctx.tr(info ? "common.continue" : "common.validate"), ok))
            out = intent::Answer{scratch.answer.is_null() ? nlohmann::json::object() : scratch.answer};
    }
    if (auto s = speakerIntent(ctx, view.instruction); !isNone(s)) out = s;
    return out;
}

} // namespace repere::ui
