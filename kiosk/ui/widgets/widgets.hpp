// The kiosk's widget kit, drawn with ImDrawList on one full-screen canvas (no ImGui chrome).
// Every interactive widget records its rectangle, stable id and visible label in
// ctx.recorder, so screen tests and --script runs can find and tap it by what it shows.
// Touch rules: a tap is a press and a release on the same widget without dragging (a drag
// scrolls); nothing depends on hover, double tap or long press.
//
// Section index
//   1. Pictograms
//   2. Taps and buttons
//   3. Text
//   4. Progress, speaker, panels, images
//   5. Text fields and on-screen keyboards
//   6. Drag to scroll
#pragma once

#include "ui/rect.hpp"
#include "ui/ui_context.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace repere::ui {

// ---------------------------------------------------------------------------------------------
// 1. Pictograms: simple shapes a person recognises without reading.
// ---------------------------------------------------------------------------------------------
enum class Picto {
    None,
    ArrowRight,
    ArrowLeft,
    Check,
    Cross,
    Speaker,
    Pause,
    Play,
    Stop,
    Question,
    Home,
    Globe,
    Computer,
    Speech,
    Person,
    Key,
    Keypad,
    Backspace,
    Star,
    Door,
    Info,
    Pencil,
    Microphone,
    Hand,
    SoundOff // the loudspeaker struck through: no sound on this kiosk
};

// Draws `p` centred in the square that fits `box`.
void drawPicto(ImDrawList* dl, Picto p, const Rect& box, ImU32 colour);

// ---------------------------------------------------------------------------------------------
// 2. Taps and buttons.
// ---------------------------------------------------------------------------------------------
// True on the frame a tap on `r` completes (press and release inside, no drag). `held` tells
// whether the finger is on it now (for the pressed look).
bool tapArea(UiContext& ctx, std::string_view id, const Rect& r, bool enabled = true,
             bool* held = nullptr);

enum class ButtonStyle {
    Primary,   // the one strong action of the screen
    Secondary, // other actions: white with an outline
    Selected,  // a chosen option (tinted, thick outline, check mark)
    Quiet      // low-key actions such as "Je ne sais pas": outline, muted
};

struct ButtonSpec {
    Picto picto = Picto::None;
    ButtonStyle style = ButtonStyle::Secondary;
    bool enabled = true;
    bool vertical = false; // pictogram above the word (cards, tiles)
    float fontPx = 0;      // 0 = body size
};

// A big rounded button with a pictogram and a word. Records (id, label).
bool button(UiContext& ctx, std::string_view id, const Rect& r, std::string_view label,
            const ButtonSpec& spec = {});

// Width a button needs for its label + pictogram at the body size.
float buttonWidth(const UiContext& ctx, std::string_view label, bool withPicto, float fontPx = 0);

// How a label is set in a button's inner box: at `px` when it fits (on two lines broken between
// words when they fit the height), else on one line at the largest size that fits the width, and
// without the pictogram when even that is too small. A word is never cut in two and never runs out
// of the button (on a 1024×600 screen "Majuscule" became "Majuscu/le" and "Effacer" ran out).
struct LabelFit {
    float px = 0;      // text size to draw at
    bool wrap = false; // draw wrapped at the inner width
    bool picto = true; // keep the pictogram
};
// `innerW`: width for pictogram + text; `maxH`: height the text may take; `pictoW`: pictogram +
// gap.
LabelFit fitLabel(ImFont* font, float px, std::string_view label, float innerW, float maxH,
                  float pictoW);

// ---------------------------------------------------------------------------------------------
// 3. Text: wrapped, recorded (so scripts can wait for it), left-aligned or centred.
// ---------------------------------------------------------------------------------------------
enum class Align { Left, Center };
enum class TextRole { Body, Strong, Muted, Title, Huge };

struct TextStyle {
    TextRole role = TextRole::Body;
    Align align = Align::Left;
    float px = 0;     // 0 = the role's size
    ImU32 colour = 0; // 0 = the role's colour
};

