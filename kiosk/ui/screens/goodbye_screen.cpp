// Goodbye (with the code shown big when the person needs it to come back) and calm errors.
#include "ui/screens/screens.hpp"

namespace repere::ui {

Intent drawGoodbye(const GoodbyeView& view, UiContext& ctx) {
    Intent out;
    const auto& th = ctx.theme;
    Rect r = contentRect(th);
    Rect footer = r.cutBottom(th.targetH() * 1.2f);
    const auto& title = ctx.tr("goodbye.title");
    const auto& body = ctx.tr("goodbye.body");
    r.cutTop(text(ctx, r, title, {TextRole::Title, Align::Center, th.px(64)}) + th.px(16));
    r.cutTop(text(ctx, r, body, {TextRole::Body, Align::Center}) + th.gap());
    std::string spoken = title + " " + body;
    if (!view.code.empty()) {
        const auto& keep = ctx.tr("goodbye.keep_code");
        r.cutTop(text(ctx, r, keep, {TextRole::Strong, Align::Center}) + th.px(12));
        drawCodeBig(ctx, r, view.code);
        spoken += " " + keep + " " + view.code;
    }
    drawPicto(ctx.draw(), Picto::Door, r.centered(r.h() * 0.7f, r.h() * 0.7f), palette().action);
    ButtonSpec done;
    done.picto = Picto::Home;
    done.style = ButtonStyle::Primary;
    const auto& label = ctx.tr("goodbye.done");
    if (button(ctx, "goodbye:done",
               footer.centered(std::max(th.px(480), buttonWidth(ctx, label, true)), footer.h()),
               label, done))
        out = intent::GoodbyeDone{};
    if (auto s = speakerIntent(ctx, spoken); !isNone(s))
        out = s;
    return out;
}

Intent drawError(const ErrorView& view, UiContext& ctx) {
    Intent out;
    const auto& th = ctx.theme;
    Rect r = contentRect(th);
    Rect footer = r.cutBottom(th.targetH() * 1.2f);
    const auto& title = ctx.tr("error.title");
    const auto& msg = ctx.tr(view.messageKey);
    const auto& call = ctx.tr("common.call_counsellor");
    Rect box = r.centered(std::min(r.w(), th.px(1200)), std::min(r.h(), th.px(520)));
    panel(ctx, box, palette().notice);
    Rect inner = box.shrink(th.px(40));
    drawPicto(ctx.draw(), Picto::Info, inner.cutLeft(th.px(120)).cutTop(th.px(120)),
              palette().text);
    inner.cutLeft(th.px(32));
    inner.cutTop(text(ctx, inner, title, {TextRole::Title}) + th.gap());
    inner.cutTop(text(ctx, inner, msg) + th.gap());
    text(ctx, inner, call, {TextRole::Muted});
    const float w = std::min(footer.w() * 0.45f, th.px(640));
    ButtonSpec home;
    home.picto = Picto::Home;
    home.style = view.canRetry ? ButtonStyle::Secondary : ButtonStyle::Primary;
    if (button(ctx, "error:home",
               column(footer, view.canRetry ? 0 : 1, 2, th.gap()).centered(w, footer.h()),
               ctx.tr("error.home"), home))
        out = intent::ErrorHome{};
    if (view.canRetry) {
        ButtonSpec retry;
        retry.picto = Picto::ArrowRight;
        retry.style = ButtonStyle::Primary;
        if (button(ctx, "error:retry", column(footer, 1, 2, th.gap()).centered(w, footer.h()),
                   ctx.tr("error.retry"), retry))
            out = intent::ErrorRetry{};
    }
    if (auto s = speakerIntent(ctx, title + " " + msg + " " + call); !isNone(s))
        out = s;
    return out;
}

} // namespace repere::ui
