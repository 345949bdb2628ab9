// Pieces of the mock screens: a browser window, a phone, buttons in a site's own colours, file
// and lock icons, and the kiosk's own "Continuer" strip shown once a sim reached its end state.
// Mock elements are drawn with site colours so they look like the real thing, but every one
// is still a recorded touch target of at least the kit's key height.
#pragma once

#include "ui/items/item_view.hpp"
#include "ui/widgets/widgets.hpp"

#include <string>
#include <string_view>

namespace repere::ui::sim {

// Words of a mock screen ("mock.*" keys of the strings table). Always French, whatever the
// language of instructions: the mock is the tested content (a real French webmail says
// "Envoyer"), like every stimulus.
const std::string& mt(std::string_view key);

// Colours of the mock sites (each pair of text/fill checked ≥ 4.5:1 in tests/ui).
struct MockPalette {
    ImU32 chrome; // browser/phone frame grey
    ImU32 chromeText;
    ImU32 page; // white page
    ImU32 pageText;
    ImU32 muted;  // secondary text on the page
    ImU32 line;   // separators
    ImU32 mail;   // webmail accent (buttons)
    ImU32 site;   // public-service site accent (header, buttons)
    ImU32 search; // search engine accent
    ImU32 link;   // links
    ImU32 bubble; // incoming SMS bubble
    ImU32 danger; // error text on the page
    ImU32 ok;     // success text
    ImU32 okFill; // success banner
};
const MockPalette& mockPalette();

// A button in a mock's colours. Records (id, label).
bool mockButton(UiContext& ctx, std::string_view id, const Rect& r, std::string_view label,
                ImU32 fill, ImU32 textColour, Picto picto = Picto::None, float fontPx = 0,
                bool outline = false);

// Plain text drawn and recorded; returns its height.
float mockText(UiContext& ctx, const Rect& r, std::string_view t, ImU32 colour, float px,
               bool bold = false, bool centre = false);

// A browser window in `area`: tab strip, back button, address bar (with a lock), page below.
struct BrowserFrame {
    Rect back, address, go, page;
};
BrowserFrame layoutBrowser(const Theme& theme, const Rect& area);
// Draws the frame. The address bar shows `url`, with a caret when `editing`.
void drawBrowser(UiContext& ctx, const BrowserFrame& f, const std::string& url, bool editing,
                 bool secure);

// A phone in the middle of `area` (status bar with `time`); returns the screen rectangle.
// `minWidth`: the phone is at least that wide (within the area) so its content fits.
Rect drawPhone(UiContext& ctx, const Rect& area, const std::string& time, float minWidth = 0);
// The phone's screen inside a phone of width `w` drawn by drawPhone (for layout before drawing).
inline float phoneScreenInset(const Theme& th) {
    return th.px(14);
}

void fileIcon(UiContext& ctx, const Rect& r, const std::string& fileName);

// A phone's home bar (the round home button) cut from the bottom of `screen`; true when tapped.
bool phoneHomeBar(UiContext& ctx, Rect& screen, bool enabled = true);
// An app icon of the home screen: a rounded tile with a pictogram and its name under it.
// `glyph`, when given, draws the tile's symbol instead of `picto`.
using Glyph = void (*)(ImDrawList*, const Rect&, ImU32);
bool appIcon(UiContext& ctx, std::string_view id, const Rect& cell, std::string_view name,
             ImU32 fill, Picto picto, Glyph glyph = nullptr);
// A closed padlock (lock screens, secure pages).
void padlock(ImDrawList* dl, const Rect& r, ImU32 col, float stroke);
// An arrow pointing up (swipe hints).
void arrowUp(ImDrawList* dl, const Rect& r, ImU32 col, float stroke);
void paperclip(ImDrawList* dl, const Rect& r, ImU32 col, float stroke);

// Under the mock once the sim has ended: a calm line and the kiosk's own "Continuer" button.
// Returns true when tapped. `strip` is cut from the bottom of the item area by the caller.
bool endStrip(UiContext& ctx, const Rect& strip);
float endStripHeight(const Theme& theme);

} // namespace repere::ui::sim
