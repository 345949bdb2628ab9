// The trainer area: login with name + PIN, today's attempts and search
// by code, one beneficiary (levels chart, two sittings, every answer, manual scoring, next step),
// and the kiosk panel. Same rules as the beneficiary screens: read-only views, one intent back,
// words from the strings table ("trainer.*" keys). Every trainer screen shows the "Espace
// formateur" banner so nobody mistakes it for the test.
#pragma once

#include "ui/screens/screens.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace repere::ui {

// ---- login -----------------------------------------------------------------------------------
struct TrainerLoginView {
    // Already worded: one message for a wrong name, a wrong PIN and a locked account (the
    // screen never says whether a name exists), or an error of the store.
    std::string message;
    // The PIN is being checked (on a worker: about 2 s for a server account): « Vérification… »
    // with a turning arc, and every key and button of the page ignores taps until it is done.
    bool checking = false;
};
struct TrainerLoginScratch {
    std::string name; // as typed on the keyboard
    std::string pin;
    bool askPin = false; // the name step is done
    KeyboardState keyboard;
};
Intent drawTrainerLogin(const TrainerLoginView& view, TrainerLoginScratch& scratch, UiContext& ctx);

// ---- today's attempts / search by code ---------------------------------------------------------
struct TrainerAttemptRow {
    std::string uuid;
    std::string code;      // formatted "ABC-DEFG"
    std::string started;   // "14:05" (today) or "27/11 14:05"
    std::string quizTitle; // "Diagnostic de français 1.0.0"
    std::string statusKey; // "trainer.status.finished", ...
    int minutes = 0;
    int pendingManual = 0;
    bool selected = false; // for export
};
struct TrainerHomeView {
    std::string trainer;
    std::string heading; // "Passations du jour" or "Code ABC-DEFG"
    std::vector<TrainerAttemptRow> rows;
    // A searched code (formatted, "" = today's list): a diagnostic can be assigned to it here,
    // before its first sitting.
    std::string searchedCode;
    std::vector<std::pair<std::string, std::string>> assignable; // quiz id, title
    std::string assigned;                                        // title assigned to the code
    std::string message; // result of the last action (export done, no such code...)
    int selectedCount = 0;
};
struct TrainerHomeScratch {
    std::string search;
    float scrollY = 0;
};
Intent drawTrainerHome(const TrainerHomeView& view, TrainerHomeScratch& scratch, UiContext& ctx);

// ---- one beneficiary
// -----------------------------------------------------------------------------
struct TrainerSitting {
    std::string label;                      // "28/11/2026 — Diagnostic de français"
    std::map<std::string, int> stepBySkill; // skill id -> level index (absent: not placed)
};
struct TrainerSkillRow {
    std::string skillId;
    std::string title;
    std::string
        canDo; // what the person can do in this skill at this sitting's level ("" = not placed)
};
struct TrainerRubricPoint {
    std::string id;
    std::string label;
    double points = 1;
};
// A picture the person saw: the item's own image, or a picture option (with its alt text).
struct TrainerShownImage {
    std::string path;      // absolute; "" or unreadable: a calm placeholder, never a crash
    std::string caption;   // what the picture shows ("un bus"), from the package's alt text
    bool chosen = false;   // the person picked this option
    bool expected = false; // the right answer
};
struct TrainerResponseCard {
    std::string uuid;
    int number = 0; // 1-based
    std::string itemId;
    std::string typeKey;   // "trainer.type.write", ...
    std::string shown;     // instruction + stimulus text
    std::string answered;  // what the person gave, readable
    std::string expected;  // the right answer(s), readable ("" = none / trainer-scored)
    std::string statusKey; // "trainer.rstatus.ok", ...
    std::string scoreText; // "1 / 1"
    double seconds = 0;
    int plays = 0;
    bool dontKnow = false;
    bool manual = false; // write/speak (not practice): the trainer scores it here
    bool hasRecording = false;
    std::vector<TrainerShownImage> images; // the item's picture first, then picture options
    bool canReplay = false; // the listening stimulus can be played again ("Écouter")
    std::string scoredBy;   // "Mme Benali, 28/11 15:02" when scored
    std::string scorer;     // "Mme Benali" when scored
    std::vector<TrainerRubricPoint> rubric;
};
struct TrainerNoteLine {
    std::string by; // "Mme Benali, 28/11 15:02"
    std::string text;
};
struct TrainerBeneficiaryView {
    std::string trainer;
    std::string code;
    std::string firstName;
    std::string attemptUuid;
    std::vector<std::string> levelTitles; // of the opened attempt's framework, lowest first
    std::vector<TrainerSkillRow> skills;
    std::vector<TrainerSitting> sittings; // the opened one first, then the previous (max 2)
    std::vector<TrainerResponseCard> responses;
    std::string nextStep;                     // current agreed next step ("" = none)
    std::vector<std::string> nextStepChoices; // worded choices
    std::vector<std::pair<std::string, std::string>> assignable; // quiz id, title
    std::string assigned; // title of the diagnostic assigned to this code
    std::string message;
    int pendingManual = 0;
    std::string scoring;                // uuid of the answer being scored ("" = the whole page)
    std::vector<TrainerNoteLine> notes; // the counsellors' notes about this code, oldest first
    bool notesOpen = false;             // the notes page (keyboard) instead of the sheet
};
struct TrainerBeneficiaryScratch {
    // response uuid -> rubric id -> points given (0, the criterion's full points, or 1 "en partie"
    // on a criterion worth 2).
    std::map<std::string, std::map<std::string, double>> ticks;
    float scrollY = 0;
    std::string noteDraft;
    KeyboardState keyboard;
    float notesScrollY = 0;
};
Intent drawTrainerBeneficiary(const TrainerBeneficiaryView& view,
                              TrainerBeneficiaryScratch& scratch, UiContext& ctx);

