// Trainer login in two steps: type your name on the AZERTY keyboard, "Suivant", then your PIN
// on a big keypad (digits hidden), "Valider". No list of names: anyone may touch the screen, and
// the trainers' names are not theirs to read (issue 14, point 7). Whether a name exists is never
// said: a wrong name, a wrong PIN and a locked account get one message, worded in the view.
#include "ui/screens/trainer_screens.hpp"

#include <algorithm>

namespace repere::ui {

namespace {

constexpr std::size_t kMaxNameChars = 80; // as the store's limit on a trainer's name

void drawMessage(UiContext& ctx, Rect& r, const std::string& message) {
    const auto& th = ctx.theme;
    if (message.empty())
        return;
    Rect note = r.cutTop(textHeight(ctx, r.w() - th.px(32), message) + th.px(32));
    panel(ctx, note, palette().notice);
    text(ctx, note.shrink(th.px(16)), message);
    r.cutTop(th.px(16));
}

bool leaveButton(UiContext& ctx, const Rect& r, bool enabled = true) {
    ButtonSpec back;
    back.picto = Picto::ArrowLeft;
    back.style = ButtonStyle::Quiet;
    back.enabled = enabled;
    return button(ctx, "trainer:leave", r, ctx.tr("trainer.login.leave"), back) ||
           (enabled && ctx.input.escape);
}

// « Vérification… » beside an arc that turns with the clock: the page is alive while the PIN
// is checked, so nobody taps again thinking the kiosk froze.
void drawChecking(UiContext& ctx, Rect& r) {
    const auto& th = ctx.theme;
    const auto& label = ctx.tr("trainer.login.checking");
    Rect note = r.cutTop(th.targetH());
    panel(ctx, note, palette().notice);
    note = note.shrinkX(th.px(16));
    const float d = note.h() * 0.55f;
    const Rect spin = note.cutLeft(d).centered(d, d);
    note.cutLeft(th.px(16));
    constexpr float kTurn = 6.2831853f;
    const float a0 = static_cast<float>(ctx.nowMs % 1000) / 1000.f * kTurn;
    auto* dl = ctx.draw();
    dl->PathArcTo(spin.center(), d * 0.5f, a0, a0 + kTurn * 0.7f, 24);
    dl->PathStroke(palette().text, 0, th.px(5));
    text(ctx, note, label, {TextRole::Strong}, true);
    r.cutTop(th.px(16));
}

// Step 1: the name, typed. Enter or "Suivant" goes to the PIN.
Intent drawNameStep(const TrainerLoginView& view, TrainerLoginScratch& scratch, UiContext& ctx,
                    Rect r) {
    Intent out;
    const auto& th = ctx.theme;
    Rect kb = r.cutBottom(std::min(r.h() * 0.55f, azertyKeyboardHeight(th)));
    r.cutBottom(th.gap());
    r.cutTop(text(ctx, r, ctx.tr("trainer.login.who"), {TextRole::Title}) + th.px(8));
    r.cutTop(text(ctx, r, ctx.tr("trainer.login.type_name")) + th.px(16));

    applyTyped(ctx.input, scratch.name, kMaxNameChars, false);
    azertyKeyboard(ctx, kb, scratch.name, scratch.keyboard, kMaxNameChars);
    Rect row = r.cutTop(th.targetH());
    const auto& nextLabel = ctx.tr("trainer.login.next");
    const auto& leaveLabel = ctx.tr("trainer.login.leave");
    Rect leave = row.cutRight(buttonWidth(ctx, leaveLabel, true));
    row.cutRight(th.px(16));
    Rect next = row.cutRight(buttonWidth(ctx, nextLabel, true));
    row.cutRight(th.px(16));
    textField(ctx, "trainer:name", row, scratch.name, true, th.titlePx());
    r.cutTop(th.px(16));
    drawMessage(ctx, r, view.message);

    const bool ready = scratch.name.find_first_not_of(' ') != std::string::npos;
    ButtonSpec ok;
    ok.picto = Picto::ArrowRight;
    ok.style = ButtonStyle::Primary;
    ok.enabled = ready;
    if (button(ctx, "trainer:next", next, nextLabel, ok) || (ready && ctx.input.enter)) {
        scratch.askPin = true;
        scratch.pin.clear();
    }
    if (leaveButton(ctx, leave))
        out = intent::Trainer{trainer::LeaveLogin{}};
    return out;
}

// Step 2: the PIN, on the keypad; the name typed stays visible and can be changed.
Intent drawPinStep(const TrainerLoginView& view, TrainerLoginScratch& scratch, UiContext& ctx,
                   Rect r) {
    Intent out;
    const auto& th = ctx.theme;
    const float keyH = th.px(96), gap = th.px(12);
    Rect right = r.cutRight(r.w() * 0.42f);
    r.cutRight(th.margin());
    // Keys wide enough for "Effacer" beside its pictogram on the last row.
    const float padW = std::min(right.w(), 3 * th.px(220) + 2 * gap), padH = 4 * keyH + 3 * gap;

    // Left: the name as typed (not checked yet: nothing says whether it exists).
    r.cutTop(text(ctx, r, ctx.tr("trainer.login.who"), {TextRole::Title}) + th.gap());
    textField(ctx, "trainer:name", r.cutTop(th.targetH()), scratch.name, false, th.titlePx());
    r.cutTop(th.px(16));
    ButtonSpec change;
    change.picto = Picto::Pencil;
    const auto& changeLabel = ctx.tr("trainer.login.change_name");
    change.enabled = !view.checking;
    if (button(ctx, "trainer:change_name",
               r.cutTop(th.targetH()).cutLeft(buttonWidth(ctx, changeLabel, true)), changeLabel,
               change)) {
        scratch = {}; // start over: a wrong name is typed again, not edited
    }
    r.cutTop(th.gap());
    if (view.checking)
        drawChecking(ctx, r);
    else
        drawMessage(ctx, r, view.message);

    // Right: the PIN. One filled circle per digit typed, never the digit.
    right.cutTop(text(ctx, right, ctx.tr("trainer.login.pin"), {TextRole::Title}) + th.px(16));
    const Rect field = right.cutTop(th.targetH());
    textField(ctx, "trainer:pin", field, {}, scratch.pin.empty(), th.titlePx(), true);
    {
        const float d = th.px(26), step = th.px(48);
        const auto n = static_cast<float>(scratch.pin.size());
        float x = field.center().x - (n * step - (step - d)) * 0.5f + d * 0.5f;
        for (std::size_t i = 0; i < scratch.pin.size(); ++i, x += step)
            ctx.draw()->AddCircleFilled({x, field.center().y}, d * 0.5f, palette().text);
    }
    right.cutTop(th.px(16));
    // While the PIN is checked, keys and typing are ignored: one tap, one check, one count.
    if (!view.checking)
        applyTyped(ctx.input, scratch.pin, 12, true);
    Rect pad = right.cutTop(padH).centered(padW, padH);
    numericKeypad(ctx, pad, scratch.pin, 12, !view.checking);
    right.cutTop(th.gap());
    const bool ready = scratch.pin.size() >= 4 && !view.checking;
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
    if (leaveButton(ctx, right.cutTop(th.targetH()), !view.checking))
        out = intent::Trainer{trainer::LeaveLogin{}};
    return out;
}

} // namespace

Intent drawTrainerLogin(const TrainerLoginView& view, TrainerLoginScratch& scratch,
                        UiContext& ctx) {
    Intent out;
    Rect r = contentRect(ctx.theme);
    if (auto b = drawTrainerBanner(ctx, r, {}); !isNone(b))
        out = b;
    const Intent page =
        scratch.askPin ? drawPinStep(view, scratch, ctx, r) : drawNameStep(view, scratch, ctx, r);
    return isNone(page) ? out : page;
}

} // namespace repere::ui
