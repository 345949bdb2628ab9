// Welcome: one big green "Commencer", a friendly picture, and a way back in with a code.
#include "ui/screens/screens.hpp"

namespace repere::ui {
namespace {
// Three pictograms side by side: a person, a speech bubble, a computer — what this is about.
void welcomePicture(UiContext& ctx, const Rect& r) {
    const auto& pal = palette();
    const float s = std::min(r.h(), r.w() / 3.6f);
    const Rect row = r.centered(s * 3.4f, s);
    drawPicto(ctx.draw(), Picto::Speech, column(row, 0, 3, s * 0.2f).centered(s * 0.8f, s * 0.8f),
              pal.action);
    drawPicto(ctx.draw(), Picto::Person, column(row, 1, 3, s * 0.2f), pal.text);
    drawPicto(ctx.draw(), Picto::Computer, column(row, 2, 3, s * 0.2f).centered(s * 0.8f, s * 0.8f),
              pal.action);
}
} // namespace

Intent drawWelcome(const WelcomeView&, UiContext& ctx) {
    Intent out;
    const auto& th = ctx.theme;
    Rect r = contentRect(th);
    const auto& title = ctx.tr("welcome.title");
    const auto& sub = ctx.tr("welcome.subtitle");
    const auto& hint = ctx.tr("welcome.hint");

    r.cutTop(text(ctx, r, title, {TextRole::Title, Align::Center, th.px(72)}) + th.px(16));
    r.cutTop(text(ctx, r, sub, {TextRole::Body, Align::Center}) + th.gap());

    Rect bottom = r.cutBottom(th.targetH() + th.gap() + th.targetH() * 1.5f + th.bodyPx() * 1.6f);
    welcomePicture(ctx, r.shrink(th.px(16)));

    const auto& startLabel = ctx.tr("welcome.start");
    const float startW = std::max(th.px(560), buttonWidth(ctx, startLabel, true, th.px(44)));
    ButtonSpec start;
    start.picto = Picto::ArrowRight;
    start.style = ButtonStyle::Primary;
    start.fontPx = th.px(44);
    if (button(ctx, "welcome:start",
               bottom.cutTop(th.targetH() * 1.5f).centered(startW, th.targetH() * 1.5f), startLabel,
               start))
        out = intent::Start{};
    bottom.cutTop(th.px(8));
    bottom.cutTop(text(ctx, bottom, hint, {TextRole::Muted, Align::Center}) + th.gap());

    const auto& resumeLabel = ctx.tr("welcome.resume");
    ButtonSpec resume;
    resume.picto = Picto::Key;
    if (button(
            ctx, "welcome:resume",
            bottom.cutTop(th.targetH()).centered(buttonWidth(ctx, resumeLabel, true), th.targetH()),
            resumeLabel, resume))
        out = intent::OpenResume{};

    if (auto s = speakerIntent(ctx, title + ". " + sub + " " + hint); !isNone(s))
        out = s;
    return out;
}

} // namespace repere::ui
