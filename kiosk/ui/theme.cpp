#include "ui/theme.hpp"

#include <algorithm>
#include <cmath>

namespace repere::ui {

const Palette& palette() {
    static const Palette p{
        IM_COL32(0xF6, 0xF4, 0xEF, 0xFF), // background
        IM_COL32(0xFF, 0xFF, 0xFF, 0xFF), // surface
        IM_COL32(0x1E, 0x27, 0x30, 0xFF), // text
        IM_COL32(0x4A, 0x55, 0x60, 0xFF), // textMuted
        IM_COL32(0x0A, 0x6B, 0x4C, 0xFF), // action: deep green
        IM_COL32(0x07, 0x4D, 0x37, 0xFF), // actionPressed
        IM_COL32(0xFF, 0xFF, 0xFF, 0xFF), // onAction
        IM_COL32(0x8A, 0x93, 0x9C, 0xFF), // border
        IM_COL32(0xD9, 0xF0, 0xE6, 0xFF), // selected
        IM_COL32(0xE2, 0xE0, 0xDA, 0xFF), // track
        IM_COL32(0xEC, 0xEA, 0xE5, 0xFF), // disabledFill
        IM_COL32(0x5F, 0x66, 0x6D, 0xFF), // disabledText
        IM_COL32(0xFF, 0xF3, 0xD6, 0xFF), // notice: pale sand
    };
    return p;
}

namespace {
double channel(unsigned v) {
    const double c = v / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
double luminance(ImU32 c) {
    const unsigned r = (c >> IM_COL32_R_SHIFT) & 0xFF, g = (c >> IM_COL32_G_SHIFT) & 0xFF,
                   b = (c >> IM_COL32_B_SHIFT) & 0xFF;
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
} // namespace

double contrastRatio(ImU32 a, ImU32 b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

float uiScaleFor(ImVec2 d) {
    const bool portrait = d.y > d.x;
    const float s =
        portrait ? std::min(d.x / 1080.f, d.y / 1920.f) : std::min(d.x / 1920.f, d.y / 1080.f);
    return std::clamp(s, 0.5f, 2.0f);
}

float textScaleFor(ImVec2 d) {
    return std::max(uiScaleFor(d), kMinTextScale);
}

Theme makeTheme(ImVec2 display, const platform::FontSet& fonts) {
    Theme t;
    t.display = display;
    t.scale = uiScaleFor(display);
    t.textScale = textScaleFor(display);
    t.portrait = display.y > display.x;
    t.fonts = fonts;
    return t;
}

} // namespace repere::ui
