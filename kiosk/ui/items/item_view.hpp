// Item renderers: the body of the item screen, one renderer per item type.
//
// Contract (shared by the kiosk frame and the renderers in this folder):
// - The item frame (kiosk/ui/screens/item_screen.cpp) owns the top bar (progress, speaker),
//   the instruction, and the footer ("Je ne sais pas", "Pause", "Valider"). A renderer draws
//   only inside `view.area`.
// - A renderer reads `view` (never changes the quiz) and keeps what the person has done so far
//   in `scratch`, which the app resets when the item changes (and on every new beneficiary).
// - When the answer is complete enough to submit, the renderer sets scratch.ready and
//   scratch.answer (the answer JSON of quizzes/FORMAT.md for its type); the frame's "Valider"
//   then submits it. Types that finish by themselves (sim: "Envoyer" in the mock) return
//   SubmitAnswer directly and report hasOwnSubmit() == true so the frame hides "Valider".
// - Sounds are intents (PlayAudio), never played from here. Images come from ctx.images.
// - Every tappable thing goes through ui/widgets (tapArea/button) so it is recorded with a
//   visible label; every drag also works as tap-then-tap (scratch.held).
#pragma once

#include "quiz/model.hpp"
#include "ui/items/speak_model.hpp"
#include "ui/rect.hpp"
#include "ui/ui_context.hpp"

#include <any>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace repere::ui::items {

struct ItemViewState {
    const quiz::Quiz* quiz = nullptr; // for assets (images, audio) and the framework
    const quiz::Item* item = nullptr;
    std::string locale = "fr";    // language of instructions and option labels of profile items
    int stimulusPlays = 0;        // how many times the stimulus audio was played already
    bool stimulusPlaying = false; // the stimulus is being heard now
    bool stimulusUnavailable =
        false; // it could not be played (no device, missing file): "Son indisponible"
    Rect area; // where the renderer draws
    // The attempt's seed: every order drawn on screen (order cards) comes from it, never the clock,
    // so a resumed attempt shows the same order and two attempts differ (engine/shown_order.hpp).
    std::uint64_t attemptSeed = 0;
    RecordingStatus recording; // speak items: the audio service's recorder, mirrored by the app
};

// Per-item working state, owned by the app, reset between items and beneficiaries.
struct ItemInteraction {
    std::string itemId;                        // the item this scratch belongs to
    std::vector<std::string> selected;         // choice, profile, mark (indices as strings), order
    std::map<std::string, std::string> values; // gaps/form/match: id -> value; write: "text"
    std::optional<std::string> held;           // tap-then-tap: what was picked up
    std::string focusedField;                  // gaps/form/write: field receiving the keyboard
    bool keyboardNumbers = false, keyboardShift = false;
    std::optional<std::pair<double, double>>
        point;           // hotspot: tap position (fractions of the image)
    float scrollY = 0.f; // drag-to-scroll offset of the body
    nlohmann::json extra =
        nlohmann::json::object(); // renderer-specific (sim screens, recording...)
    std::any model;               // renderer-specific model object (e.g. ChoiceModel)
    std::int64_t shownAtMs = 0;   // when the item appeared (durations)

    bool ended =
        false; // a sim scenario is over: only its "Continuer" remains (no "Je ne sais pas")
    bool ready = false;    // the answer can be submitted
    nlohmann::json answer; // the answer JSON when ready

    void reset(const std::string& forItem, std::int64_t nowMs) {
        *this = ItemInteraction{};
        itemId = forItem;
        shownAtMs = nowMs;
    }
};

struct PlayAudio {
    std::string assetId;   // asset of the quiz (stimulus or option sound)
    bool stimulus = false; // counts against stimulus.maxPlays
};

// The speaker button of a text option: the app reads it (the package's recording when the
// option has one, else synthesis in the language the text is in).
struct ReadOption {
    std::string optionId;
};

// Speak text with speech synthesis (no recorded file): instructions read aloud.
struct SpeakText {
    std::string text;
    std::string locale;
};

struct SubmitAnswer {
    nlohmann::json answer;
};

// Speaking items: the frame asks the app to record.
struct StartRecording {
    int maxDurationS = 0;
};
struct StopRecording {};
// Speaking items: play the take just recorded (AudioService::listenBack).
struct ListenBack {};

using ItemIntent = std::variant<std::monostate, PlayAudio, SpeakText, SubmitAnswer, StartRecording,
                                StopRecording, ListenBack, ReadOption>;

// Draws the item body for `view.item->type`; the one entry point the frame calls.
ItemIntent drawItem(const ItemViewState& view, ItemInteraction& scratch, UiContext& ctx);

// True for types that submit by themselves (no "Valider" in the frame).
bool hasOwnSubmit(quiz::ItemType type);

// Helpers for renderers --------------------------------------------------------------------
// Absolute path of an image asset, "" when unknown (the image widget then shows its placeholder).
std::string assetPath(const quiz::Quiz& quiz, const std::string& assetId);
// The text to show for an option: localised label for profile options, else the French text.
std::string optionText(const quiz::Option& option, const std::string& locale);
// Toggles `id` in `selected` (multiple) or makes it the only one (single).
void toggleSelection(std::vector<std::string>& selected, const std::string& id, bool multiple);

// Renderers by type (one file each). Types not yet drawn fall back to `drawUnavailable`.
ItemIntent drawChoice(const ItemViewState&, ItemInteraction&, UiContext&); // choice + profile
ItemIntent drawInfo(const ItemViewState&, ItemInteraction&, UiContext&);
ItemIntent drawUnavailable(const ItemViewState&, ItemInteraction&, UiContext&);

} // namespace repere::ui::items
