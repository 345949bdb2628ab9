// The sound check (switched on per kiosk): music plays by itself, "Entendez-vous la musique ?"
// with a big "Oui" and "Non", and a button to hear it again. The question is in pictures too:
// a loudspeaker with a check (heard) or a cross (not heard).
#include "ui/screens/screens.hpp"

namespace repere::ui {

Intent drawSoundCheck(const SoundCheckView& view, UiContext& ctx) {
    Intent out;
    const auto& th = ctx.theme;
    Rect r = contentRect(th);
    const std::string spoken =
        drawHeading(ctx, r, ctx.tr("soundcheck.title"), ctx.tr("soundcheck.note"));
    if (view.unavailable) {
        Rect box = r.cutTop(th.bodyPx() * 2.4f);
        r.cutTop(th.gap());
        panel(ctx, box, palette().notice);
        text(ctx, box, ctx.tr("sound.unavailable"), {TextRole::Strong, Align::Center}, true);
    }

    // Replay: the music again (the person may have missed the start).
    Rect replay = r.cutTop(th.targetH());
    r.cutTop(th.gap() * 2);
    ButtonSpec again;
    again.picto = Picto::Play;
    again.style = ButtonStyle::Secondary;
    again.enabled = !view.playing;
    const auto& againLabel = ctx.tr(view.playing ? "soundcheck.playing" : "soundcheck.again");
    if (button(ctx, "soundcheck:again",
               replay.centered(std::min(replay.w(), buttonWidth(ctx, againLabel, true) + th.px(60)),
                               replay.h()),
               againLabel, again))
        out = intent::SoundCheckReplay{};

    const float h = std::min(r.h(), th.targetH() * 1.8f);
    Rect answers = r.cutTop(h).centered(std::min(r.w(), th.px(1100)), h);
    ButtonSpec yes;
    yes.picto = Picto::Check;
    yes.style = ButtonStyle::Primary;
    yes.fontPx = th.px(48);
    if (button(ctx, "soundcheck:yes", column(answers, 0, 2, th.gap() * 2), ctx.tr("common.yes"),
               yes))
        out = intent::SoundCheckAnswer{true};
    ButtonSpec no;
    no.picto = Picto::Cross;
    no.style = ButtonStyle::Secondary;
    no.fontPx = th.px(48);
    if (button(ctx, "soundcheck:no", column(answers, 1, 2, th.gap() * 2), ctx.tr("common.no"), no))
        out = intent::SoundCheckAnswer{false};
    if (auto s = speakerIntent(ctx, spoken); !isNone(s))
        out = s;
    return out;
}

} // namespace repere::ui
