// The journey controller: which screen is shown and the one place where the screens' intents
// change the person's state (after the frame). Drawing is in controller_views.cpp, sound in
// audio_cues.cpp, how a result is told in report/result_presenter.
#include "app/controller.hpp"

#include "engine/attempt_result.hpp"
#include "report/result_presenter.hpp"
#include "store/beneficiary_code.hpp"
#include "store/catalog_packages.hpp"
#include "store/errors.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <random>

namespace repere::app {
namespace {

void logLine(const std::string& what) {
    std::fprintf(stderr, "repere-kiosk: %s\n", what.c_str());
}
} // namespace

namespace {
TrainerDeps trainerDeps(const ControllerDeps& d) {
    TrainerDeps t;
    t.library = d.library;
    t.db = d.db;
    t.clock = d.clock;
    t.audio = d.audio;
    t.dataDir = d.dataDir.empty() && d.db ? d.db->path().parent_path() : d.dataDir;
    t.exportDir = d.exportDir.empty() ? t.dataDir / "exports" : d.exportDir;
    t.agency = d.agency;
    t.idleLogoutMs = d.trainerIdleMs;
    t.sync = d.sync;
    t.verifyPin = d.verifyPin;
    return t;
}
} // namespace

namespace {
ControllerDeps withLibrary(ControllerDeps d, std::unique_ptr<quiz::QuizLibrary>& own) {
    if (!d.library) {
        own = std::make_unique<quiz::QuizLibrary>([](const std::string& line) { logLine(line); });
        if (d.quizzes)
            for (const auto& q : *d.quizzes)
                own->addBundled(q);
        d.library = own.get();
    }
    return d;
}
} // namespace

Controller::Controller(ControllerDeps deps)
    : deps_(withLibrary(std::move(deps), ownLibrary_)), idle_(deps_.idle),
      trainer_(trainerDeps(deps_)), cues_(deps_.audio, deps_.soundCheckMusic) {
    person_.locale = deps_.defaultLocale;
    idle_.activity(now());
    if (deps_.sync)
        catalogGenerationSeen_ = deps_.sync->status().catalogGeneration;
}

// The sync worker committed new catalogue versions (its own connection, its own thread): read
// the rows here, on the UI thread between frames, and append them to the library. A person
// mid-attempt keeps the Quiz their attempt points to (the library never frees one); the next
// new attempt and the choice screen see the newest version.
void Controller::addInstalledCatalogue() {
    if (!deps_.sync || !deps_.db)
        return;
    const auto generation = deps_.sync->status().catalogGeneration;
    if (generation == catalogGenerationSeen_)
        return;
    catalogGenerationSeen_ = generation;
    try {
        const auto added = deps_.library->addCatalog(store::catalogPackages(*deps_.db));
        logLine(std::to_string(added) + " new quiz version(s) from the catalogue ready");
        if (added > 0)
            trainer_.storeChanged(); // titles and versions on an open trainer page
    } catch (const std::exception& e) {
        logLine(std::string("catalogue not read: ") +
                e.what()); // the versions already loaded keep running
    }
}

// ---------------------------------------------------------------------------------------------
// Applying intents: one function per part of the journey, tried in order.
// ---------------------------------------------------------------------------------------------
void Controller::apply(const ui::Intent& in) {
    if (!applyArrival(in) && !applyQuestions(in))
        applyLeaving(in);
}

bool Controller::applyArrival(const ui::Intent& in) {
    namespace I = ui::intent;
    return std::visit(
        [this](const auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, I::Start>)
                go(Screen::Language);
            else if constexpr (std::is_same_v<T, I::OpenResume>) {
                person_.entry = {};
                person_.codeMessageKey.clear();
                go(Screen::Resume);
            } else if constexpr (std::is_same_v<T, I::ChooseLanguage>) {
                person_.locale = i.locale;
                go(deps_.soundCheck && sound() ? Screen::SoundCheck : Screen::Consent);
            } else if constexpr (std::is_same_v<T, I::SoundCheckAnswer>)
                answerSoundCheck(i.heard);
            else if constexpr (std::is_same_v<T, I::SoundCheckReplay>)
                cues_.replaySoundCheck();
            else if constexpr (std::is_same_v<T, I::AcceptConsent>) {
                person_.consentAtMs = deps_.clock->epochMs();
                person_.entry = {};
                person_.codeMessageKey.clear();
                go(Screen::Code);
            } else if constexpr (std::is_same_v<T, I::DeclineConsent>)
                resetToWelcome();
            else if constexpr (std::is_same_v<T, I::SubmitCode>)
                submitCode(i.code);
            else if constexpr (std::is_same_v<T, I::NoCode>)
                newCode();
            else if constexpr (std::is_same_v<T, I::ChooseQuiz>)
                startQuiz(i.quizId);
            else if constexpr (std::is_same_v<T, I::ResumeCode>)
                resumeByCode(i.code);
            else
                return false;
            return true;
        },
        in);
}