// The notes page drawn in `r` (the left column of the beneficiary page when view.notesOpen).
Intent drawTrainerNotes(const TrainerBeneficiaryView& view, TrainerBeneficiaryScratch& scratch,
                        UiContext& ctx, Rect r);

// The levels chart: one row per skill, a bar per sitting reaching the person's step, the level
// names written on the axis and the step's name written at the end of each bar.
void drawLevelsChart(UiContext& ctx, const Rect& r, const TrainerBeneficiaryView& view);

// ---- kiosk panel
// ------------------------------------------------------------------------------------
struct TrainerPackageRow {
    std::string id;
    std::string version;
    std::string title;
    std::vector<std::string> problems; // validation errors/warnings, formatted
    bool ok = true;
};
// Sync as the kiosk panel shows it, read from the store's sync state.
struct TrainerSyncView {
    long long pending = 0;   // records waiting to be sent
    std::string lastSuccess; // worded date and time ("" = never)
    std::string lastError;   // "" = none
    // The action row ("Synchroniser maintenant" and, once wired, its progress). A sync client
    // sets `available`; until then the button is shown disabled with trainer.sync.off.
    bool available = false;
    bool running = false;   // a round is in progress: the button is disabled
    std::string progress;   // worded progress of the running round ("" = none)
    bool enrolled = true;   // false: sync runs but this kiosk has no server (said under the button)
    bool requested = false; // tapped, the round is about to start: the button is disabled
    float fraction = -1;    // progress bar of the running round in [0, 1] (< 0: no bar)
    std::string next;       // worded next automatic try after failures ("" = none)
    std::string errorDetail; // the sync client's own words for IT, shown small under lastError
};
struct TrainerKioskView {
    std::string trainer;
    std::vector<TrainerPackageRow> packages;
    TrainerSyncView sync;
    std::string message;
};
struct TrainerKioskScratch {
    float scrollY = 0;
};
Intent drawTrainerKiosk(const TrainerKioskView& view, TrainerKioskScratch& scratch, UiContext& ctx);

// Shared: the "Espace formateur" banner across the top of every trainer screen, with the
// trainer's name and "Se déconnecter" (absent on the login screen). Consumes it from `r`.
Intent drawTrainerBanner(UiContext& ctx, Rect& r, const std::string& trainer);
// The top of a page below the list (a beneficiary, the kiosk panel): the banner, the page's
// heading and "Retour à la liste" (also Escape). Consumes them from the top of `r`.
Intent drawTrainerPageHead(UiContext& ctx, Rect& r, const std::string& trainer,
                           const std::string& heading);
// "Diagnostic pour ce code : ..." and one button per loaded diagnostic (the assigned one
// selected). Consumes its height from the top of `r`.
Intent drawAssignRow(UiContext& ctx, Rect& r, const std::string& code,
                     const std::vector<std::pair<std::string, std::string>>& assignable,
                     const std::string& assigned, float fontPx);
// The discreet corner of the welcome screen that opens the trainer login.
Intent drawTrainerCorner(UiContext& ctx);

} // namespace repere::ui
