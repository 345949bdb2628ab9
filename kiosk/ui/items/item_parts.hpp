// Pieces shared by the item renderers of this folder (and the sims): where each renderer keeps
// its interaction model between frames, the keyboard bridge, drag-and-drop detection, and two
// small widgets in the kit's style (a labelled field and a word chip) that record their labels.
#pragma once

#include "ui/items/form_model.hpp"
#include "ui/items/item_view.hpp"
#include "ui/widgets/widgets.hpp"

#include <any>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace repere::ui::items {

// The renderer's model for the current item, created on the item's first frame. It lives in
// scratch.model, so the app's reset between items and beneficiaries drops it with the rest.
template <class Model, class Make> Model& modelOf(ItemInteraction& scratch, Make make) {
    if (auto* m = std::any_cast<Model>(&scratch.model)) {
        return *m;
    }
    scratch.model = make();
    return *std::any_cast<Model>(&scratch.model);
}

// Applies a text edit to a model that only knows type()/backspace(): erases what changed at the
// end of `before`, then types the rest of `after`.
void applyEdit(const std::string& before, const std::string& after,
               const std::function<bool(std::string_view)>& type,
               const std::function<bool()>& erase);

// The on-screen keyboard of `kind` in `r` plus this frame's physical or scripted typing, on
// `text`. True when the text changed. Numeric keeps digits only.
bool keyboardEdit(UiContext& ctx, const Rect& r, std::string& text, ItemInteraction& scratch,
                  KeyboardKind kind, std::size_t maxChars);
// Height the keyboard of `kind` wants at the current scale.
float keyboardHeight(const Theme& theme, KeyboardKind kind);

// A drag that ended this frame: where the finger went down and where it was lifted. Taps (no
// travel) are not drags. Renderers map both points to their cards.
struct Drop {
    ImVec2 from, to;
};
std::optional<Drop> dropThisFrame(const UiContext& ctx);
// While a finger drags from `from` (pressed inside it), draws a floating copy of `label` under
// the finger, so the person sees what they carry.
void dragGhost(UiContext& ctx, const Rect& from, std::string_view label);

// A labelled input box: the label above in bold, the value in a white box with a caret when
// focused; the whole block is one tap target recorded with the label (scripts tap "Nom").
// `error` (may be empty) shows under the box with a warning sign, never by colour alone.
bool fieldBox(UiContext& ctx, std::string_view id, const Rect& r, std::string_view label,
              const std::string& value, bool focused, std::string_view error = {});
float fieldBoxHeight(const Theme& theme, bool withError);

// One row: the label on the left, the value box on the right (mock mail "À :" fields). The
// whole row is the tap target, recorded with the label.
bool inlineField(UiContext& ctx, std::string_view id, const Rect& r, std::string_view label,
                 float labelW, const std::string& value, bool focused);
// The size of what is typed in an inline field of that height: the body size (the person reads
// back an e-mail address letter by letter), smaller only if the box is too low for it.
float inlineFieldTextPx(const Theme& theme, float boxH);

// A word chip (mark items, word banks): rounded, the word in bold, thick outline and tinted fill
// when `on`. True when tapped.
bool chip(UiContext& ctx, std::string_view id, const Rect& r, std::string_view word, bool on);
float chipWidth(const UiContext& ctx, std::string_view word);

// A small round badge with a number (pairs and positions are told by numbers, not colour).
void numberBadge(UiContext& ctx, ImVec2 centre, float radius, int n, bool strong);

// A card showing an option (picture on the left when it has one, its words, a speaker button
// when it has a sound). `picked`: held for tap-then-tap (thick outline, tinted). Returns what
// happened this frame.
struct CardResult {
    bool tapped = false;
    bool play = false; // the card's speaker button
};
CardResult optionCard(UiContext& ctx, const ItemViewState& view, std::string_view id, const Rect& r,
                      const quiz::Option& option, bool picked);

// The words of an option as shown: French text, else its picture's description, else its id.
std::string optionLabel(const ItemViewState& view, const quiz::Option& option);

} // namespace repere::ui::items