bool Controller::applyQuestions(const ui::Intent& in) {
    namespace I = ui::intent;
    return std::visit(
        [this](const auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, I::Answer>)
                answer(i.answer);
            else if constexpr (std::is_same_v<T, I::DontKnow>)
                dontKnow();
            else if constexpr (std::is_same_v<T, I::Item>)
                onItemIntent(i.action);
            else if constexpr (std::is_same_v<T, I::ReadAloud>)
                cues_.readAloud(i.text, screen_ == Screen::Item ? attempt() : nullptr,
                                person_.locale);
            else if constexpr (std::is_same_v<T, I::Pause>) {
                saveAndPause();
                if (screen_ != Screen::Error)
                    go(Screen::Pause);
            } else if constexpr (std::is_same_v<T, I::ContinueAfterPause>) {
                if (person_.attempt && person_.attempt->state() == engine::AttemptState::Paused) {
                    person_.attempt->resume();
                    try {
                        deps_.db->resumeAttempt(person_.attempt->options().attemptUuid);
                    } catch (const std::exception& e) {
                        logLine(std::string("resume not recorded: ") + e.what());
                    }
                }
                if (person_.attempt)
                    showItem();
                else
                    go(Screen::Welcome);
            } else if constexpr (std::is_same_v<T, I::SoundNeededContinue>) {
                if (screen_ == Screen::SoundNeeded && person_.attempt) {
                    person_.soundNeededSeen = true;
                    passSoundItems();
                }
            } else if constexpr (std::is_same_v<T, I::StopForToday>) {
                saveAndPause();
                person_.codeGenerated = true; // they will need it to come back: show it big
                go(Screen::Goodbye);
            } else if constexpr (std::is_same_v<T, I::StillHere>) {
                idle_.activity(now());
                go(beforeQuestion_);
            } else
                return false;
            return true;
        },
        in);
}

void Controller::applyLeaving(const ui::Intent& in) {
    namespace I = ui::intent;
    std::visit(
        [this](const auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, I::FinishResult>)
                go(Screen::Goodbye);
            else if constexpr (std::is_same_v<T, I::GoodbyeDone> || std::is_same_v<T, I::ErrorHome>)
                resetToWelcome();
            else if constexpr (std::is_same_v<T, I::Back>)
                back();
            else if constexpr (std::is_same_v<T, I::ErrorRetry>)
                retryAfterError();
            else if constexpr (std::is_same_v<T, I::Trainer>) {
                // Only from welcome (no person on screen) or inside the trainer area.
                if (std::holds_alternative<ui::trainer::OpenLogin>(i.action)) {
                    if (screen_ != Screen::Welcome)
                        return;
                    trainer_.open();
                    go(Screen::Trainer);
                } else if (screen_ == Screen::Trainer && trainer_.apply(i.action)) {
                    resetToWelcome();
                }
            }
        },
        in);
}

void Controller::back() {
    switch (screen_) {
    case Screen::Language:
    case Screen::Resume:
        resetToWelcome();
        break;
    case Screen::Code:
        go(Screen::Consent);
        break;
    case Screen::QuizChoice:
        go(Screen::Code);
        break;
    default:
        break;
    }
}

void Controller::retryAfterError() {
    if (person_.unsaved) {
        auto r = *person_.unsaved;
        person_.unsaved.reset();
        go(Screen::Item);
        persist(std::move(r));
        if (screen_ != Screen::Error)
            afterResponse();
    } else
        go(person_.attempt && !person_.attempt->finished() ? Screen::Item : Screen::Welcome);
}

void Controller::onItemIntent(const ui::items::ItemIntent& i) {
    if (const auto* a = std::get_if<ui::items::SubmitAnswer>(&i))
        answer(a->answer);
    else
        cues_.itemAction(i, person_.attempt ? &*person_.attempt : nullptr, person_.locale);
}

void Controller::go(Screen s) {
    screen_ = s;
    ++shownSerial_; // also when the next item replaces this one on the item screen
    syncAudio();
}

void Controller::showError(const std::string& key, bool canRetry) {
    error_ = ui::ErrorView{key, canRetry};
    go(Screen::Error);
}

