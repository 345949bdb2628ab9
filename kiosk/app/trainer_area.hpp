// The trainer area behind its PIN: session, pages, idle log-out, and the one place where the
// trainer screens' intents touch the store (login, manual scores, next steps, exports).
//
// Privacy and safety: every page but the login needs a session opened by Database::login (its
// lockout included); actions arriving without one are ignored. Leaving, logging out or 2
// minutes without a touch forget the session and everything shown (a fresh TrainerArea state).
#pragma once

#include "app/sync_port.hpp"
#include "audio/audio_service.hpp"
#include "platform/clock.hpp"
#include "quiz/model.hpp"
#include "quiz/quiz_library.hpp"
#include "store/database.hpp"
#include "ui/screens/trainer_screens.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <future>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace repere::app {

struct TrainerDeps {
    // Bundled and catalogue versions (quiz_library.hpp): an attempt's sheet and bilan use the
    // version it was taken on; assigning and the kiosk panel use the newest.
    const quiz::QuizLibrary* library = nullptr;
    store::Database* db = nullptr;
    const platform::Clock* clock = nullptr;
    audio::AudioService* audio =
        nullptr;                     // plays recorded answers and stimuli; may be null (no sound)
    std::filesystem::path dataDir;   // recordings are relative to it
    std::filesystem::path exportDir; // where exports go (a USB stick mount, say)
    std::string agency;
    std::int64_t idleLogoutMs = 2 * 60 * 1000;
    SyncPort* sync = nullptr; // null: no sync on this kiosk (button disabled)
    // Checks a PIN against its Argon2id hash, on a worker thread (about 2 s and 256 MiB for a
    // server account: on the UI thread it froze the screen). Empty: store::verifyPinHash. Tests
    // hold it to look at the page while a check runs.
    std::function<bool(const std::string& hash, const std::string& pin)> verifyPin;
};

class TrainerArea {
public:
    enum class Page { Login, Home, Beneficiary, Kiosk };

    explicit TrainerArea(TrainerDeps deps);

    // The welcome corner was tapped: the login page, nothing else.
    void open();
    // Draws the current page; a page other than the login is drawn only with a session.
    ui::Intent draw(ui::UiContext& ctx);
    // Applies an action; returns true when the area is left (the app goes back to welcome).
    bool apply(const ui::trainer::Action& action);
    // A touch or key.
    void activity();
    // The store changed outside the trainer's actions (new catalogue versions): read it again.
    void storeChanged();
    void setAudio(audio::AudioService* a) { deps_.audio = a; }
    // Between frames: takes the result of a PIN check that finished (opens the session or shows
    // the refusal), then the idle log-out; returns true when that just happened (the app goes
    // back to welcome).
    bool tick();
    // A PIN is being checked on the worker: the page shows « Vérification… » and ignores taps.
    bool checking() const { return pending_.has_value(); }
    std::int64_t msUntilLogout() const;

    bool loggedIn() const { return session_.has_value(); }
    Page page() const { return session_ ? page_ : Page::Login; }
    const std::string& trainer() const;
    // For tests and scripts: the attempt open on the beneficiary page.
    const std::string& openedAttempt() const { return state_.openedAttempt; }
    const std::string& message() const { return state_.message; }
    // Exports (selected or this bilan) write to this folder; returns the folder made.
    const std::filesystem::path& lastExport() const { return state_.lastExport; }

private:
    struct Session {
        std::string name;
    };
    // Everything shown to a trainer; replaced wholesale on log-out.
    struct State {
        ui::TrainerLoginScratch login;
        std::string loginMessage;
        std::optional<std::string> searchCode; // canonical; none = today
        std::set<std::string> selected;
        ui::TrainerHomeScratch home;
        std::string openedAttempt;
        std::string scoring; // response being scored on its own page
        bool notesOpen = false;
        ui::TrainerBeneficiaryScratch beneficiary;
        ui::TrainerKioskScratch kiosk;
        std::string message;
        std::filesystem::path lastExport;
        // The pages as read from the store, kept from frame to frame: rebuilt after an action,
        // a log-in or new catalogue versions, not at every frame of a drag (the beneficiary page
        // replays two sittings through the engine).
        std::optional<ui::TrainerHomeView> homeShown;
        std::optional<ui::TrainerBeneficiaryView> beneficiaryShown;
        std::optional<ui::TrainerSyncView> offlineSyncShown; // the kiosk panel without sync
    };

    // A PIN check in flight: the account as read before it, and the worker's answer.
    struct PendingLogin {
        store::LoginCheck check;
        std::future<bool> matches;
    };
    void login(const std::string& name, const std::string& pin);
    void finishLogin();
    void logout(const char* why);
    ui::TrainerHomeView homeView();
    ui::TrainerBeneficiaryView beneficiaryView();
    ui::TrainerKioskView kioskView();
    void score(const ui::trainer::Score& s);
    void playRecording(const std::string& responseUuid);
    void replayStimulus(const std::string& responseUuid);
    void setNextStep(const std::string& label);
    void addNote(const std::string& text);
    void assignQuiz(const std::string& code, const std::string& quizId);
    void exportAttempts(const std::vector<std::string>& uuids);
    std::vector<store::AttemptRecord> listed();
    std::int64_t now() const { return deps_.clock->nowMs(); }
    std::int64_t epoch() const { return deps_.clock->epochMs(); }

    TrainerDeps deps_;
    std::optional<Session> session_;
    Page page_ = Page::Login;
    State state_;
    std::int64_t lastActivityMs_ = 0;
    // Last member: destroyed first, its future waits for a check still running (at shutdown).
    std::optional<PendingLogin> pending_;
};

// The next-step choices, worded (strings table): formation numérique, FLE, alphabétisation, ...
std::vector<std::string> nextStepChoices(const std::string& locale);

// The id of the diagnostic a counsellor assigned to a code ("" = none; the store's assignment
// table), which the beneficiary's quiz choice offers alone.
std::string assignedQuiz(store::Database& db, const std::string& code);

} // namespace repere::app
