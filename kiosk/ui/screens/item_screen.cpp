// The frame around every item: progress the width of the screen, the instruction, the item
// body (drawn by ui/items), and the footer: "Je ne sais pas", "Pause", "Valider".
#include "ui/screens/screens.hpp"

#include <algorithm>

namespace repere::ui {
namespace {

// Where the frame puts things. Usually: instruction on top, the body, the footer in a row.
// A tall picture to touch (a phone screen) in landscape gets the whole height on the right and
// the instruction and buttons stand on its left, so the buttons drawn in the picture stay big
// enough to hit (a phone home screen fitted under the instruction left them about 48 px).
struct Layout {
    Rect instruction; // consumed from the top by the instruction text
    Rect body;        // the renderer's area (after the instruction when stacked)
    Rect dontKnow, pause, validate;
    bool side = false;
};

float tallPictureAspect(const items::ItemViewState& iv, UiContext& ctx) {
    if (!iv.item || iv.item->type != quiz::ItemType::Hotspot || !ctx.images || !iv.quiz)
        return 0;
    const std::string id = iv.item->image.empty() ? iv.item->stimulus.image : iv.item->image;
    const auto path = items::assetPath(*iv.quiz, id);
    if (path.empty())
        return 0;
    const auto img = ctx.images->image(path);
    if (!img || img->width <= 0 || img->height <= 0)
        return 0;
    const float aspect = static_cast<float>(img->width) / static_cast<float>(img->height);
    return aspect < 0.9f ? aspect : 0;
}

Layout layoutFor(const Theme& th, float tallAspect) {
    Layout l;
    if (tallAspect > 0 && !th.portrait) {
        const Rect sp = speakerRect(th);
        const float top = th.px(28), bottom = th.display.y - th.px(16);
        const float minLeft = th.px(560);
        float picW = (bottom - top) * tallAspect;
        picW = std::min(picW, sp.min.x - th.gap() * 3 - th.margin() - minLeft);
        if (picW > th.px(300)) {
            l.side = true;
            l.body = Rect{{sp.min.x - th.gap() - picW, top}, {sp.min.x - th.gap(), bottom}};
            Rect left{{th.margin(), th.topBarH()},
                      {l.body.min.x - th.gap() * 2, th.display.y - th.margin()}};
            l.validate = left.cutBottom(th.targetH());
            left.cutBottom(th.gap());
            l.pause = left.cutBottom(th.targetH());
            left.cutBottom(th.gap());
            l.dontKnow = left.cutBottom(th.targetH());
            left.cutBottom(th.gap());
            l.instruction = left;
            return l;
        }
    }
    Rect r = contentRect(th);
    Rect footer = r.cutBottom(th.targetH());
    r.cutBottom(th.gap());
    l.instruction = r;
    l.body = r;
    l.dontKnow = column(footer, 0, 3, th.gap());
    l.pause = column(footer, 1, 3, th.gap());
    l.validate = column(footer, 2, 3, th.gap());
    return l;
}

} // namespace

Intent drawItemScreen(const ItemScreenView& view, items::ItemInteraction& scratch, UiContext& ctx) {
    Intent out;
    const auto& th = ctx.theme;
    progressBar(ctx, Rect{{0, 0}, {th.display.x, th.px(20)}}, view.progress);

    Rect top = topBarRect(th);
    if (view.practice) {
        // The tag says it in words and with a hand (a try), for people who do not read.
        const auto& p = ctx.tr("item.practice");
        const float tagH = th.bodyPx() * 1.6f;
        const float tagW = buttonWidth(ctx, p, false) + tagH;
        Rect tag = top.cutLeft(tagW).centered(tagW, tagH);
        panel(ctx, tag, palette().notice);
        drawPicto(ctx.draw(), Picto::Hand, tag.cutLeft(tagH).shrink(tagH * 0.15f), palette().text);
        text(ctx, tag, p, {TextRole::Strong, Align::Center}, true);
    }

    items::ItemViewState iv = view.item;
    Layout l = layoutFor(th, tallPictureAspect(iv, ctx));
    if (!view.instruction.empty()) {
        const float h =
            text(ctx, l.instruction, view.instruction, {TextRole::Strong, Align::Left, th.px(40)});
        if (!l.side)
            l.body.cutTop(h + th.gap());
    }

    iv.area = l.body;
    const bool hasItem = iv.item != nullptr;
    if (hasItem && scratch.itemId != iv.item->id)
        scratch.reset(iv.item->id, ctx.nowMs);
    const items::ItemIntent ii = items::drawItem(iv, scratch, ctx);
    if (!std::holds_alternative<std::monostate>(ii))
        out = intent::Item{ii};

    // Footer: the quiet way out, pause, the strong action. After a sim scenario ended, "Je ne
    // sais pas" would throw away what the person just did: only its "Continuer" remains.
    // A sim tried for practice counts for nothing: "Continuer" instead of "Je ne sais pas", so
    // the person can go on whether or not the try was finished (issue 17).
    const bool practiceSim = view.practice && hasItem && iv.item->type == quiz::ItemType::Sim;
    if (practiceSim && !scratch.ended) {
        ButtonSpec go;
        go.picto = Picto::ArrowRight;
        go.style = ButtonStyle::Secondary;
        if (button(ctx, "item:practice_continue", l.dontKnow, ctx.tr("common.continue"), go))
            out = intent::Answer{{{"state", "practice_left"}, {"steps", nlohmann::json::array()}}};
    } else if (view.allowDontKnow && !scratch.ended) {
        ButtonSpec dk;
        dk.picto = Picto::Question;
        dk.style = ButtonStyle::Secondary;
        if (button(ctx, "item:dontknow", l.dontKnow, ctx.tr("common.dont_know"), dk))
            out = intent::DontKnow{};
    }
    ButtonSpec pause;
    pause.picto = Picto::Pause;
    pause.style = ButtonStyle::Quiet;
    const auto& pauseLabel = ctx.tr("common.pause");
    if (button(ctx, "item:pause",
               l.side ? l.pause
                      : l.pause.centered(
                            std::min(l.pause.w(), buttonWidth(ctx, pauseLabel, true) + th.px(40)),
                            l.pause.h()),
               pauseLabel, pause))
        out = intent::Pause{};
    if (!hasItem || !items::hasOwnSubmit(iv.item->type)) {
        const bool info = hasItem && iv.item->type == quiz::ItemType::Info;
        ButtonSpec ok;
        ok.picto = info ? Picto::ArrowRight : Picto::Check;
        ok.style = ButtonStyle::Primary;
        ok.enabled = scratch.ready;
        if (button(ctx, "item:validate", l.validate,
                   ctx.tr(info ? "common.continue" : "common.validate"), ok))
            out = intent::Answer{scratch.answer.is_null() ? nlohmann::json::object()
                                                          : scratch.answer};
    }
    if (auto s = speakerIntent(ctx, view.instruction); !isNone(s))
        out = s;
    return out;
}

} // namespace repere::ui