void Controller::submitCode(const std::string& typed) {
    const auto code = store::normalizeBeneficiaryCode(typed);
    if (!code) {
        person_.codeMessageKey = "code.unknown";
        return;
    }
    try {
        deps_.db->registerBeneficiary(*code, std::nullopt, person_.consentAtMs);
        person_.code = *code;
        person_.codeMessageKey.clear();
        person_.assignedQuizId = assignedQuiz(*deps_.db, *code); // the trainer area's assignment
        // The same code resumes a paused diagnostic where it stopped.
        if (deps_.db->findResumableAttempt(*code)) {
            resumeByCode(*code);
            return;
        }
    } catch (const std::exception& e) {
        logLine(std::string("cannot register code: ") + e.what());
        showError(store::errorMessageKey(e, "error.save"), false);
        return;
    }
    go(Screen::QuizChoice);
}

void Controller::newCode() {
    try {
        const auto b = deps_.db->registerNewBeneficiary(std::nullopt, person_.consentAtMs);
        person_.code = b.code;
        person_.codeGenerated = true;
        go(Screen::QuizChoice);
    } catch (const std::exception& e) {
        logLine(std::string("cannot create a code: ") + e.what());
        showError(store::errorMessageKey(e, "error.save"), false);
    }
}

void Controller::startQuiz(const std::string& quizId) {
    const quiz::Quiz* q = deps_.library->newest(quizId); // a new attempt: the newest version
    if (!q) {
        showError("error.package", false);
        return;
    }
    try {
        std::uint64_t seed = deps_.seed;
        if (seed == 0)
            seed =
                std::random_device{}() | (static_cast<std::uint64_t>(std::random_device{}()) << 32);
        store::NewAttempt na;
        na.code = person_.code;
        na.quizId = q->id;
        na.quizVersion = q->version;
        na.quizHash = q->contentHash;
        na.kioskId = deps_.kioskId;
        na.seed = static_cast<std::int64_t>(seed & 0x7FFFFFFFFFFFFFFFull);
        na.locale = person_.locale;
        const auto rec = deps_.db->startAttempt(na);
        engine::AttemptOptions opts;
        opts.attemptUuid = rec.uuid;
        opts.seed = static_cast<std::uint64_t>(rec.seed);
        opts.nowMs = [clock = deps_.clock] {
            return clock->epochMs();
        };
        person_.attempt.emplace(*q, opts);
        person_.quiz = q;
        person_.item = {};
        if (person_.attempt->finished())
            finishAndShowResult();
        else
            showItem();
    } catch (const std::exception& e) {
        logLine(std::string("cannot start ") + quizId + ": " + e.what());
        person_.attempt.reset();
        showError(store::errorMessageKey(e, "error.start"), false);
    }
}

void Controller::resumeByCode(const std::string& typed) {
    const auto code = store::normalizeBeneficiaryCode(typed);
    if (!code) {
        person_.codeMessageKey = "code.unknown";
        return;
    }
    try {
        const auto rec = deps_.db->findResumableAttempt(*code);
        if (!rec) {
            person_.codeMessageKey = "resume.not_found";
            return;
        }
        // The exact version it started with (id, version, content hash), so the person finishes
        // the test they began. Only when that version is gone from this kiosk (a bundled package
        // replaced on disk, a catalogue folder deleted) does it go on with the newest one: the
        // stored answers are replayed on it, nothing stored is lost, and the attempt record keeps
        // saying which version it started on.
        const quiz::Quiz* q = deps_.library->exact(rec->quizId, rec->quizVersion, rec->quizHash);
        if (!q) {
            q = deps_.library->newest(rec->quizId);
            if (q)
                logLine("resuming " + rec->uuid + ": " + rec->quizId + " " + rec->quizVersion +
                        " is no longer on this kiosk; going on with " + q->version +
                        ", answers replayed");
        }
        if (!q) {
            showError("error.package", false);
            return;
        }
        engine::AttemptOptions opts;
        opts.attemptUuid = rec->uuid;
        opts.seed = static_cast<std::uint64_t>(rec->seed);
        opts.nowMs = [clock = deps_.clock] {
            return clock->epochMs();
        };
        person_.attempt.emplace(
            engine::Attempt::rebuild(*q, opts, deps_.db->responsesOf(rec->uuid)));
        person_.quiz = q;
        person_.code = *code;
        person_.locale = rec->locale;
        person_.item = {};
        person_.codeMessageKey.clear();
        if (rec->status == store::AttemptStatus::Paused)
            deps_.db->resumeAttempt(rec->uuid);
        if (person_.attempt->finished())
            finishAndShowResult();
        else
            showItem();
    } catch (const std::exception& e) {
        logLine(std::string("cannot resume: ") + e.what());
        person_.attempt.reset();
        showError(store::errorMessageKey(e, "error.start"), false);
    }
}

