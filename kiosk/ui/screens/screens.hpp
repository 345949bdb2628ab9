// The beneficiary journey, one draw function per screen. Each takes read-only view
// state (and, for screens with typing, a small scratch the app resets between people), draws
// on the canvas and returns an intent. No screen holds a visible literal: words come from the
// strings table (ctx.tr) or from the quiz.
#pragma once

#include "ui/canvas.hpp"
#include "ui/intents.hpp"
#include "ui/items/item_view.hpp"
#include "ui/ui_context.hpp"
#include "ui/widgets/widgets.hpp"

#include <optional>
#include <string>
#include <vector>

namespace repere::ui {

// Typing state of the code screens, reset for every new person.
struct EntryScratch {
    std::string code;
};

// ---- welcome -------------------------------------------------------------------------------
struct WelcomeView {};
Intent drawWelcome(const WelcomeView& view, UiContext& ctx);

// ---- language of instructions ---------------------------------------------------------------
struct LanguageView {
    std::vector<std::string> locales; // offered (UI locales), French first
    std::string current;
};
Intent drawLanguage(const LanguageView& view, UiContext& ctx);

// ---- consent ----------------------------------------------------------------------------------
struct ConsentView {};
Intent drawConsent(const ConsentView& view, UiContext& ctx);

// ---- beneficiary code (start) and resume by code ----------------------------------------------
enum class CodePurpose { Start, Resume };
struct CodeView {
    CodePurpose purpose = CodePurpose::Start;
    std::string messageKey; // a calm message under the field ("" = none), e.g. "code.unknown"
    std::size_t codeLength = 7;
    std::string alphabet = "0123456789"; // the symbols a code can hold (one key each)
    std::size_t groupAfter = 3;          // shown as "ABC-DEFG" like on the counsellor's paper
};
Intent drawCode(const CodeView& view, EntryScratch& scratch, UiContext& ctx);

// ---- diagnostic choice --------------------------------------------------------------------------
enum class QuizKind { Digital, French, Other };
struct QuizCard {
    std::string quizId;
    std::string title;    // from the quiz, in the locale
    std::string subtitle; // from the quiz description, in the locale
    QuizKind kind = QuizKind::Other;
};
struct QuizChoiceView {
    std::vector<QuizCard> cards;      // the bundled diagnostics that loaded
    std::optional<QuizCard> assigned; // chosen by the counsellor for this code
};
Intent drawQuizChoice(const QuizChoiceView& view, UiContext& ctx);

// ---- one item ----------------------------------------------------------------------------------
struct ItemScreenView {
    items::ItemViewState item; // area is filled by the frame
    std::string instruction;   // localised instruction
    float progress = 0.f;      // 0..1 of the whole diagnostic
    bool allowDontKnow = true;
    bool practice = false;
    bool soundUnavailable = false; // no working sound: the "Son indisponible" notice
};
Intent drawItemScreen(const ItemScreenView& view, items::ItemInteraction& scratch, UiContext& ctx);

// ---- pause
// ----------------------------------------------------------------------------------------
struct PauseView {
    std::string code; // shown so the person can resume later
};
Intent drawPause(const PauseView& view, UiContext& ctx);

// ---- "Vous êtes toujours là ?" ----------------------------------------------------------------
struct StillHereView {
    int secondsLeft = 30;
};
Intent drawStillHere(const StillHereView& view, UiContext& ctx);

// ---- result
// -----------------------------------------------------------------------------------------
struct SkillResult {
    std::string title;      // skill title in the locale
    int step = 0;           // 0-based level index
    int steps = 1;          // number of levels
    std::string levelTitle; // e.g. "A1"
    std::string canDo;      // "Je comprends des mots simples."
};
struct ResultView {
    std::vector<SkillResult> strengths; // best levels first
    std::vector<SkillResult> toWork;
    // Skills with no level: levelTitle "Pas évalué" (or waiting for the counsellor) and canDo
    // says what happens next; drawn without a staircase, never left out.
    std::vector<SkillResult> notAssessed;
    std::string firstStep;      // no strength: the encouraging next step, shown first
    std::string message;        // the quiz's result message, if any
    bool pendingManual = false; // written/spoken answers wait for the counsellor
};
Intent drawResult(const ResultView& view, UiContext& ctx);

// ---- goodbye
// ------------------------------------------------------------------------------------------
struct GoodbyeView {
    std::string code; // shown big when the kiosk made it (or when the person stopped for today)
};
Intent drawGoodbye(const GoodbyeView& view, UiContext& ctx);

// ---- sound check (switched on per kiosk) ----------------------------------------------------
struct SoundCheckView {
    bool playing = false;     // the music is playing: "Réécouter" waits
    bool unavailable = false; // the device failed: the notice is shown, the answers still work
};
Intent drawSoundCheck(const SoundCheckView& view, UiContext& ctx);

// ---- a part that needs sound, on a kiosk without sound --------------------------------------
// One screen instead of item after item of "Son indisponible": the listening and speaking parts
// are left for the trainer; a picture and a single "Continuer".
Intent drawSoundNeeded(UiContext& ctx);

// "Son indisponible": a notice in the top bar, left of the speaker, on every screen while no
// sound can be played (no device, broken headset, sound check not heard).
void drawSoundNotice(UiContext& ctx);

// ---- calm errors
// ----------------------------------------------------------------------------------------
struct ErrorView {
    std::string messageKey = "error.start";
    bool canRetry = false;
};
Intent drawError(const ErrorView& view, UiContext& ctx);

// Shared pieces of the screens (screen_parts.cpp).
// A title (and optional body) at the top of `r`, consumed from it. Returns the text read aloud.
std::string drawHeading(UiContext& ctx, Rect& r, std::string_view title,
                        std::string_view body = {});
// The staircase picture: `steps` stairs with the person's step lit and the ones below filled.
void drawStaircase(UiContext& ctx, const Rect& r, int step, int steps);
// The beneficiary code, large and spaced, in a framed box consumed from the top of `r`.
void drawCodeBig(UiContext& ctx, Rect& r, const std::string& code);
// Reads `text` aloud when the speaker is tapped.
Intent speakerIntent(UiContext& ctx, const std::string& text);

} // namespace repere::ui
