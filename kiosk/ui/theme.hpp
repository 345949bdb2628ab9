// The look of the kiosk: a light, calm palette with one strong colour for the main action,
// and sizes that scale with the window (1.0 = 1920×1080 landscape or 1080×1920 portrait).
// At scale 1: touch targets 96 px (≥ 72 px), body text 32 px (≥ 28 px), titles 48 px.
#pragma once

#include "platform/fonts.hpp"

#include <imgui.h>

namespace repere::ui {

struct Palette {
    ImU32 background; // warm off-white page
    ImU32 surface;    // cards and secondary buttons
    ImU32 text;       // body text
    ImU32 textMuted;  // secondary text (still ≥ 4.5:1 on background and surface)
    ImU32 action;     // THE strong colour: main action buttons, progress, selection
    ImU32 actionPressed;
    ImU32 onAction; // text on the action colour
    ImU32 border;   // outlines of secondary buttons and fields
    ImU32 selected; // fill of a chosen option
    ImU32 track;    // empty part of the progress bar, unlit stairs
    ImU32 disabledFill;
    ImU32 disabledText;
    ImU32 notice; // calm notice background (errors are never red walls)
};

const Palette& palette();

// WCAG contrast ratio between two opaque colours (1..21).
double contrastRatio(ImU32 a, ImU32 b);

// UI scale for a window size; clamped so a 1024×600 screen stays usable.
float uiScaleFor(ImVec2 display);
// Text scale: the layout scale, but never below kMinTextScale, so body text stays at least 28 px
// on the small screens agencies have (1280×800: 0.67 would give 21 px, too small for people who
// read little). Fonts are built at this scale.
inline constexpr float kMinTextScale = 0.875f;
float textScaleFor(ImVec2 display);

struct Theme {
    ImVec2 display{1920, 1080};
    float scale = 1.f;
    float textScale = 1.f; // >= scale: see textScaleFor
    bool portrait = false;
    platform::FontSet fonts;

    float px(float at1080) const { return at1080 * scale; }
    // Extra factor for text sizes given in layout pixels (TextStyle::px, ButtonSpec::fontPx).
    float textBoost() const { return textScale / scale; }
    float margin() const { return px(48); }
    float gap() const { return px(24); }          // ≥ 16 px between targets
    float targetH() const { return px(96); }      // big buttons
    float smallTargetH() const { return px(80); } // keys, still ≥ 72 px at 1080p
    float radius() const { return px(20); }
    float bodyPx() const { return fonts.bodyPx; }
    float titlePx() const { return fonts.titlePx; }
    float hugePx() const { return fonts.hugePx; }
    // The top bar: progress (when any) and the speaker button, same place on every screen.
    float topBarH() const { return px(128); }
};

Theme makeTheme(ImVec2 display, const platform::FontSet& fonts);

} // namespace repere::ui
