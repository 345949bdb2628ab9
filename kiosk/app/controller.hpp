// The kiosk controller: which screen is shown, the person's session, and the one place where
// intents returned by screens change state (after the frame). It drives the attempt engine and
// persists every answer in the store before the next screen shows.
//
// Privacy on a shared screen: everything about the current person lives in `Person`; going back
// to welcome replaces it with a fresh one, so nothing of them can be drawn afterwards.
#pragma once

#include "app/audio_cues.hpp"
#include "app/inactivity.hpp"
#include "app/trainer_area.hpp"
#include "audio/audio_service.hpp"
#include "engine/attempt.hpp"
#include "platform/clock.hpp"
#include "quiz/model.hpp"
#include "quiz/quiz_library.hpp"
#include "report/result_presenter.hpp"
#include "store/database.hpp"
#include "ui/intents.hpp"
#include "ui/screens/screens.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace repere::app {

enum class Screen {
    Welcome,
    Language,
    SoundCheck,
    Consent,
    Code,
    QuizChoice,
    Item,
    Pause,
    StillHere,
    Resume,
    SoundNeeded, // "Cette partie demande du son": once, on a kiosk without sound
    Result,
    Goodbye,
    Error,
    Trainer
};
const char* toString(Screen s);

struct ControllerDeps {
    // Every quiz version this kiosk can run: bundled packages and catalogue versions (see
    // quiz_library.hpp). New attempts take the newest version of a quiz, resumed ones the exact
    // version they started with. The controller appends catalogue versions to it when the sync
    // worker installed some (tick()), so it is not const.
    quiz::QuizLibrary* library = nullptr;
    // Without a library (tests): these packages, copied into a library of the controller's own.
    const std::vector<quiz::Quiz>* quizzes = nullptr;
    store::Database* db = nullptr;
    const platform::Clock* clock = nullptr;
    // Null: no sound at all (--no-sound); shown as "Son indisponible". Handed to AudioCues.
    audio::AudioService* audio = nullptr;
    std::string kioskId = "kiosk";
    InactivityConfig idle;
    std::uint64_t seed = 0; // 0: random seeds per attempt
    // Trainer area (trainer_area.hpp).
    std::filesystem::path dataDir;   // recordings are relative to it
    std::filesystem::path exportDir; // trainer exports (empty: <dataDir>/exports)
    std::string agency;
    std::int64_t trainerIdleMs = 2 * 60 * 1000;
    SyncPort* sync = nullptr; // background sync (sync_worker.hpp); null: no sync on this kiosk
    // The trainer log-in's PIN check, run on a worker (TrainerDeps::verifyPin); empty: Argon2id.
    std::function<bool(const std::string& hash, const std::string& pin)> verifyPin;
    // The sound check screen after the choice of language (per kiosk), with its music.
    bool soundCheck = false;
    std::filesystem::path soundCheckMusic = "assets/sounds/sound-check.ogg";
    // Language of the instructions until the person chooses one (kiosk.conf `language`).
    std::string defaultLocale = "fr";
};

// The welcome screen as the controller draws it; also drawn alone while start-up finishes
// (kiosk_app.cpp), so the first frame waits for neither the disk nor the sound.
ui::Intent welcomeScreen(ui::UiContext& ctx);

// The person's result screen, from the presenter shared with the bilan (controller_views.cpp).
ui::ResultView resultView(const report::ResultPresentation& presentation);

class Controller {
public:
    explicit Controller(ControllerDeps deps);

    // Draws the current screen on the canvas and returns what it asks for.
    ui::Intent draw(ui::UiContext& ctx);
    // Applies an intent (call after the frame).
    void apply(const ui::Intent& intent);
    // Timers: inactivity; and catalogue versions the sync worker installed since the last call
    // are added to the library (nobody's attempt changes version). Call once per loop turn,
    // between frames.
    void tick();
    // A touch or key arrived.
    void noteActivity();
    // Milliseconds until a timer is due (the loop may sleep that long); -1 = none.
    std::int64_t msUntilNextTimer() const;

