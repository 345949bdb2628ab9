// Code entry: a big numeric keypad, the code shown large and spaced, "Valider" in the strong
// colour; on the start screen also "Je n'ai pas de code" (the kiosk makes one).
#include "ui/screens/screens.hpp"

namespace repere::ui {

// Long on purpose: the code screen drawn top to bottom (heading, field, keypad, buttons), each
// region laid out in the rect the one above leaves.
Intent drawCode(const CodeView& view, EntryScratch& scratch, UiContext& ctx) {
    Intent out;
    const auto& th = ctx.theme;
    Rect r = contentRect(th);
    const bool start = view.purpose == CodePurpose::Start;

    // Keypad beside the field in landscape, under it in portrait: one key per code symbol.
    const int columns = view.alphabet.size() > 12 ? 8 : 3;
    const int keyRows = static_cast<int>((view.alphabet.size() + columns - 1) / columns) + 1;
    const float keyH = th.px(96), keyGap = th.px(12);
    const float padH = std::min(r.h(), keyRows * keyH + (keyRows - 1) * keyGap);
    const float padW = std::min(columns * th.px(104) + (columns - 1) * keyGap,
                                th.portrait ? r.w() : r.w() * 0.52f);
    Rect pad = th.portrait ? r.cutBottom(padH).centered(padW, padH)
                           : r.cutRight(padW).centered(padW, padH);
    if (!th.portrait)
        r.cutRight(th.margin());
    else
        r.cutBottom(th.gap());

    const std::string spoken = drawHeading(ctx, r, ctx.tr(start ? "code.title" : "resume.title"),
                                           ctx.tr(start ? "code.body" : "resume.body"));
    // Typing on a real keyboard works too: capitals, only symbols a code can hold.
    UiInput typed = ctx.input;
    typed.typed.clear();
    for (char c : ctx.input.typed) {
        const char up = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        if (view.alphabet.find(up) != std::string::npos)
            typed.typed += up;
    }
    applyTyped(typed, scratch.code, view.codeLength, false);
    codeKeypad(ctx, pad, scratch.code, view.codeLength, view.alphabet, columns);

    // Concatenation rather than shown.insert(pos, "-"): with -O2, GCC 12 inlines that insert
    // into a memcpy it cannot prove disjoint and warns (-Wrestrict, a known false positive, GCC
    // bug 105329). Same result, no warning, no pragma.
    const std::size_t g = view.groupAfter;
    const std::string shown = g > 0 && scratch.code.size() > g
                                  ? scratch.code.substr(0, g) + '-' + scratch.code.substr(g)
                                  : scratch.code;
    const float fieldH = th.hugePx() * 1.3f;
    textField(ctx, "code:field", r.cutTop(fieldH), shown, true, th.hugePx() * 0.8f, true);
    r.cutTop(th.px(16));
    if (!view.messageKey.empty()) {
        const auto& msg = ctx.tr(view.messageKey);
        Rect note = r.cutTop(textHeight(ctx, r.w() - th.px(32), msg) + th.px(32));
        panel(ctx, note, palette().notice);
        text(ctx, note.shrink(th.px(16)), msg);
        r.cutTop(th.px(16));
    }
    const bool complete = scratch.code.size() >= view.codeLength;
    ButtonSpec ok;
    ok.picto = Picto::Check;
    ok.style = ButtonStyle::Primary;
    ok.enabled = complete;
    const auto& okLabel = ctx.tr("common.validate");
    if (button(ctx, "code:ok", r.cutTop(th.targetH()), okLabel, ok) ||
        (complete && ctx.input.enter)) {
        out = start ? Intent{intent::SubmitCode{scratch.code}}
                    : Intent{intent::ResumeCode{scratch.code}};
    }
    r.cutTop(th.gap());
    if (start) {
        ButtonSpec none;
        none.picto = Picto::Question;
        if (button(ctx, "code:none", r.cutTop(th.targetH()), ctx.tr("code.no_code"), none))
            out = intent::NoCode{};
        r.cutTop(th.gap());
    }
    ButtonSpec back;
    back.picto = Picto::ArrowLeft;
    back.style = ButtonStyle::Quiet;
    const auto& backLabel = ctx.tr("common.back");
    if (r.h() >= th.smallTargetH() &&
        button(ctx, "back", r.cutTop(th.targetH()).cutLeft(buttonWidth(ctx, backLabel, true)),
               backLabel, back))
        out = intent::Back{};
    if (ctx.input.escape)
        out = intent::Back{};
    if (auto s = speakerIntent(ctx, spoken); !isNone(s))
        out = s;
    return out;
}

} // namespace repere::ui