void Controller::answer(const nlohmann::json& a) {
    // Only the item screen answers (not "Cette partie demande du son", which hides one).
    if (!person_.attempt || !person_.attempt->current() || screen_ == Screen::SoundNeeded)
        return;
    // Nothing could be heard or recorded: not a wrong answer, the trainer sees why.
    if (stimulusUnheard() || recordingUnavailable()) {
        storeUnavailable();
        return;
    }
    nlohmann::json given = a;
    if (person_.attempt->current()->item->type == quiz::ItemType::Speak) {
        // Only the audio service knows the take: it writes it under <data>/rec/ now.
        const auto saved = sound()->saveRecording();
        if (!saved.ok()) {
            logLine("recording not saved: " + saved.error);
            showError("error.save", true); // "Réessayer" brings the item back to record again
            return;
        }
        given = saved.answer;
    }
    try {
        const auto ms = now() - person_.item.shownAtMs;
        persist(person_.attempt->answer(given, std::max<std::int64_t>(0, ms)));
    } catch (const std::exception& e) {
        // A malformed answer from a renderer: logged, the person stays on the item.
        logLine(std::string("answer refused: ") + e.what());
        return;
    }
    if (screen_ != Screen::Error)
        afterResponse();
}

void Controller::dontKnow() {
    if (!person_.attempt || !person_.attempt->current() || screen_ == Screen::SoundNeeded)
        return;
    try {
        const auto ms = now() - person_.item.shownAtMs;
        const auto* item = person_.attempt->current()->item;
        const bool couldNotHear = stimulusUnheard() || recordingUnavailable();
        persist(item->dontKnow && !couldNotHear ? person_.attempt->dontKnow(ms)
                                                : person_.attempt->unavailable(ms));
    } catch (const std::exception& e) {
        logLine(std::string("don't know refused: ") + e.what());
        return;
    }
    if (screen_ != Screen::Error)
        afterResponse();
}

void Controller::persist(engine::Response r) {
    try {
        deps_.db->storeResponse(r);
    } catch (const std::exception& e) {
        logLine(std::string("answer not saved: ") + e.what());
        person_.unsaved = std::move(r);
        // A full disk has its own sentence; other refusals (busy...) the calm "try again".
        showError(store::errorMessageKey(e, "error.save"), true);
    }
}

void Controller::afterResponse() {
    person_.item = {};
    if (!person_.attempt)
        return;
    if (person_.attempt->finished())
        finishAndShowResult();
    else
        showItem();
}

void Controller::finishAndShowResult() {
    auto& at = *person_.attempt;
    at.finish();
    const auto res = at.results();
    try {
        deps_.db->finishAttempt(at.options().attemptUuid,
                                engine::toJson(engine::attemptResult(at)));
    } catch (const std::exception& e) {
        logLine(std::string("result not saved: ") + e.what());
    }
    // The same presentation as the bilan's (report/result_presenter): one place decides what
    // "Ce que vous savez déjà bien faire" lists.
    person_.result = resultView(report::presentResult(at.quiz(), res, person_.locale));
    go(Screen::Result);
}

// ---------------------------------------------------------------------------------------------
// Inactivity and privacy
// ---------------------------------------------------------------------------------------------
void Controller::noteActivity() {
    idle_.activity(now());
    if (screen_ == Screen::Trainer)
        trainer_.activity();
}

std::int64_t Controller::msUntilNextTimer() const {
    if (screen_ == Screen::Trainer)
        return trainer_.msUntilLogout();
    return idle_.msUntilNext(now(), screen_ != Screen::Welcome);
}

void Controller::tick() {
    addInstalledCatalogue();
    if (screen_ == Screen::Trainer) {
        // The trainer area has its own rule: log out after 2 minutes without a touch.
        if (trainer_.tick())
            resetToWelcome();
        return;
    }
    const auto ev = idle_.poll(now(), screen_ != Screen::Welcome);
    if (ev == Inactivity::Event::Ask) {
        if (screen_ == Screen::Goodbye) {
            resetToWelcome(); // they already left: nothing to ask
            return;
        }
        beforeQuestion_ = screen_ == Screen::StillHere ? beforeQuestion_ : screen_;
        go(Screen::StillHere);
    } else if (ev == Inactivity::Event::Reset) {
        resetToWelcome();
    }
}

void Controller::saveAndPause() {
    if (!person_.attempt || person_.attempt->finished())
        return;
    if (person_.attempt->state() == engine::AttemptState::Running)
        person_.attempt->pause();
    try {
        deps_.db->pauseAttempt(person_.attempt->options().attemptUuid);
    } catch (const std::exception& e) {
        logLine(std::string("pause not saved: ") + e.what());
    }
}

void Controller::resetToWelcome() {
    saveAndPause();
    person_ = Person{}; // nothing of this person survives
    person_.locale = deps_.defaultLocale;
    error_ = ui::ErrorView{};
    beforeQuestion_ = Screen::Welcome;
    idle_.activity(now());
    go(Screen::Welcome); // stops every sound of the previous person
}

} // namespace repere::app
