// On-screen keyboards: AZERTY with the French accents, and a numeric keypad for codes.
// Keys are at least the small target height (≥ 72 px at 1080p) with gaps between them.
#include "text/utf8.hpp"
#include "ui/widgets/widgets.hpp"

#include <array>
#include <imgui.h>
#include <string>
#include <vector>

namespace repere::ui {
namespace {

// Lowercase -> uppercase for the letters on the keyboard that are not ASCII.
std::string upper(std::string_view k) {
    static const std::array<std::pair<std::string_view, std::string_view>, 10> map{{
        {"é", "É"},
        {"è", "È"},
        {"ê", "Ê"},
        {"à", "À"},
        {"ç", "Ç"},
        {"ù", "Ù"},
        {"â", "Â"},
        {"î", "Î"},
        {"ô", "Ô"},
        {"œ", "Œ"},
    }};
    for (const auto& [lo, up] : map)
        if (k == lo)
            return std::string(up);
    std::string out(k);
    if (out.size() == 1 && out[0] >= 'a' && out[0] <= 'z')
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

const std::vector<std::vector<std::string_view>>& letterRows() {
    static const std::vector<std::vector<std::string_view>> rows{
        {"a", "z", "e", "r", "t", "y", "u", "i", "o", "p"},
        {"q", "s", "d", "f", "g", "h", "j", "k", "l", "m"},
        {"w", "x", "c", "v", "b", "n", "'", "-", "@", "."},
        {"é", "è", "ê", "à", "ç", "ù", "â", "î", "ô", "œ"},
    };
    return rows;
}

const std::vector<std::vector<std::string_view>>& numberRows() {
    static const std::vector<std::vector<std::string_view>> rows{
        {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"},
        {"@", ".", "-", "_", "/", ":", "'", ",", "?", "!"},
        {"(", ")", "+", "&", "€", "%", "#", "*", "=", "\""},
    };
    return rows;
}

bool append(std::string& text, std::string_view s, std::size_t maxChars) {
    if (maxChars && text::codepointCount(text) + text::codepointCount(s) > maxChars)
        return false;
    text += s;
    return true;
}

} // namespace

bool applyTyped(const UiInput& input, std::string& text, std::size_t maxChars, bool digitsOnly) {
    bool changed = false;
    if (input.backspace && !text.empty()) {
        text::popLastCodepoint(text);
        changed = true;
    }
    for (std::size_t i = 0; i < input.typed.size();) {
        const unsigned char c = static_cast<unsigned char>(input.typed[i]);
        const std::size_t len = text::sequenceLength(c);
        const std::string_view ch(input.typed.data() + i, std::min(len, input.typed.size() - i));
        i += len;
        if (c < 0x20)
            continue; // control characters never enter a field
        if (digitsOnly && !(ch.size() == 1 && ch[0] >= '0' && ch[0] <= '9'))
            continue;
        changed |= append(text, ch, maxChars);
    }
    return changed;
}

float azertyKeyboardHeight(const Theme& th) {
    return 5 * th.smallTargetH() + 4 * th.px(12);
}

bool azertyKeyboard(UiContext& ctx, const Rect& r, std::string& text, KeyboardState& st,
                    std::size_t maxChars) {
    bool changed = false;
    const auto& th = ctx.theme;
    const float gap = th.px(12);
    const auto& rows = st.numbers ? numberRows() : letterRows();
    const int nRows = 5;
    for (std::size_t ri = 0; ri < rows.size(); ++ri) {
        const Rect line = row(r, static_cast<int>(ri), nRows, gap);
        const int n = static_cast<int>(rows[ri].size());
        for (int ki = 0; ki < n; ++ki) {
            const std::string key = st.shift ? upper(rows[ri][ki]) : std::string(rows[ri][ki]);
            ButtonSpec spec;
            spec.fontPx = th.px(36);
            if (button(ctx, "key:" + std::string(rows[ri][ki]), column(line, ki, n, gap), key,
                       spec)) {
                changed |= append(text, key, maxChars);
                st.shift = false; // one capital, like a phone keyboard
            }
        }
    }
    // Bottom row: capitals, letters/numbers, space, erase.
    const Rect last = row(r, nRows - 1, nRows, gap);
    Rect rest = last;
    const float unit = (last.w() - 3 * gap) / 10.f;
    const Rect shiftR = rest.cutLeft(unit * 2);
    rest.cutLeft(gap);
    const Rect modeR = rest.cutLeft(unit * 2);
    rest.cutLeft(gap);
    const Rect eraseR = rest.cutRight(unit * 2);
    rest.cutRight(gap);
    const Rect spaceR = rest;
    if (!st.numbers) {
        ButtonSpec s;
        s.style = st.shift ? ButtonStyle::Selected : ButtonStyle::Secondary;
        s.fontPx = th.px(28);
        if (button(ctx, "key:shift", shiftR, ctx.tr("keyboard.shift"), s))
            st.shift = !st.shift;
    }
    {
        ButtonSpec s;
        s.fontPx = th.px(28);
        if (button(ctx, "key:mode", modeR,
                   ctx.tr(st.numbers ? "keyboard.letters" : "keyboard.numbers"), s))
            st.numbers = !st.numbers;
    }
    {
        ButtonSpec s;
        s.fontPx = th.px(28);
        if (button(ctx, "key:space", spaceR, ctx.tr("keyboard.space"), s))
            changed |= append(text, " ", maxChars);
    }
    {
        ButtonSpec s;
        s.picto = Picto::Backspace;
        s.fontPx = th.px(28);
        if (button(ctx, "key:erase", eraseR, ctx.tr("keyboard.erase"), s) && !text.empty()) {
            text::popLastCodepoint(text);
            changed = true;
        }
    }
    return changed;
}

bool numericKeypad(UiContext& ctx, const Rect& r, std::string& digits, std::size_t maxDigits,
                   bool enabled) {
    bool changed = false;
    const float gap = ctx.theme.px(16);
    static const char* const keys[4][3] = {
        {"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {"", "0", "<"}};
    for (int ri = 0; ri < 4; ++ri) {
        const Rect line = row(r, ri, 4, gap);
        for (int ci = 0; ci < 3; ++ci) {
            const std::string_view k = keys[ri][ci];
            if (k.empty())
                continue;
            const Rect cell = column(line, ci, 3, gap);
            ButtonSpec spec;
            spec.enabled = enabled;
            if (k == "<") {
                spec.picto = Picto::Backspace;
                spec.fontPx = ctx.theme.px(30);
                if (button(ctx, "pad:erase", cell, ctx.tr("keyboard.erase"), spec) &&
                    !digits.empty()) {
                    text::popLastCodepoint(digits);
                    changed = true;
                }
                continue;
            }
            spec.fontPx = ctx.theme.px(48);
            if (button(ctx, "pad:" + std::string(k), cell, k, spec))
                changed |= append(digits, k, maxDigits);
        }
    }
    return changed;
}

bool codeKeypad(UiContext& ctx, const Rect& r, std::string& code, std::size_t maxChars,
                std::string_view alphabet, int columns) {
    bool changed = false;
    const float gap = ctx.theme.px(12);
    const int n = static_cast<int>(alphabet.size());
    const int rows = (n + columns - 1) / columns + 1; // + the erase row
    for (int i = 0; i < n; ++i) {
        const Rect line = row(r, i / columns, rows, gap);
        const std::string k(1, alphabet[static_cast<std::size_t>(i)]);
        ButtonSpec spec;
        spec.fontPx = ctx.theme.px(40);
        if (button(ctx, "pad:" + k, column(line, i % columns, columns, gap), k, spec))
            changed |= append(code, k, maxChars);
    }
    const Rect last = row(r, rows - 1, rows, gap);
    ButtonSpec erase;
    erase.picto = Picto::Backspace;
    if (button(ctx, "pad:erase", last.centered(last.w() * 0.5f, last.h()), ctx.tr("keyboard.erase"),
               erase) &&
        !code.empty()) {
        text::popLastCodepoint(code);
        changed = true;
    }
    return changed;
}

bool textField(UiContext& ctx, std::string_view id, const Rect& r, const std::string& value,
               bool focused, float fontPx, bool spaced) {
    const auto& pal = palette();
    const auto& th = ctx.theme;
    const bool tapped = tapArea(ctx, id, r, true);
    if (ctx.recorder)
        ctx.recorder->widget(std::string(id), value, r, true);
    ImDrawList* dl = ctx.draw();
    dl->AddRectFilled(r.min, r.max, pal.surface, th.px(12));
    dl->AddRect(r.min, r.max, focused ? pal.action : pal.border, th.px(12), 0,
                focused ? th.px(5) : th.px(3));
    ImFont* f = th.fonts.bold;
    const float px = fontPx > 0 ? fontPx : th.bodyPx();
    std::string shown = value;
    if (spaced) { // codes read better with space between the characters: 4 8 1 2 0 7
        shown.clear();
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (i)
                shown += ' ';
            shown += value[i];
        }
    }
    const float pad = th.px(20);
    const ImVec2 ts = f->CalcTextSizeA(px, FLT_MAX, 0, shown.c_str());
    const float x = spaced ? r.center().x - ts.x * 0.5f : r.min.x + pad;
    const float y = r.center().y - ts.y * 0.5f;
    dl->PushClipRect(r.min, r.max, true);
    drawText(dl, f, px, {x, y}, pal.text, shown.c_str());
    if (focused) // a steady caret: blinking would wake the idle loop
        dl->AddRectFilled({x + ts.x + th.px(4), y + px * 0.1f},
                          {x + ts.x + th.px(8), y + px * 1.1f}, pal.action);
    dl->PopClipRect();
    if (ctx.recorder && !value.empty())
        ctx.recorder->text(value, r);
    return tapped;
}

} // namespace repere::ui
