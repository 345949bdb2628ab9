// Pause, and the inactivity question. Neither shows the item the person was on.
#include "ui/screens/screens.hpp"

namespace repere::ui {

void drawCodeBig(UiContext& ctx, Rect& r, const std::string& code) {
    const auto& th = ctx.theme;
    std::string spaced;
    for (std::size_t i = 0; i < code.size(); ++i) {
        if (i)
            spaced += ' ';
        spaced += code[i];
    }
    const float h = th.hugePx() * 1.5f;
    Rect box = r.cutTop(h).centered(std::min(r.w(), th.px(820)), h);
    panel(ctx, box, palette().surface, palette().action);
    text(ctx, box, spaced, {TextRole::Huge, Align::Center}, true);
    r.cutTop(th.gap());
}

Intent drawPause(const PauseView& view, UiContext& ctx) {
    Intent out;
    const auto& th = ctx.theme;
    Rect r = contentRect(th);
    Rect footer = r.cutBottom(th.targetH() * 1.2f);
    std::string spoken = drawHeading(ctx, r, ctx.tr("pause.title"), ctx.tr("pause.body"));
    if (!view.code.empty()) {
        r.cutTop(text(ctx, r, ctx.tr("pause.your_code"), {TextRole::Strong, Align::Center}) +
                 th.px(12));
        drawCodeBig(ctx, r, view.code);
        spoken += " " + ctx.tr("pause.your_code") + " " + view.code;
    }
    drawPicto(ctx.draw(), Picto::Pause, r.centered(r.h() * 0.6f, r.h() * 0.6f), palette().track);
    const float w = std::min(footer.w() * 0.45f, th.px(680));
    ButtonSpec stop;
    stop.picto = Picto::Door;
    if (button(ctx, "pause:stop", column(footer, 0, 2, th.gap()).centered(w, footer.h()),
               ctx.tr("pause.stop"), stop))
        out = intent::StopForToday{};
    ButtonSpec go;
    go.picto = Picto::Play;
    go.style = ButtonStyle::Primary;
    if (button(ctx, "pause:resume", column(footer, 1, 2, th.gap()).centered(w, footer.h()),
               ctx.tr("pause.resume"), go))
        out = intent::ContinueAfterPause{};
    if (auto s = speakerIntent(ctx, spoken); !isNone(s))
        out = s;
    return out;
}

Intent drawStillHere(const StillHereView&, UiContext& ctx) {
    Intent out;
    const auto& th = ctx.theme;
    Rect r = contentRect(th);
    const auto& title = ctx.tr("idle.title");
    const auto& body = ctx.tr("idle.body");
    Rect box = r.centered(std::min(r.w(), th.px(1100)), std::min(r.h(), th.px(640)));
    r = box;
    drawPicto(ctx.draw(), Picto::Person, r.cutTop(th.px(160)).centered(th.px(150), th.px(150)),
              palette().action);
    r.cutTop(th.gap());
    r.cutTop(text(ctx, r, title, {TextRole::Title, Align::Center, th.px(64)}) + th.px(16));
    r.cutTop(text(ctx, r, body, {TextRole::Body, Align::Center}) + th.gap() * 2);
    ButtonSpec yes;
    yes.picto = Picto::Check;
    yes.style = ButtonStyle::Primary;
    yes.fontPx = th.px(48);
    if (button(ctx, "idle:yes",
               r.cutTop(th.targetH() * 1.6f).centered(th.px(520), th.targetH() * 1.6f),
               ctx.tr("idle.yes"), yes))
        out = intent::StillHere{};
    if (auto s = speakerIntent(ctx, title + " " + body); !isNone(s))
        out = s;
    return out;
}

} // namespace repere::ui
