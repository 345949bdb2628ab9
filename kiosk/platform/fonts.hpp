// Fonts: SIL Andika (made for beginning readers) with every glyph French needs.
// Dear ImGui 1.86's default glyph ranges stop at U+00FF and would lose œ ’ « … €,
// so we pass our own ranges. Fonts are baked at the pixel sizes of the current window.
#pragma once

#include <filesystem>
#include <imgui.h>
#include <string>

namespace repere::platform {

struct FontSet {
    ImFont* body = nullptr;  // regular, body text
    ImFont* bold = nullptr;  // buttons, emphasis
    ImFont* title = nullptr; // screen titles
    ImFont* huge = nullptr;  // the beneficiary code shown big
    float bodyPx = 32.f, titlePx = 48.f, hugePx = 96.f;
    bool fromAndika = false; // false: ImGui's built-in font (Andika missing), still usable
};

// Latin-1, Latin Extended-A (œ Œ), ‘ ’ “ ” „ – — … € and the narrow no-break space used by « ».
const ImWchar* frenchGlyphRanges();

// REPERE_FONT_DIR if set, else the Debian fonts-sil-andika folder.
std::filesystem::path andikaDir();

// Clears `atlas` and bakes the fonts for a UI scale (1.0 = 1080p). Returns false and fills
// `error` when Andika is missing; the set then uses ImGui's default font so the kiosk still runs.
// The atlas keeps its glyphs and one byte per pixel (until Window::uploadFonts frees them), not
// the font files: to change scale, call again.
bool buildFonts(ImFontAtlas& atlas, float uiScale, FontSet& out, std::string& error);

} // namespace repere::platform
