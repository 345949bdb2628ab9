#include "app/controller.hpp"

#include "audio/quiz_audio.hpp"
#include "i18n/strings.hpp"
#include "store/beneficiary_code.hpp"
#include "store/catalog_packages.hpp"
#include "store/errors.hpp"
#include "ui/items/item_view.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <random>

namespace repere::app {
namespace {

void logLine(const std::string& what) {
    std::fprintf(stderr, "repere-kiosk: %s\n", what.c_str());
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

ui::QuizKind kindOf(const quiz::Quiz& q) {
    const std::string key = lower(q.id + " " + q.title.get("fr"));
    if (key.find("numerique") != std::string::npos || key.find("numérique") != std::string::npos ||
        key.find("digital") != std::string::npos)
        return ui::QuizKind::Digital;
    if (key.find("francais") != std::string::npos || key.find("français") != std::string::npos ||
        key.find("french") != std::string::npos || key.find("langue") != std::string::npos)
        return ui::QuizKind::French;
    return ui::QuizKind::Other;
}

nlohmann::json resultJson(const engine::Results& r) {
    nlohmann::json skills = nlohmann::json::array();
    for (const auto& s : r.skills) {
        skills.push_back({{"skill", s.skillId},
                          {"levelId", s.levelId},
                          {"level", s.level ? nlohmann::json(*s.level) : nlohmann::json()},
                          {"theta", s.theta},
                          {"se", s.se},
                          {"score", s.score},
                          {"maxScore", s.maxScore},
                          {"percent", s.percent},
                          {"items", s.itemsUsed},
                          {"dontKnow", s.dontKnow},
                          {"pendingManual", s.pendingManual},
                          {"skipped", s.skipped}});
    }
    // "levels" (skill -> level id) is what the store's CSV export reads.
    nlohmann::json levels = nlohmann::json::object();
    for (const auto& s : r.skills)
        if (!s.levelId.empty())
            levels[s.skillId] = s.levelId;
    return {{"skills", skills},
            {"levels", levels},
            {"score", r.score},
            {"maxScore", r.maxScore},
            {"pendingManual", r.pendingManual}};
}

} // namespace

const char* toString(Screen s) {
    switch (s) {
    case Screen::Welcome:
        return "welcome";
    case Screen::Language:
        return "language";
    case Screen::SoundCheck:
        return "sound-check";
    case Screen::Consent:
        return "consent";
    case Screen::Code:
        return "code";
    case Screen::QuizChoice:
        return "quiz-choice";
    case Screen::Item:
        return "item";
    case Screen::Pause:
        return "pause";
    case Screen::StillHere:
        return "still-here";
    case Screen::Resume:
        return "resume";
    case Screen::Result:
        return "result";
    case Screen::Goodbye:
        return "goodbye";
    case Screen::Error:
        return "error";
    case Screen::Trainer:
        return "trainer";
    }
    return "?";
}

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
      trainer_(trainerDeps(deps_)) {
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
// Drawing: build the read-only view of the current screen and hand it to the screen function.
// ---------------------------------------------------------------------------------------------
ui::Intent Controller::draw(ui::UiContext& ctx) {
    ctx.locale = person_.locale;
    ctx.soundOff = soundUnavailable() && screen_ != Screen::Trainer;
    ui::Intent out = drawScreen(ctx);
    if (soundUnavailable() && screen_ != Screen::Trainer)
        ui::drawSoundNotice(ctx); // trainers have their own panel
    // Kiosk screens read their own text aloud when they open (the auto-play setting): the text
    // is what their speaker button reads, known once the screen has been drawn.
    if (screenSpeechPending_ && deps_.audio && ctx.recorder) {
        screenSpeechPending_ = false;
        const auto& t = ctx.recorder->readAloudText();
        if (deps_.audio->settings().autoPlayInstructions && !t.empty())
            deps_.audio->readAloud({t, person_.locale, {}});
    }
    return out;
}

ui::Intent Controller::drawScreen(ui::UiContext& ctx) {
    switch (screen_) {
    case Screen::Welcome: {
        auto out = ui::drawWelcome({}, ctx);
        if (auto corner = ui::drawTrainerCorner(ctx); !ui::isNone(corner))
            out = corner;
        return out;
    }
    case Screen::Trainer:
        return trainer_.draw(ctx);
    case Screen::Language:
        return ui::drawLanguage({i18n::uiLocales(), person_.locale}, ctx);
    case Screen::SoundCheck: {
        ui::SoundCheckView v;
        v.playing = deps_.audio && deps_.audio->isPlaying();
        v.unavailable = soundUnavailable();
        return ui::drawSoundCheck(v, ctx);
    }
    case Screen::Consent:
        return ui::drawConsent({}, ctx);
    case Screen::Code:
    case Screen::Resume: {
        ui::CodeView v;
        v.purpose = screen_ == Screen::Code ? ui::CodePurpose::Start : ui::CodePurpose::Resume;
        v.messageKey = person_.codeMessageKey;
        v.codeLength = store::kCodeLength;
        v.alphabet = std::string(store::kCodeAlphabet);
        return ui::drawCode(v, person_.entry, ctx);
    }
    case Screen::QuizChoice:
        return ui::drawQuizChoice(quizChoiceView(), ctx);
    case Screen::Item: {
        const auto v = itemView();
        return ui::drawItemScreen(v, person_.item, ctx);
    }
    case Screen::Pause:
        return ui::drawPause({store::formatBeneficiaryCode(person_.code)}, ctx);
    case Screen::StillHere:
        return ui::drawStillHere({idle_.secondsLeft(now())}, ctx);
    case Screen::Result:
        return ui::drawResult(person_.result, ctx);
    case Screen::Goodbye:
        return ui::drawGoodbye(
            {person_.codeGenerated ? store::formatBeneficiaryCode(person_.code) : std::string()},
            ctx);
    case Screen::Error:
        return ui::drawError(error_, ctx);
    }
    return {};
}

ui::QuizChoiceView Controller::quizChoiceView() const {
    ui::QuizChoiceView v;
    for (const auto* qp : deps_.library->newestPerId()) {
        const auto& q = *qp;
        // Author packages (every item type) are not a diagnostic: only when a trainer assigns one.
        if (q.forAuthors && q.id != person_.assignedQuizId)
            continue;
        v.cards.push_back({q.id, q.title.get(person_.locale, q.defaultLocale),
                           q.description.get(person_.locale, q.defaultLocale), kindOf(q)});
    }
    std::stable_sort(
        v.cards.begin(), v.cards.end(), [](const ui::QuizCard& a, const ui::QuizCard& b) {
            return static_cast<int>(a.kind) < static_cast<int>(b.kind); // Numérique, then Français
        });
    for (const auto& c : v.cards)
        if (!person_.assignedQuizId.empty() && c.quizId == person_.assignedQuizId)
            v.assigned = c;
    return v;
}

ui::ItemScreenView Controller::itemView() const {
    ui::ItemScreenView v;
    if (!person_.attempt)
        return v;
    const auto cur = person_.attempt->current();
    if (!cur)
        return v;
    const auto& quiz = person_.attempt->quiz();
    v.item.quiz = &quiz;
    v.item.item = cur->item;
    v.item.locale = person_.locale;
    v.item.stimulusPlays = cur->playsUsed;
    using RS = ui::items::RecordingStatus::State;
    if (deps_.audio) {
        const auto rec = deps_.audio->recording();
        auto& r = v.item.recording;
        r.state = static_cast<RS>(static_cast<int>(rec.state)); // same order (tested)
        r.countdown = rec.countdown;
        r.elapsedS = rec.elapsedS;
        r.secondsLeft = rec.secondsLeft;
        r.level = rec.level;
        r.canReRecord = rec.canReRecord;
        r.canListenBack = rec.canListenBack;
        r.unavailable = rec.unavailable;
        const auto st = deps_.audio->stimulus();
        v.item.stimulusPlaying = st.playing;
    } else {
        v.item.recording.unavailable = true;
    }
    v.item.stimulusUnavailable = stimulusUnheard();
    v.soundUnavailable = soundUnavailable();
    v.instruction = cur->item->instruction.get(person_.locale, quiz.defaultLocale);
    v.progress = static_cast<float>(person_.attempt->progress().fraction());
    // Without sound the way on must stay open: "Je ne sais pas" then stores "unavailable".
    v.allowDontKnow =
        cur->item->dontKnow || v.item.stimulusUnavailable || v.item.recording.unavailable;
    v.practice = cur->item->practice;
    return v;
}

// ---------------------------------------------------------------------------------------------
// Applying intents
// ---------------------------------------------------------------------------------------------
void Controller::apply(const ui::Intent& in) {
    namespace I = ui::intent;
    std::visit(
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
                go(deps_.soundCheck && deps_.audio ? Screen::SoundCheck : Screen::Consent);
            } else if constexpr (std::is_same_v<T, I::SoundCheckAnswer>)
                answerSoundCheck(i.heard);
            else if constexpr (std::is_same_v<T, I::SoundCheckReplay>) {
                if (deps_.audio)
                    deps_.audio->playAsset(deps_.soundCheckMusic);
            } else if constexpr (std::is_same_v<T, I::AcceptConsent>) {
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
            else if constexpr (std::is_same_v<T, I::Answer>)
                answer(i.answer);
            else if constexpr (std::is_same_v<T, I::DontKnow>)
                dontKnow();
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
                go(person_.attempt ? Screen::Item : Screen::Welcome);
            } else if constexpr (std::is_same_v<T, I::StopForToday>) {
                saveAndPause();
                person_.codeGenerated = true; // they will need it to come back: show it big
                go(Screen::Goodbye);
            } else if constexpr (std::is_same_v<T, I::StillHere>) {
                idle_.activity(now());
                go(beforeQuestion_);
            } else if constexpr (std::is_same_v<T, I::ResumeCode>)
                resumeByCode(i.code);
            else if constexpr (std::is_same_v<T, I::FinishResult>)
                go(Screen::Goodbye);
            else if constexpr (std::is_same_v<T, I::GoodbyeDone>)
                resetToWelcome();
            else if constexpr (std::is_same_v<T, I::Back>) {
                switch (screen_) {
                case Screen::Language:
                    resetToWelcome();
                    break;
                case Screen::Code:
                    go(Screen::Consent);
                    break;
                case Screen::Resume:
                    resetToWelcome();
                    break;
                case Screen::QuizChoice:
                    go(Screen::Code);
                    break;
                default:
                    break;
                }
            } else if constexpr (std::is_same_v<T, I::ReadAloud>)
                readAloud(i.text);
            else if constexpr (std::is_same_v<T, I::Item>)
                onItemIntent(i.action);
            else if constexpr (std::is_same_v<T, I::ErrorRetry>) {
                if (person_.unsaved) {
                    auto r = *person_.unsaved;
                    person_.unsaved.reset();
                    go(Screen::Item);
                    persist(std::move(r));
                    if (screen_ != Screen::Error)
                        afterResponse();
                } else
                    go(person_.attempt && !person_.attempt->finished() ? Screen::Item
                                                                       : Screen::Welcome);
            } else if constexpr (std::is_same_v<T, I::ErrorHome>)
                resetToWelcome();
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

void Controller::go(Screen s) {
    screen_ = s;
    ++shownSerial_; // also when the next item replaces this one on the item screen
    syncAudio();
}

void Controller::setAudio(audio::AudioService* a) {
    deps_.audio = a;
    trainer_.setAudio(a); // trainers listen to recorded answers through the same service
    audioSerial_ = ~0ull;
    syncAudio();
}

void Controller::syncAudio() {
    if (!deps_.audio || audioSerial_ == shownSerial_)
        return;
    audioSerial_ = shownSerial_;
    auto& a = *deps_.audio;
    if (screen_ == Screen::Item && person_.attempt) {
        if (const auto cur = person_.attempt->current()) {
            const auto& q = person_.attempt->quiz();
            const auto& it = *cur->item;
            a.onScreenShown(audio::instructionReadAloud(q, it, person_.locale));
            // maxPlays is enforced by the engine (its count survives the "toujours là ?"
            // question); the service only plays and reports whether it was heard.
            if (!it.stimulus.audio.empty())
                a.beginStimulus(audio::stimulusFile(q, it), it.stimulus.maxPlays);
            if (it.type == quiz::ItemType::Speak)
                a.beginRecording(it.maxDurationS);
            prepareNextInstruction();
            return;
        }
    }
    a.onScreenChanged();
    if (screen_ == Screen::SoundCheck) {
        a.startSoundCheck(deps_.soundCheckMusic); // the music, not words, opens this screen
        return;
    }
    // Beneficiary screens read themselves; the trainer area stays quiet unless asked.
    screenSpeechPending_ = screen_ != Screen::Trainer;
}

void Controller::answerSoundCheck(bool heard) {
    if (!deps_.audio) {
        go(Screen::Consent);
        return;
    }
    deps_.audio->answerSoundCheck(heard);
    // A first "Non" plays the music again and asks again; otherwise on to consent (after a
    // second "Non" the service is unavailable: listening items are stored as such).
    if (deps_.audio->soundCheck() != audio::SoundCheckState::Asking)
        go(Screen::Consent);
}

// The next item's instruction is synthesised into the cache while the person works on this one,
// so it starts at once. The engine does not say which item comes next (adaptive sections pick
// it after the answer): the next item of the package in order is the right guess in linear
// sections and a harmless cache entry otherwise.
void Controller::prepareNextInstruction() {
    const auto cur = person_.attempt->current();
    const auto& q = person_.attempt->quiz();
    bool found = false;
    for (const auto& sec : q.sections) {
        for (const auto& it : sec.items) {
            if (found) {
                deps_.audio->prepare(audio::instructionReadAloud(q, it, person_.locale));
                return;
            }
            found = &it == cur->item;
        }
    }
}

bool Controller::soundUnavailable() const {
    return !deps_.audio || deps_.audio->unavailable();
}

bool Controller::stimulusUnheard() const {
    if (!person_.attempt || !person_.attempt->current())
        return false;
    if (person_.attempt->current()->item->stimulus.audio.empty())
        return false;
    if (!deps_.audio)
        return true;
    const auto st = deps_.audio->stimulus();
    return st.unavailable && !st.heard;
}

bool Controller::recordingUnavailable() const {
    if (!person_.attempt || !person_.attempt->current())
        return false;
    if (person_.attempt->current()->item->type != quiz::ItemType::Speak)
        return false;
    return !deps_.audio || deps_.audio->recording().unavailable;
}

bool Controller::animating() const {
    if (!deps_.audio)
        return false;
    const auto r = deps_.audio->recording().state;
    return r == audio::RecorderState::Countdown || r == audio::RecorderState::Recording ||
           deps_.audio->isPlaying();
}

void Controller::storeUnavailable() {
    try {
        const auto ms = now() - person_.item.shownAtMs;
        persist(person_.attempt->unavailable(std::max<std::int64_t>(0, ms)));
    } catch (const std::exception& e) {
        logLine(std::string("unavailable refused: ") + e.what());
        return;
    }
    if (screen_ != Screen::Error)
        afterResponse();
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
        showError("error.save", false);
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
        showError("error.save", false);
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
            go(Screen::Item);
    } catch (const std::exception& e) {
        logLine(std::string("cannot start ") + quizId + ": " + e.what());
        person_.attempt.reset();
        showError("error.start", false);
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
            go(Screen::Item);
    } catch (const std::exception& e) {
        logLine(std::string("cannot resume: ") + e.what());
        person_.attempt.reset();
        showError("error.start", false);
    }
}

void Controller::answer(const nlohmann::json& a) {
    if (!person_.attempt || !person_.attempt->current())
        return;
    // Nothing could be heard or recorded: not a wrong answer, the trainer sees why.
    if (stimulusUnheard() || recordingUnavailable()) {
        storeUnavailable();
        return;
    }
    nlohmann::json given = a;
    if (person_.attempt->current()->item->type == quiz::ItemType::Speak) {
        // Only the audio service knows the take: it writes it under <data>/rec/ now.
        const auto saved = deps_.audio->saveRecording();
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
    if (!person_.attempt || !person_.attempt->current())
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
        showError("error.save", true);
    }
}

void Controller::afterResponse() {
    person_.item = {};
    if (!person_.attempt)
        return;
    if (person_.attempt->finished())
        finishAndShowResult();
    else
        go(Screen::Item);
}

void Controller::finishAndShowResult() {
    auto& at = *person_.attempt;
    at.finish();
    const auto res = at.results();
    try {
        deps_.db->finishAttempt(at.options().attemptUuid, resultJson(res));
    } catch (const std::exception& e) {
        logLine(std::string("result not saved: ") + e.what());
    }
    const auto& q = at.quiz();
    const auto& fw = q.framework;
    std::vector<ui::SkillResult> all;
    for (const auto& s : res.skills) {
        if (!s.level)
            continue;
        const quiz::Skill* sk = fw.findSkill(s.skillId);
        ui::SkillResult r;
        r.title = sk ? sk->title.get(person_.locale, q.defaultLocale) : s.skillId;
        r.step = static_cast<int>(*s.level);
        r.steps = static_cast<int>(fw.levels.size());
        if (*s.level < fw.levels.size()) {
            r.levelTitle = fw.levels[*s.level].title.get(person_.locale, q.defaultLocale);
            r.canDo = fw.canDoFor(s.skillId, *s.level)
                          .get(person_.locale, q.defaultLocale); // this skill's words
        }
        all.push_back(std::move(r));
    }
    // Strengths first: the highest steps; the other half is "what you can still learn".
    std::stable_sort(all.begin(), all.end(),
                     [](const ui::SkillResult& a, const ui::SkillResult& b) {
                         return a.step * b.steps > b.step * a.steps;
                     });
    ui::ResultView v;
    const std::size_t nStrong = (all.size() + 1) / 2;
    for (std::size_t i = 0; i < all.size(); ++i)
        (i < nStrong ? v.strengths : v.toWork).push_back(all[i]);
    for (const auto* m : res.messages) {
        if (!v.message.empty())
            v.message += " ";
        v.message += m->text.get(person_.locale, q.defaultLocale);
    }
    v.pendingManual = res.pendingManual > 0;
    person_.result = std::move(v);
    go(Screen::Result);
}

void Controller::onItemIntent(const ui::items::ItemIntent& i) {
    namespace It = ui::items;
    if (const auto* p = std::get_if<It::PlayAudio>(&i)) {
        if (!person_.attempt || !deps_.audio)
            return;
        const auto cur = person_.attempt->current();
        if (!cur)
            return;
        if (p->stimulus) {
            if (cur->playsLeft == 0)
                return; // maxPlays reached
            // Counted only when it really started: a play the device refused is not charged.
            if (deps_.audio->playStimulus())
                person_.attempt->play();
        } else {
            deps_.audio->playAsset(audio::assetFile(person_.attempt->quiz(), p->assetId));
        }
    } else if (const auto* s = std::get_if<It::SpeakText>(&i)) {
        if (deps_.audio)
            deps_.audio->readAloud({s->text, s->locale, {}});
    } else if (const auto* o = std::get_if<It::ReadOption>(&i)) {
        if (!deps_.audio || !person_.attempt || !person_.attempt->current())
            return;
        // The view shows no speaker then; a stray intent must not read a reading item's answer.
        if (person_.attempt->current()->item->readAloud == quiz::ReadAloud::InstructionOnly)
            return;
        for (const auto& opt : person_.attempt->current()->item->options)
            if (opt.id == o->optionId)
                deps_.audio->readAloud(
                    audio::optionReadAloud(person_.attempt->quiz(), opt, person_.locale));
    } else if (const auto* a = std::get_if<It::SubmitAnswer>(&i)) {
        answer(a->answer);
    } else if (std::holds_alternative<It::StartRecording>(i)) {
        if (deps_.audio)
            deps_.audio->startRecording();
    } else if (std::holds_alternative<It::StopRecording>(i)) {
        if (deps_.audio)
            deps_.audio->stopRecording();
    } else if (std::holds_alternative<It::ListenBack>(i)) {
        if (deps_.audio)
            deps_.audio->listenBack();
    }
}

void Controller::readAloud(const std::string& text) {
    if (!deps_.audio)
        return;
    if (screen_ == Screen::Item && person_.attempt) {
        if (const auto cur = person_.attempt->current()) {
            // The package's recorded instruction when it has one, in the language it is in.
            deps_.audio->readAloud(
                audio::instructionReadAloud(person_.attempt->quiz(), *cur->item, person_.locale));
            return;
        }
    }
    deps_.audio->readAloud({text, person_.locale, {}});
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
    error_ = ui::ErrorView{};
    beforeQuestion_ = Screen::Welcome;
    idle_.activity(now());
    go(Screen::Welcome); // stops every sound of the previous person
}

} // namespace repere::app
