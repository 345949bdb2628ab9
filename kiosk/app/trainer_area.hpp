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

// The router of the trainer area: which page is shown, the session, and which handler applies
// an action. Each page lives in a file of its own, with the handlers of its actions and the
// reading of what it shows: trainer_login.cpp, trainer_home.cpp (today's list, search, assign),
// trainer_export.cpp, trainer_beneficiary.cpp (the sheet), trainer_scoring.cpp (an answer scored
// on its own page), trainer_sync_panel.cpp (the kiosk panel); the words of an answer are in
// trainer_answer_words.hpp.
//
// What a page shows is read from the store when the page is entered and again after each action
// or new catalogue versions (reload), never while a frame is drawn: draw() only reads what was
// kept, and the kiosk panel asks the sync worker's live status (no store).
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
        // The pages as read from the store by reload(), kept from frame to frame (the
        // beneficiary page replays two sittings through the engine).
        std::optional<ui::TrainerHomeView> homeShown;
        std::optional<ui::TrainerBeneficiaryView> beneficiaryShown;
        std::optional<ui::TrainerKioskView> kioskShown; // packages, and sync when it is off
    };

    // A PIN check in flight: the account as read before it, and the worker's answer.
    struct PendingLogin {
        store::LoginCheck check;
        std::future<bool> matches;
    };

    // Router (trainer_area.cpp).
    void reload(); // reads what the current page shows
    void logout(const char* why);
    void on(const ui::trainer::OpenLogin&);
    void on(const ui::trainer::Login& a);
    void on(const ui::trainer::LeaveLogin&);
    void on(const ui::trainer::Logout&);
    void on(const ui::trainer::ShowToday&);
    void on(const ui::trainer::BackToList&);
    // Login page (trainer_login.cpp).
    void finishLogin();
    // Home page: today's list, a code's list, assigning a diagnostic (trainer_home.cpp).
    ui::TrainerHomeView homeView();
    std::vector<store::AttemptRecord> listed();
    void on(const ui::trainer::Search& a);
    void on(const ui::trainer::ToggleSelect& a);
    void on(const ui::trainer::AssignQuiz& a);
    // Exports, from the list or from a sheet (trainer_export.cpp).
    void exportAttempts(const std::vector<std::string>& uuids);
    void on(const ui::trainer::ExportSelected&);
    void on(const ui::trainer::ExportThis&);
    // Beneficiary page: the sheet, notes, next step, sounds (trainer_beneficiary.cpp).
    ui::TrainerBeneficiaryView beneficiaryView();
    void addSittings(ui::TrainerBeneficiaryView& v, const store::AttemptRecord& rec);
    void on(const ui::trainer::OpenAttempt& a);
    void on(const ui::trainer::OpenNotes&);
    void on(const ui::trainer::CloseNotes&);
    void on(const ui::trainer::AddNote& a);
    void on(const ui::trainer::SetNextStep& a);
    void on(const ui::trainer::PlayRecording& a);
    void on(const ui::trainer::ReplayStimulus& a);
    // Scoring: the answer cards of the sheet and an answer scored alone (trainer_scoring.cpp).
    void addResponseCards(ui::TrainerBeneficiaryView& v, const quiz::Quiz& quiz,
                          const store::AttemptRecord& rec);
    void on(const ui::trainer::OpenScoring& a);
    void on(const ui::trainer::CloseScoring&);
    void on(const ui::trainer::Score& a);
    // The kiosk panel: packages and sync (trainer_sync_panel.cpp).
    ui::TrainerKioskView kioskView();
    ui::TrainerSyncView liveSync() const;
    void on(const ui::trainer::OpenKioskPanel&);
    void on(const ui::trainer::SyncNow&);

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