// Draws `text` wrapped to r.w() from r.min (vertically centred in r when `centerV`).
// Returns the height used.
float text(UiContext& ctx, const Rect& r, std::string_view text, const TextStyle& style = {},
           bool centerV = false);
// Every string drawn on screen goes through drawText, never ImDrawList::AddText directly: it
// draws, and while an ink recorder is set (screen tests) records where the glyphs landed, so a
// test can check that no text is drawn over another at every window size.
void drawText(ImDrawList* dl, const ImFont* font, float px, ImVec2 pos, ImU32 colour,
              const char* begin, const char* end = nullptr, float wrapWidth = 0.f);
// The recorder drawText reports to on this thread (nullptr: none, as on a kiosk).
void setInkRecorder(Recorder* recorder);
// An opaque panel over what is already drawn (a pop-up window, a dialog): fills `r` and tells the
// ink recorder that text drawn before it there is hidden, not under the panel's own text.
void drawOpaquePanel(ImDrawList* dl, const Rect& r, ImU32 colour, float rounding = 0.f);

float textHeight(const UiContext& ctx, float width, std::string_view text,
                 const TextStyle& style = {});
// The width of the widest word of `text` (below it, wrapping cuts a word in two).
float longestWordWidth(const UiContext& ctx, std::string_view text, const TextStyle& style = {});

// ---------------------------------------------------------------------------------------------
// 4. Progress, speaker, panels, images.
// ---------------------------------------------------------------------------------------------
void progressBar(UiContext& ctx, const Rect& r, float fraction);

// The speaker button lives in the top-right corner of every screen. True when tapped.
Rect speakerRect(const Theme& theme);
bool speakerButton(UiContext& ctx);

void panel(UiContext& ctx, const Rect& r, ImU32 fill, ImU32 outline = 0);

// Draws the image at `path` fitted (aspect kept) and centred in `r`; a calm placeholder with
// the "image unavailable" word when it cannot be loaded. Returns the rectangle drawn.
Rect image(UiContext& ctx, const Rect& r, const std::string& path);

// ---------------------------------------------------------------------------------------------
// 5. Text fields and on-screen keyboards (AZERTY with French accents, numeric keypad).
// ---------------------------------------------------------------------------------------------
// A field showing `value` (with a caret when focused). True when tapped (to focus it).
bool textField(UiContext& ctx, std::string_view id, const Rect& r, const std::string& value,
               bool focused, float fontPx = 0, bool spaced = false);

struct KeyboardState {
    bool shift = false;   // next letter in capitals
    bool numbers = false; // digits and symbols page
};

// Edit `text` in place (UTF-8); true when it changed.
bool azertyKeyboard(UiContext& ctx, const Rect& r, std::string& text, KeyboardState& state,
                    std::size_t maxChars);
float azertyKeyboardHeight(const Theme& theme);
// `enabled` false: drawn greyed, taps ignored (while the PIN typed is being checked).
bool numericKeypad(UiContext& ctx, const Rect& r, std::string& digits, std::size_t maxDigits,
                   bool enabled = true);
// A key per symbol of `alphabet` (ASCII), in order, `columns` per row, plus "Effacer".
bool codeKeypad(UiContext& ctx, const Rect& r, std::string& code, std::size_t maxChars,
                std::string_view alphabet, int columns);

// Applies this frame's physical or scripted typing and Backspace to `text`.
bool applyTyped(const UiInput& input, std::string& text, std::size_t maxChars, bool digitsOnly);

// ---------------------------------------------------------------------------------------------
// 6. Drag to scroll: content taller than its viewport follows the finger.
// ---------------------------------------------------------------------------------------------
// Updates `scrollY` from drags (and the mouse wheel) inside `viewport` and clamps it to the
// content. Draw the content shifted by -scrollY inside a clip rect of the viewport.
void dragScroll(UiContext& ctx, std::string_view id, const Rect& viewport, float contentH,
                float& scrollY);

} // namespace repere::ui
