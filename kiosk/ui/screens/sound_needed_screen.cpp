// "Cette partie demande du son : votre formateur la fera avec vous": shown once, when a kiosk
// without sound (no device, or "Non" twice at the sound check) reaches the listening or speaking
// part. The picture says it without reading: the loudspeaker struck through, an arrow, the
// trainer. One "Continuer" goes on with what can be done without sound.
#include "ui/screens/screens.hpp"

namespace repere::ui {

Intent drawSoundNeeded(UiContext& ctx) {
    Intent out;
    const auto& th = ctx.theme;
    Rect r = contentRect(th);
    Rect footer = r.cutBottom(th.targetH() * 1.2f);
    const std::string spoken =
        drawHeading(ctx, r, ctx.tr("sound_needed.title"), ctx.tr("sound_needed.body"));

    // The picture: no sound -> the trainer, side by side, as large as the space allows.
    const float side = std::min(r.h() * 0.8f, r.w() / 3.4f);
    Rect pic = r.centered(side * 3.2f, side);
    drawPicto(ctx.draw(), Picto::SoundOff, pic.cutLeft(side), palette().text);
    drawPicto(ctx.draw(), Picto::ArrowRight, pic.cutLeft(side * 1.2f).shrink(side * 0.25f),
              palette().textMuted);
    drawPicto(ctx.draw(), Picto::Person, pic.cutLeft(side), palette().action);

    ButtonSpec go;
    go.picto = Picto::ArrowRight;
    go.style = ButtonStyle::Primary;
    const auto& label = ctx.tr("common.continue");
    const float w = std::min(footer.w(), std::max(th.px(480), buttonWidth(ctx, label, true)));
    if (button(ctx, "sound-needed:continue", footer.centered(w, footer.h()), label, go))
        out = intent::SoundNeededContinue{};
    if (auto s = speakerIntent(ctx, spoken); !isNone(s))
        out = s;
    return out;
}

} // namespace repere::ui
