// Trainer login: tap your name, type your PIN on a big keypad (digits hidden), "Valider".
// Wrong PINs and the lockout are decided by the store; the message comes worded in the view.
#include "ui/screens/trainer_screens.hpp"

#include <algorithm>

namespace repere::ui {

Intent drawTrainerLogin(const TrainerLoginView& view, TrainerLoginScratch& scratch,
                        UiContext& ctx) {
    Intent out;
    const auto& th = ctx.theme;
    Rect r = contentRect(th);
    if (auto b = drawTrainerBanner(ctx, r, {}); !isNone(b))
        out = b;

    const float keyH = th.px(96), gap = th.px(12);
    Rect right = r.cutRight(r.w() * 0.42f);
    r.cutRight(th.margin());
    // Keys wide enough for "Effacer" beside its pictogram on the last row.
    const float padW = std::min(right.w(), 3 * th.px(220) + 2 * gap), padH = 4 * keyH + 3 * gap;

    // Left: who is it.
    r.cutTop(text(ctx, r, ctx.tr("trainer.login.who"), {TextRole::Title}) + th.gap());
    if (view.names.empty()) {
        r.cutTop(text(ctx, r, ctx.tr("trainer.login.no_account")) + th.gap());
    }
    for (const auto& name : view.names) {
        if (r.h() < th.targetH())
            break;
        ButtonSpec spec;
        spec.picto = Picto::Person;
        spec.style = scratch.name == name ? ButtonStyle::Selected : ButtonStyle::Secondary;
        if (button(ctx, "trainer:name:" + name, r.cutTop(th.targetH()), name, spec)) {
            scratch.name = name;
            scratch.pin.clear();
        }
        r.cutTop(th.px(16));
    }

    // Right: the PIN.
    right.cutTop(text(ctx, right, ctx.tr("trainer.login.pin"), {TextRole::Title}) + th.px(16));
    // One filled circle per digit typed, never the digit (drawn: the field shows no text).
    const Rect field = right.cutTop(th.targetH());
    textField(ctx, "trainer:pin", field, {}, !scratch.name.empty() && scratch.pin.empty(),
              th.titlePx(), true);
    {
        const float d = th.px(26), step = th.px(48);
        const auto n = static_cast<float>(scratch.pin.size());
        float x = field.center().x - (n * step - (step - d)) * 0.5f + d * 0.5f;
        for (std::size_t i = 0; i < scratch.pin.size(); ++i, x += step)
            ctx.draw()->AddCircleFilled({x, field.center().y}, d * 0.5f, palette().text);
    }
    right.cutTop(th.px(16));
    applyTyped(ctx.input, scratch.pin, 12, true);
    Rect pad = right.cutTop(padH).centered(padW, padH);
    numericKeypad(ctx, pad, scratch.pin, 12);
    right.cutTop(th.gap());
    if (!view.message.empty()) {
        Rect note = right.cutTop(textHeight(ctx, right.w() - th.px(32), view.message) + th.px(32));
        panel(ctx, note, palette().notice);
        text(ctx, note.shrink(th.px(16)), view.message);
        right.cutTop(th.px(16));
    }
    const bool ready = !scratch.name.empty() && scratch.pin.size() >= 4;
    ButtonSpec ok;
    ok.picto = Picto::Check;
    ok.style = ButtonStyle::Primary;
    ok.enabled = ready;
    if (button(ctx, "trainer:login", right.cutTop(th.targetH()), ctx.tr("common.validate"), ok) ||
        (ready && ctx.input.enter)) {
        out = intent::Trainer{trainer::Login{scratch.name, scratch.pin}};
        scratch.pin.clear(); // the PIN never outlives the attempt to log in
    }
    right.cutTop(th.px(16));
    ButtonSpec back;
    back.picto = Picto::ArrowLeft;
    back.style = ButtonStyle::Quiet;
    if (button(ctx, "trainer:leave", right.cutTop(th.targetH()), ctx.tr("trainer.login.leave"),
               back) ||
        ctx.input.escape)
        out = intent::Trainer{trainer::LeaveLogin{}};
    return out;
}

} // namespace repere::ui
