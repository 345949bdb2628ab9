// What every screen and widget receives: the theme, the locale of instructions, the input of
// this frame, where images come from, and the recorder that remembers each drawn widget's
// rectangle and label (screen tests and --script runs find buttons by what they show).
#pragma once

#include "platform/image_source.hpp"
#include "ui/rect.hpp"
#include "ui/theme.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace repere::ui {

struct RecordedWidget {
    std::string id;    // stable id (independent of the locale)
    std::string label; // the visible word(s)
    Rect rect;
    bool enabled = true;
};

struct RecordedText {
    std::string text;
    Rect rect;
};

// Where a string's glyphs were drawn (its own width, not its box), clipped to what is visible;
// `order` is its place in the drawing order of the frame (shared with opaque panels).
struct RecordedInk {
    std::string text;
    Rect rect;
    int order = 0;
};

// An opaque panel (a pop-up window, a dialog) drawn over what was already on screen.
struct RecordedPanel {
    Rect rect;
    int order = 0;
};

// Filled during a frame, read after it. Cleared at the start of every frame.
class Recorder {
public:
    void clear() {
        widgets_.clear();
        texts_.clear();
        inks_.clear();
        panels_.clear();
        drawn_ = 0;
        readAloud_.clear();
    }
    void widget(std::string id, std::string label, Rect r, bool enabled) {
        widgets_.push_back({std::move(id), std::move(label), r, enabled});
    }
    void text(std::string t, Rect r) { texts_.push_back({std::move(t), r}); }
    // Filled by drawText and drawOpaquePanel while this recorder is the ink recorder (screen
    // tests, setInkRecorder), in drawing order.
    void ink(std::string t, Rect r) { inks_.push_back({std::move(t), r, drawn_++}); }
    void panel(Rect r) { panels_.push_back({r, drawn_++}); }
    const std::vector<RecordedInk>& inks() const { return inks_; }
    const std::vector<RecordedPanel>& panels() const { return panels_; }
    // True when `region` lies under one opaque panel drawn after the ink of order `after`: what
    // was drawn there before the panel cannot be seen.
    bool hiddenAfter(const Rect& region, int after) const;
    // What the screen's speaker button reads: the app reads it by itself when the screen opens.
    void readAloud(std::string t) { readAloud_ = std::move(t); }
    const std::string& readAloudText() const { return readAloud_; }

    const std::vector<RecordedWidget>& widgets() const { return widgets_; }
    const std::vector<RecordedText>& texts() const { return texts_; }
    // The enabled widget whose label is exactly `label` (else case-insensitive), or nullptr.
    const RecordedWidget* findByLabel(std::string_view label) const;
    const RecordedWidget* findById(std::string_view id) const;
    // True when `needle` appears in any visible text or widget label.
    bool showsText(std::string_view needle) const;
    // Every label and text visible this frame (for error messages).
    std::vector<std::string> visibleStrings() const;

private:
    std::vector<RecordedWidget> widgets_;
    std::vector<RecordedText> texts_;
    std::vector<RecordedInk> inks_;
    std::vector<RecordedPanel> panels_;
    int drawn_ = 0;
    std::string readAloud_;
};

// Keyboard input of this frame, from the physical keyboard or a script, already decoded.
struct UiInput {
    std::string typed; // UTF-8 characters typed this frame
    bool enter = false;
    bool backspace = false;
    bool escape = false;
};

struct UiContext {
    const Theme& theme;
    std::string locale = "fr";               // language of instructions and UI words
    Recorder* recorder = nullptr;            // may be null
    platform::ImageSource* images = nullptr; // may be null: images show their placeholder
    UiInput input;
    std::int64_t nowMs = 0;
    // No sound can be played on this kiosk now: speaker buttons are greyed (the top one, struck
    // through) or left out (beside options), so nothing invites a tap that does nothing.
    bool soundOff = false;

    // The UI word for `key` in the current locale (see kiosk/core/i18n).
    const std::string& tr(std::string_view key) const;
    ImDrawList* draw() const;
};

} // namespace repere::ui
