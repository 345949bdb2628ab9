// Consent: a short text in plain words, read aloud, and two clear answers.
#include "ui/screens/screens.hpp"

namespace repere::ui {

Intent drawConsent(const ConsentView&, UiContext& ctx) {
    Intent out;
    const auto& th = ctx.theme;
    Rect r = contentRect(th);
    const auto& title = ctx.tr("consent.title");
    r.cutTop(text(ctx, r, title, {TextRole::Title}) + th.gap());

    Rect footer = r.cutBottom(th.targetH() * 1.2f);
    r.cutBottom(th.gap());
    const auto& body = ctx.tr("consent.body");
    Rect card = r;
    const float bodyH = textHeight(ctx, card.w() - th.px(64) - th.px(120), body);
    card = Rect{card.min, {card.max.x, std::min(card.max.y, card.min.y + bodyH + th.px(64))}};
    panel(ctx, card, palette().surface, palette().border);
    Rect inner = card.shrink(th.px(32));
    drawPicto(ctx.draw(), Picto::Hand, inner.cutLeft(th.px(96)).cutTop(th.px(96)),
              palette().action);
    inner.cutLeft(th.px(24));
    text(ctx, inner, body);

    const float w = std::min(footer.w() * 0.45f, th.px(640));
    ButtonSpec no;
    no.picto = Picto::Cross;
    if (button(ctx, "consent:decline", column(footer, 0, 2, th.gap()).centered(w, footer.h()),
               ctx.tr("consent.decline"), no))
        out = intent::DeclineConsent{};
    ButtonSpec yes;
    yes.picto = Picto::Check;
    yes.style = ButtonStyle::Primary;
    if (button(ctx, "consent:accept", column(footer, 1, 2, th.gap()).centered(w, footer.h()),
               ctx.tr("consent.accept"), yes))
        out = intent::AcceptConsent{};
    if (auto s = speakerIntent(ctx, title + ". " + body); !isNone(s))
        out = s;
    return out;
}

} // namespace repere::ui