    // Sound devices open after the first frame (so they never delay it); null = no sound.
    void setAudio(audio::AudioService* a);
    // Something moves on screen (countdown, level meter, a sound playing): keep drawing.
    // A trainer's PIN being checked on its worker counts too: the page turns its arc and the
    // loop picks the answer up in tick().
    bool animating() const { return cues_.animating() || trainer_.checking(); }
    Screen screen() const { return screen_; }
    const std::string& locale() const { return person_.locale; }
    // For tests: the current person's code ("" when none) and attempt.
    const std::string& code() const { return person_.code; }
    const engine::Attempt* attempt() const { return person_.attempt ? &*person_.attempt : nullptr; }
    // What the item screen is drawn from (tests read the sound state the screen would show).
    ui::ItemScreenView itemView() const;
    // The cards of the choice screen (author packages left out unless assigned).
    ui::QuizChoiceView quizChoiceView() const;
    const ui::ErrorView& errorView() const { return error_; }
    const TrainerArea& trainerArea() const { return trainer_; }
    const quiz::QuizLibrary& library() const { return *deps_.library; }
    // No sound can be played now: every screen shows "Son indisponible".
    bool soundUnavailable() const { return cues_.unavailable(); }

private:
    struct Person {
        std::string locale = "fr";
        std::string code;
        bool codeGenerated = false; // the kiosk made it: show it big at the end
        std::string assignedQuizId; // chosen by the counsellor for this code ("" = none)
        std::optional<std::int64_t> consentAtMs;
        const quiz::Quiz* quiz = nullptr;
        std::optional<engine::Attempt> attempt;
        std::optional<engine::Response> unsaved; // an answer the store refused: retried
        ui::EntryScratch entry;
        ui::items::ItemInteraction item;
        std::string codeMessageKey;
        ui::ResultView result;
        bool soundNeededSeen = false; // "Continuer" touched: later sound parts pass silently
    };

    ui::Intent drawScreen(ui::UiContext& ctx);
    void go(Screen s);
    void resetToWelcome(); // pause+save any running attempt, then forget the person
    void saveAndPause();
    void submitCode(const std::string& typed);
    void newCode();
    void startQuiz(const std::string& quizId);
    void resumeByCode(const std::string& typed);
    void answer(const nlohmann::json& answer);
    void dontKnow();
    void persist(engine::Response r); // store, or the calm save error
    void afterResponse();
    // The current item; without sound, the items that need it are passed over (stored as
    // "unavailable") after the one "Cette partie demande du son" screen.
    void showItem();
    void passSoundItems();
    void finishAndShowResult();
    void onItemIntent(const ui::items::ItemIntent& i);
    // The apply() of one part of the journey; false when the intent is not theirs.
    bool applyArrival(const ui::Intent& in);   // welcome to the choice of a diagnostic
    bool applyQuestions(const ui::Intent& in); // items, pause, "toujours là ?"
    void applyLeaving(const ui::Intent& in);   // result, goodbye, back, errors, trainer area
    void back();
    void retryAfterError();
    // Starts the audio session of the screen on show (audio_cues.hpp) once per screen/item shown;
    // called after every state change.
    void syncAudio();
    bool stimulusUnheard() const { return cues_.stimulusUnheard(attempt()); }
    bool recordingUnavailable() const { return cues_.recordingUnavailable(attempt()); }
    void storeUnavailable();
    void answerSoundCheck(bool heard);
    void showError(const std::string& key, bool canRetry);
    void addInstalledCatalogue(); // when the sync worker's catalogue generation moved
    std::int64_t now() const { return deps_.clock->nowMs(); }
    audio::AudioService* sound() const { return cues_.service(); }

    std::unique_ptr<quiz::QuizLibrary> ownLibrary_; // only when deps.library was null
    ControllerDeps deps_;
    std::uint64_t catalogGenerationSeen_ = 0;
    Screen screen_ = Screen::Welcome;
    Screen beforeQuestion_ = Screen::Welcome; // where "Oui" returns to
    Person person_;
    Inactivity idle_;
    ui::ErrorView error_;
    std::string lastResumeMessage_;
    std::uint64_t shownSerial_ = 0; // bumped each time a screen (or the next item) is shown
    TrainerArea trainer_;
    AudioCues cues_;
};

} // namespace repere::app
