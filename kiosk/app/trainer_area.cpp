#include "app/trainer_area.hpp"

#include "audio/quiz_audio.hpp"
#include "bilan_pdf.hpp"
#include "engine/shown_order.hpp"
#include "i18n/strings.hpp"
#include "report/bilan_store.hpp"
#include "store/beneficiary_code.hpp"
#include "store/export.hpp"
#include "util/local_time.hpp"
#include "util/private_files.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

namespace repere::app {
namespace {

void logLine(const std::string& what) {
    std::fprintf(stderr, "repere-kiosk: trainer: %s\n", what.c_str());
}

const std::string& tr(std::string_view key) {
    return i18n::text(key, "fr");
}

const char* statusKey(store::AttemptStatus s) {
    switch (s) {
    case store::AttemptStatus::InProgress:
        return "trainer.status.in_progress";
    case store::AttemptStatus::Paused:
        return "trainer.status.paused";
    case store::AttemptStatus::Finished:
        return "trainer.status.finished";
    case store::AttemptStatus::Abandoned:
        return "trainer.status.abandoned";
    }
    return "trainer.status.in_progress";
}

const char* responseKey(engine::ResponseStatus s) {
    using S = engine::ResponseStatus;
    switch (s) {
    case S::Ok:
        return "trainer.rstatus.ok";
    case S::Partial:
        return "trainer.rstatus.partial";
    case S::Ko:
        return "trainer.rstatus.ko";
    case S::DontKnow:
        return "trainer.rstatus.dontknow";
    case S::PendingManual:
        return "trainer.rstatus.pending";
    case S::Unavailable:
        return "trainer.rstatus.unavailable";
    case S::Unscored:
        return "trainer.rstatus.unscored";
    }
    return "trainer.rstatus.unscored";
}

// A picture's words for a counsellor: the package's alt text ("un bus"), else "".
std::string altOf(const quiz::Quiz& quiz, const std::string& assetId) {
    const auto* a = assetId.empty() ? nullptr : quiz.findAsset(assetId);
    return a ? a->alt.get("fr") : std::string();
}

std::string optionText(const quiz::Quiz& quiz, const quiz::Item& item, const std::string& id) {
    for (const auto& o : item.options) {
        if (o.id != id)
            continue;
        if (!o.text.empty())
            return o.text;
        if (!o.label.empty())
            return o.label.get("fr");
        // A picture option: what it shows, so "Réponse" and "Attendu" read as words.
        if (const auto alt = altOf(quiz, o.image); !alt.empty())
            return "image : " + alt;
        return id + (o.image.empty() ? "" : " (image)") + (o.audio.empty() ? "" : " (son)");
    }
    return id;
}

std::string joinOptions(const quiz::Quiz& quiz, const quiz::Item& item, const nlohmann::json& ids) {
    std::string s;
    if (!ids.is_array())
        return s;
    for (const auto& id : ids) {
        if (!id.is_string())
            continue;
        if (!s.empty())
            s += ", ";
        s += "« " + optionText(quiz, item, id.get<std::string>()) + " »";
    }
    return s;
}

std::string packageFile(const quiz::Quiz& quiz, const std::string& assetId) {
    const auto* a = assetId.empty() ? nullptr : quiz.findAsset(assetId);
    return a ? (std::filesystem::path(quiz.packageDir) / a->path).string() : std::string();
}

// The pictures the person saw: the item's own picture, then the picture options, each marked
// chosen / expected. A missing file still gets its slot (the screen draws a placeholder).
std::vector<ui::TrainerShownImage> shownImages(const quiz::Quiz& quiz, const quiz::Item& item,
                                               const nlohmann::json& answer) {
    std::vector<ui::TrainerShownImage> out;
    std::vector<std::string> own;
    if (!item.image.empty())
        own.push_back(item.image);
    if (!item.stimulus.image.empty() && item.stimulus.image != item.image)
        own.push_back(item.stimulus.image);
    for (const auto& id : own) {
        const auto alt = altOf(quiz, id);
        out.push_back(
            {packageFile(quiz, id), alt.empty() ? tr("trainer.image.item") : alt, false, false});
    }
    std::set<std::string> chosen;
    if (answer.is_object() && answer.contains("selected") && answer["selected"].is_array())
        for (const auto& v : answer["selected"])
            if (v.is_string())
                chosen.insert(v.get<std::string>());
    for (const auto& o : item.options) {
        if (o.image.empty())
            continue;
        ui::TrainerShownImage img;
        img.path = packageFile(quiz, o.image);
        img.caption = o.text.empty() ? altOf(quiz, o.image) : o.text;
        img.chosen = chosen.count(o.id) > 0;
        img.expected =
            std::find(item.correct.begin(), item.correct.end(), o.id) != item.correct.end();
        out.push_back(std::move(img));
    }
    return out;
}

// What the person saw, in words a counsellor can read: the options in the order they were on
// screen (recorded with the answer for shuffled cards).
std::string shownText(const quiz::Quiz& quiz, const quiz::Item& item,
                      const nlohmann::json& answer) {
    std::string s = item.instruction.get("fr");
    if (!item.stimulus.text.empty())
        s += " — « " + item.stimulus.text + " »";
    if (const auto* a = quiz.findAsset(item.stimulus.audio); a && !a->transcript.empty())
        s += " — son : « " + a->transcript + " »";
    if (const auto* a = quiz.findAsset(item.stimulus.image); a && !a->alt.empty())
        s += " — image : " + a->alt.get("fr");
    if (!item.options.empty() &&
        (item.type == quiz::ItemType::Choice || item.type == quiz::ItemType::Order)) {
        std::string opts;
        for (const auto& id : engine::shownOptionOrder(item, answer))
            opts += (opts.empty() ? "" : ", ") + optionText(quiz, item, id);
        s += " — choix : " + opts;
    }
    return s;
}

std::string answeredText(const quiz::Quiz& quiz, const quiz::Item& item, const nlohmann::json& a) {
    if (a.is_null() || a.empty())
        return "—"; // an information screen, read and passed
    if (a.contains("selected"))
        return joinOptions(quiz, item, a["selected"]);
    if (a.contains("text") && a["text"].is_string())
        return "« " + a["text"].get<std::string>() + " »";
    if (a.contains("recording")) {
        const double d = std::round(a.value("durationS", 0.0) * 10.0) / 10.0;
        return "enregistrement de " + i18n::frenchNumber(d) + " s";
    }
    if (a.contains("order"))
        return joinOptions(quiz, item, a["order"]);
    if (a.contains("state") && a["state"].is_string())
        return a["state"].get<std::string>();
    return a.dump();
}

// "Numérique" / "Français" for the two diagnostics (as on the beneficiary's cards), else the title.
std::string shortTitle(const quiz::Quiz& q) {
    std::string key = q.id;
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (key.find("numerique") != std::string::npos || key.find("digital") != std::string::npos)
        return tr("quiz.digital");
    if (key.find("francais") != std::string::npos || key.find("french") != std::string::npos)
        return tr("quiz.french");
    // "Exemple : tous les types de questions" -> "Exemple": buttons side by side stay readable.
    std::string title = q.title.get("fr");
    if (const auto colon = title.find(" : "); colon != std::string::npos && colon > 0)
        title.resize(colon);
    return title;
}

std::string expectedText(const quiz::Quiz& quiz, const quiz::Item& item) {
    using T = quiz::ItemType;
    switch (item.type) {
    case T::Choice:
    case T::Order:
        return joinOptions(quiz, item, nlohmann::json(item.correct));
    case T::Gaps: {
        std::string s;
        for (const auto& g : item.gaps) {
            if (!s.empty())
                s += " ; ";
            std::string acc;
            for (const auto& a : g.accept)
                acc += (acc.empty() ? "" : " / ") +
                       (g.mode == quiz::GapMode::Typed ? a : optionText(quiz, item, a));
            s += g.id + " = " + acc;
        }
        return s;
    }
    case T::Form: {
        std::string s;
        for (const auto& f : item.fields)
            if (!f.accept.empty())
                s += (s.empty() ? "" : " ; ") + f.label + " = " + f.accept.front();
        return s;
    }
    case T::Match: {
        std::string s;
        for (const auto& [l, r] : item.pairs)
            s += (s.empty() ? "" : " ; ") + l + " → " + r;
        return s;
    }
    case T::Write:
    case T::Speak:
        // No right answer to show: the package's example of an answer at the item's level.
        return item.scoring.example.get("fr");
    default:
        return {};
    }
}

} // namespace

std::vector<std::string> nextStepChoices(const std::string& locale) {
    std::vector<std::string> out;
    for (const char* key : {"trainer.step.digital", "trainer.step.fle", "trainer.step.literacy",
                            "trainer.step.refresh", "trainer.step.job", "trainer.step.other"})
        out.push_back(i18n::text(key, locale));
    return out;
}

std::string assignedQuiz(store::Database& db, const std::string& code) {
    const auto a = db.assignmentOf(code);
    return a ? a->quizId : std::string();
}

TrainerArea::TrainerArea(TrainerDeps deps) : deps_(std::move(deps)) {
    lastActivityMs_ = now();
}

const std::string& TrainerArea::trainer() const {
    static const std::string none;
    return session_ ? session_->name : none;
}

void TrainerArea::open() {
    session_.reset();
    state_ = State{};
    page_ = Page::Login;
    lastActivityMs_ = now();
}

void TrainerArea::activity() {
    lastActivityMs_ = now();
}

void TrainerArea::storeChanged() {
    state_.homeShown.reset();
    state_.beneficiaryShown.reset();
    state_.offlineSyncShown.reset();
}

std::int64_t TrainerArea::msUntilLogout() const {
    const auto left = lastActivityMs_ + deps_.idleLogoutMs - now();
    return std::max<std::int64_t>(0, left);
}

bool TrainerArea::tick() {
    if (pending_) {
        finishLogin();
        return false; // no idle log-out in the middle of a check
    }
    if (now() - lastActivityMs_ < deps_.idleLogoutMs)
        return false;
    logout("idle");
    return true;
}

void TrainerArea::logout(const char* why) {
    if (session_) {
        try {
            deps_.db->audit(session_->name, "logout", why);
        } catch (const std::exception& e) {
            logLine(std::string("logout not audited: ") + e.what());
        }
    }
    if (deps_.audio)
        deps_.audio->stopAll();
    session_.reset();
    state_ = State{}; // nothing of what was shown survives
    page_ = Page::Login;
}

// The account is read here (UI thread, fast), the Argon2id check runs on a worker (seconds),
// and tick() counts the result in the store back on this thread: the database connection never
// leaves the UI thread, and the screen keeps drawing meanwhile.
void TrainerArea::login(const std::string& name, const std::string& pin) {
    state_.login.pin.clear();
    try {
        PendingLogin p;
        p.check = deps_.db->beginLogin(name);
        std::function<bool(const std::string&, const std::string&)> verify = deps_.verifyPin;
        if (!verify)
            verify = store::verifyPinHash;
        p.matches = std::async(std::launch::async, [verify = std::move(verify), hash = p.check.hash,
                                                    pin]() { return verify(hash, pin); });
        pending_ = std::move(p);
        state_.loginMessage.clear();
    } catch (const std::exception& e) {
        state_.loginMessage = i18n::format(tr("trainer.login.error"), {{"error", e.what()}});
    }
}

void TrainerArea::finishLogin() {
    auto& p = *pending_;
    if (p.matches.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return;
    const store::LoginCheck check = std::move(p.check);
    bool matches = false;
    try {
        matches = p.matches.get();
    } catch (const std::exception& e) {
        logLine(std::string("PIN check failed: ") + e.what()); // counted as a wrong PIN
    }
    pending_.reset();
    lastActivityMs_ = now(); // the idle log-out counts from the answer, not from the tap
    try {
        // Counts the result, lock-out included, and audits it; an unknown name or a locked
        // account is refused whatever the check said.
        const auto r = deps_.db->finishLogin(check, matches);
        if (r.status == store::LoginStatus::Ok) {
            session_ = Session{r.trainer->name};
            state_ = State{};
            page_ = Page::Home;
            return;
        }
        // Wrong name, wrong PIN, locked: one message, so the screen never tells whether a name
        // has an account here (the audit log and `repere trainer list` tell IT which it was).
        state_.loginMessage = tr("trainer.login.refused");
    } catch (const std::exception& e) {
        state_.loginMessage = i18n::format(tr("trainer.login.error"), {{"error", e.what()}});
    }
}

ui::Intent TrainerArea::draw(ui::UiContext& ctx) {
    ctx.locale = "fr"; // the trainer area is in French whatever the last person chose
    if (!session_) {
        // Nothing read from the store here: the page shows only what was typed and the last
        // message.
        ui::TrainerLoginView v;
        v.message = state_.loginMessage;
        v.checking = checking();
        return ui::drawTrainerLogin(v, state_.login, ctx);
    }
    switch (page_) {
    case Page::Login:
    case Page::Home: {
        if (!state_.homeShown)
            state_.homeShown = homeView();
        return ui::drawTrainerHome(*state_.homeShown, state_.home, ctx);
    }
    case Page::Beneficiary: {
        if (!state_.beneficiaryShown)
            state_.beneficiaryShown = beneficiaryView();
        return ui::drawTrainerBeneficiary(*state_.beneficiaryShown, state_.beneficiary, ctx);
    }
    case Page::Kiosk: {
        const auto v = kioskView();
        return ui::drawTrainerKiosk(v, state_.kiosk, ctx);
    }
    }
    return {};
}

bool TrainerArea::apply(const ui::trainer::Action& action) {
    namespace T = ui::trainer;
    if (pending_)
        return false; // the page ignores taps while a PIN is checked; so does the area
    activity();
    storeChanged(); // every action may change what the pages show
    if (std::holds_alternative<T::OpenLogin>(action)) {
        open();
        return false;
    }
    if (const auto* l = std::get_if<T::Login>(&action)) {
        login(l->name, l->pin);
        return false;
    }
    if (std::holds_alternative<T::LeaveLogin>(action)) {
        logout("left");
        return true;
    }
    if (!session_)
        return false; // nothing else without a valid PIN
    std::visit(
        [this](const auto& a) {
            using A = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<A, T::Logout>)
                logout("logout");
            else if constexpr (std::is_same_v<A, T::ShowToday>) {
                state_.searchCode.reset();
                state_.message.clear();
                page_ = Page::Home;
            } else if constexpr (std::is_same_v<A, T::Search>) {
                const auto code = store::normalizeBeneficiaryCode(a.code);
                if (!code) {
                    state_.message = i18n::format(tr("trainer.bad_code"), {{"code", a.code}});
                    return;
                }
                state_.searchCode = *code;
                state_.message.clear();
                page_ = Page::Home;
            } else if constexpr (std::is_same_v<A, T::OpenAttempt>) {
                state_.openedAttempt = a.uuid;
                state_.scoring.clear();
                state_.notesOpen = false;
                state_.beneficiary = {};
                state_.message.clear();
                page_ = Page::Beneficiary;
            } else if constexpr (std::is_same_v<A, T::ToggleSelect>) {
                if (!state_.selected.erase(a.uuid))
                    state_.selected.insert(a.uuid);
            } else if constexpr (std::is_same_v<A, T::ExportSelected>) {
                exportAttempts({state_.selected.begin(), state_.selected.end()});
            } else if constexpr (std::is_same_v<A, T::ExportThis>) {
                if (!state_.openedAttempt.empty())
                    exportAttempts({state_.openedAttempt});
            } else if constexpr (std::is_same_v<A, T::BackToList>) {
                state_.message.clear();
                state_.scoring.clear();
                state_.notesOpen = false;
                page_ = Page::Home;
            } else if constexpr (std::is_same_v<A, T::OpenScoring>) {
                if (page_ == Page::Beneficiary) {
                    state_.scoring = a.responseUuid;
                    state_.notesOpen = false;
                    state_.message.clear();
                }
            } else if constexpr (std::is_same_v<A, T::CloseScoring>) {
                state_.scoring.clear();
            } else if constexpr (std::is_same_v<A, T::PlayRecording>)
                playRecording(a.responseUuid);
            else if constexpr (std::is_same_v<A, T::ReplayStimulus>)
                replayStimulus(a.responseUuid);
            else if constexpr (std::is_same_v<A, T::Score>)
                score(a);
            else if constexpr (std::is_same_v<A, T::SetNextStep>)
                setNextStep(a.label);
            else if constexpr (std::is_same_v<A, T::OpenNotes>) {
                if (page_ == Page::Beneficiary) {
                    state_.notesOpen = true;
                    state_.scoring.clear();
                    state_.message.clear();
                }
            } else if constexpr (std::is_same_v<A, T::CloseNotes>)
                state_.notesOpen = false;
            else if constexpr (std::is_same_v<A, T::AddNote>)
                addNote(a.text);
            else if constexpr (std::is_same_v<A, T::AssignQuiz>)
                assignQuiz(a.code, a.quizId);
            else if constexpr (std::is_same_v<A, T::OpenKioskPanel>) {
                state_.message.clear();
                page_ = Page::Kiosk;
            } else if constexpr (std::is_same_v<A, T::SyncNow>) {
                // The round runs on the sync thread; the panel follows it through status().
                if (deps_.sync) {
                    deps_.sync->requestNow();
                    state_.message.clear();
                } else {
                    state_.message = tr("trainer.sync.off");
                }
            }
        },
        action);
    return !session_ && std::holds_alternative<T::Logout>(action);
}

std::vector<store::AttemptRecord> TrainerArea::listed() {
    store::AttemptQuery q;
    if (state_.searchCode)
        q.code = *state_.searchCode;
    else
        q.startedFromMs = util::startOfLocalDayMs(epoch());
    auto rows = deps_.db->listAttempts(q);
    std::reverse(rows.begin(), rows.end()); // newest first
    return rows;
}

ui::TrainerHomeView TrainerArea::homeView() {
    ui::TrainerHomeView v;
    v.trainer = session_->name;
    v.heading = state_.searchCode
                    ? i18n::format(tr("trainer.search_heading"),
                                   {{"code", store::formatBeneficiaryCode(*state_.searchCode)}})
                    : tr("trainer.today");
    v.message = state_.message;
    v.selectedCount = static_cast<int>(state_.selected.size());
    try {
        if (state_.searchCode) {
            v.searchedCode = store::formatBeneficiaryCode(*state_.searchCode);
            for (const auto* q : deps_.library->newestPerId())
                v.assignable.emplace_back(q->id, shortTitle(*q));
            const auto assigned = assignedQuiz(*deps_.db, *state_.searchCode);
            for (const auto& [id, title] : v.assignable)
                if (id == assigned)
                    v.assigned = title;
        }
        const auto today = util::startOfLocalDayMs(epoch());
        for (const auto& a : listed()) {
            ui::TrainerAttemptRow row;
            row.uuid = a.uuid;
            row.code = store::formatBeneficiaryCode(a.code);
            row.started = util::formatLocalTime(a.startedAtMs,
                                                a.startedAtMs >= today ? "%H:%M" : "%d/%m %H:%M");
            row.quizTitle = a.quizId + " " + a.quizVersion;
            const auto* taken = deps_.library->findFor(a.quizId, a.quizVersion, a.quizHash);
            if (!taken)
                taken = deps_.library->newest(a.quizId);
            if (taken)
                row.quizTitle = taken->title.get("fr") + " " + a.quizVersion;
            row.statusKey = statusKey(a.status);
            row.minutes = static_cast<int>(
                (a.finishedAtMs.value_or(a.updatedAtMs) - a.startedAtMs + 30'000) / 60'000);
            for (const auto& r : deps_.db->responsesOf(a.uuid))
                if (r.status == engine::ResponseStatus::PendingManual)
                    ++row.pendingManual;
            // A response scored since counts as done (manual scores are separate events).
            const auto scores = report::latestManualScores(deps_.db->manualScoresOf(a.uuid));
            row.pendingManual = std::max(0, row.pendingManual - static_cast<int>(scores.size()));
            row.selected = state_.selected.count(a.uuid) > 0;
            v.rows.push_back(std::move(row));
        }
    } catch (const std::exception& e) {
        v.message = e.what();
    }
    return v;
}

ui::TrainerBeneficiaryView TrainerArea::beneficiaryView() {
    ui::TrainerBeneficiaryView v;
    v.trainer = session_->name;
    v.message = state_.message;
    v.scoring = state_.scoring;
    v.notesOpen = state_.notesOpen;
    v.nextStepChoices = nextStepChoices("fr");
    try {
        const auto rec = deps_.db->findAttempt(state_.openedAttempt);
        if (!rec)
            return v;
        v.attemptUuid = rec->uuid;
        v.code = store::formatBeneficiaryCode(rec->code);
        if (const auto b = deps_.db->findBeneficiary(rec->code); b && b->firstName)
            v.firstName = *b->firstName;
        for (const auto& n : deps_.db->notesOf(rec->code))
            if (n.kind == store::NoteKind::Note)
                v.notes.push_back(
                    {n.trainer + ", " + util::formatLocalTime(n.atMs, "%d/%m/%Y %H:%M"), n.text});
        for (const auto* q : deps_.library->newestPerId())
            v.assignable.emplace_back(q->id, shortTitle(*q));
        const auto assigned = assignedQuiz(*deps_.db, rec->code);
        for (const auto& [id, title] : v.assignable)
            if (id == assigned)
                v.assigned = title;
        const auto* quiz = report::findQuizFor(*deps_.library, *rec);
        if (!quiz) {
            v.message = "Le diagnostic " + rec->quizId + " " + rec->quizVersion +
                        " n'est plus sur cette borne.";
            return v;
        }
        for (const auto& l : quiz->framework.levels)
            v.levelTitles.push_back(l.title.get("fr"));
        for (const auto& s : quiz->framework.skills)
            v.skills.push_back({s.id, s.title.get("fr"), {}});
        // This sitting, and the previous one of the same code and diagnostic (progress).
        std::vector<store::AttemptRecord> sittings{*rec};
        store::AttemptQuery q;
        q.code = rec->code;
        q.quizId = rec->quizId;
        for (const auto& other : deps_.db->listAttempts(q))
            if (other.startedAtMs < rec->startedAtMs && other.uuid != rec->uuid) {
                if (sittings.size() < 2)
                    sittings.push_back(other);
                else
                    sittings[1] = other; // keep the latest earlier one
            }
        for (const auto& s : sittings) {
            const auto* sq = report::findQuizFor(*deps_.library, s);
            if (!sq)
                continue;
            const auto bilan = report::bilanFromStore(*deps_.db, *deps_.library, s, {});
            ui::TrainerSitting sit;
            sit.label = report::formatDate(s.startedAtMs); // the day the person sat it
            for (const auto& line : bilan.skills)
                if (line.level)
                    sit.stepBySkill[line.skillId] = static_cast<int>(*line.level);
            v.sittings.push_back(std::move(sit));
            if (&s == &sittings.front()) {
                for (const auto& line : bilan.skills) // this skill's own words, as on the bilan
                    for (auto& row : v.skills)
                        if (row.skillId == line.skillId)
                            row.canDo = line.canDo;
                v.pendingManual = bilan.pendingManual;
                v.nextStep = bilan.nextStep.value_or("");
            }
        }
        // Every answer, with the manual scores applied.
        const auto scores = report::latestManualScores(deps_.db->manualScoresOf(rec->uuid));
        const auto replay = report::replayWithManualScores(
            *quiz, *rec, deps_.db->responsesOf(rec->uuid), deps_.db->manualScoresOf(rec->uuid));
        int n = 0;
        for (const auto& r : replay.responses()) {
            const auto* item = quiz->findItem(r.itemId);
            if (!item)
                continue;
            ui::TrainerResponseCard c;
            c.uuid = r.uuid;
            c.number = ++n;
            c.itemId = r.itemId;
            c.typeKey = item->type == quiz::ItemType::Write   ? "trainer.type.write"
                        : item->type == quiz::ItemType::Speak ? "trainer.type.speak"
                                                              : "trainer.type.other";
            c.shown = shownText(*quiz, *item, r.answer);
            c.answered = answeredText(*quiz, *item, r.answer);
            c.expected = expectedText(*quiz, *item);
            c.images = shownImages(*quiz, *item, r.answer);
            // The listening stimulus again (its file, or its transcript by speech synthesis).
            c.canReplay = !item->stimulus.audio.empty();
            c.statusKey = responseKey(r.status);
            if (r.maxScore > 0)
                c.scoreText = i18n::frenchNumber(r.score) + " / " + i18n::frenchNumber(r.maxScore);
            c.seconds = static_cast<double>(r.durationMs) / 1000.0;
            c.plays = r.plays;
            c.dontKnow = r.status == engine::ResponseStatus::DontKnow;
            const bool answered = r.status != engine::ResponseStatus::DontKnow &&
                                  r.status != engine::ResponseStatus::Unavailable;
            c.manual = answered && !item->practice &&
                       (item->type == quiz::ItemType::Write || item->type == quiz::ItemType::Speak);
            c.hasRecording = r.answer.is_object() && r.answer.contains("recording");
            for (const auto& p : item->scoring.rubric)
                c.rubric.push_back({p.id, p.label.get("fr"), p.points});
            for (const auto& m : scores) {
                if (m.responseUuid != r.uuid)
                    continue;
                c.scoredBy = m.trainer + ", " + util::formatLocalTime(m.atMs, "%d/%m %H:%M");
                c.scorer = m.trainer;
                // Show the stored ticks unless the trainer is changing them.
                auto& ticks = state_.beneficiary.ticks[r.uuid];
                if (ticks.empty() && m.points.is_object())
                    for (const auto& [id, pts] : m.points.items())
                        ticks[id] = pts.is_number() ? pts.get<double>() : 0.0;
            }
            v.responses.push_back(std::move(c));
        }
    } catch (const std::exception& e) {
        v.message = e.what();
    }
    return v;
}

ui::TrainerKioskView TrainerArea::kioskView() {
    ui::TrainerKioskView v;
    v.trainer = session_->name;
    v.message = state_.message;
    // Bundled and catalogue versions (refused ones with their problems); the one new attempts
    // take is said so.
    for (const auto& p : deps_.library->packages()) {
        std::string version = p.version;
        if (p.origin == quiz::PackageOrigin::Catalog)
            version += " (" + tr("trainer.package.catalog") + ")";
        if (p.ok() && deps_.library->newest(p.id) == p.quiz.get())
            version += " — " + tr("trainer.package.in_use");
        v.packages.push_back({p.id, version, p.title, p.problems, p.ok()});
    }
    if (deps_.sync) { // the background worker's live status, progress included
        const SyncStatus s = deps_.sync->status();
        auto& y = v.sync;
        y.available = true;
        y.enrolled = s.enrolled;
        y.running = s.running;
        y.requested = s.requested;
        y.pending = s.pending;
        if (s.lastSuccessMs)
            y.lastSuccess = util::formatLocalTime(*s.lastSuccessMs, "%d/%m/%Y %H:%M");
        // In French for the trainer; the client's own text stays beside it for IT.
        if (!s.lastError.empty()) {
            y.lastError = tr(sync::messageKey(s.lastErrorKind));
            y.errorDetail = s.lastError;
        }
        if (s.running) {
            y.progress =
                i18n::format(tr("trainer.sync.running"), {{"done", std::to_string(s.pushed)},
                                                          {"total", std::to_string(s.roundTotal)}});
            y.fraction = s.roundTotal > 0
                             ? static_cast<float>(s.pushed) / static_cast<float>(s.roundTotal)
                             : 0.0f;
        } else if (s.requested) {
            y.progress = tr("trainer.sync.requested");
        } else if (s.lastRoundMs && s.lastError.empty()) {
            // So a tap with nothing pending still visibly did something.
            y.progress = i18n::format(tr("trainer.sync.done"), {{"n", std::to_string(s.pushed)}});
        }
        if (s.enrolled && !s.running && s.pending > 0 && s.failures > 0 && s.nextAttemptMs)
            y.next = i18n::format(tr("trainer.sync.next"),
                                  {{"time", util::formatLocalTime(*s.nextAttemptMs, "%H:%M")}});
        return v;
    }
    // Read from the store once, not at every frame: kept until an action or new catalogue
    // versions (storeChanged).
    if (!state_.offlineSyncShown) {
        auto& y = state_.offlineSyncShown.emplace();
        try {
            // Keys written by the sync client (sync/client/kiosk_state.hpp, key::kLastSuccessMs
            // and key::kLastError); read here without linking the HTTP side into the area.
            y.pending = deps_.db->pendingCount();
            if (const auto ms = deps_.db->syncValue("last_success_ms"); ms && !ms->empty())
                y.lastSuccess = util::formatLocalTime(std::stoll(*ms), "%d/%m/%Y %H:%M");
            y.lastError = deps_.db->syncValue("last_error").value_or("");
        } catch (const std::exception& e) {
            y.lastError = e.what();
        }
        y.available = false; // no sync on this kiosk (--no-sync): the button stays disabled
    }
    v.sync = *state_.offlineSyncShown;
    return v;
}

void TrainerArea::score(const ui::trainer::Score& s) {
    try {
        const auto r = deps_.db->findResponse(s.responseUuid);
        if (!r)
            throw std::runtime_error(tr("trainer.err.response_missing"));
        const auto rec = deps_.db->findAttempt(r->attemptUuid);
        const auto* quiz = rec ? report::findQuizFor(*deps_.library, *rec) : nullptr;
        const auto* item = quiz ? quiz->findItem(r->itemId) : nullptr;
        if (!item)
            throw std::runtime_error(tr("trainer.err.item_missing"));
        double max = 0;
        for (const auto& p : item->scoring.rubric)
            max += p.points;
        // Check with the engine first: a score it would refuse is not stored.
        auto replay = report::replayWithManualScores(*quiz, *rec, deps_.db->responsesOf(rec->uuid),
                                                     deps_.db->manualScoresOf(rec->uuid));
        replay.applyManualScore(s.responseUuid, s.score);
        deps_.db->addManualScore(s.responseUuid, session_->name, s.points, s.score,
                                 max); // audited by the store
        state_.message = i18n::format(tr("trainer.scored"), {{"score", i18n::frenchNumber(s.score)},
                                                             {"max", i18n::frenchNumber(max)}});
        state_.scoring.clear(); // back to the sheet, where the levels are recomputed
    } catch (const std::exception& e) {
        state_.message = i18n::format(tr("trainer.score_failed"), {{"error", e.what()}});
    }
}

void TrainerArea::playRecording(const std::string& responseUuid) {
    try {
        const auto r = deps_.db->findResponse(responseUuid);
        if (!r || !r->answer.is_object() || !r->answer.contains("recording"))
            return;
        const std::filesystem::path file =
            deps_.dataDir / r->answer["recording"].get<std::string>();
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec)) {
            state_.message = tr("trainer.no_recording");
            return;
        }
        if (!deps_.audio || !deps_.audio->playAsset(file)) {
            state_.message = tr("trainer.no_sound");
            return;
        }
        deps_.db->audit(session_->name, "listen", responseUuid);
    } catch (const std::exception& e) {
        state_.message = e.what();
    }
}

void TrainerArea::replayStimulus(const std::string& responseUuid) {
    try {
        const auto r = deps_.db->findResponse(responseUuid);
        const auto rec = r ? deps_.db->findAttempt(r->attemptUuid) : std::nullopt;
        const auto* quiz = rec ? report::findQuizFor(*deps_.library, *rec) : nullptr;
        const auto* item = quiz ? quiz->findItem(r->itemId) : nullptr;
        if (!item || item->stimulus.audio.empty())
            return;
        // The same file the listening item played; when it is missing, its transcript read by
        // the French voice, as the kiosk does for any sound it cannot find.
        const auto file = audio::stimulusFile(*quiz, *item);
        const auto* asset = quiz->findAsset(item->stimulus.audio);
        std::error_code ec;
        const bool haveFile = !file.empty() && std::filesystem::is_regular_file(file, ec);
        if (!haveFile && (!asset || asset->transcript.empty())) {
            state_.message = tr("trainer.no_stimulus");
            return;
        }
        if (!deps_.audio || deps_.audio->unavailable()) {
            state_.message = tr("trainer.stimulus_no_sound");
            return;
        }
        if (haveFile) {
            if (!deps_.audio->playAsset(file)) {
                state_.message = tr("trainer.stimulus_no_sound");
                return;
            }
        } else {
            deps_.audio->speak(asset->transcript, "fr");
        }
        deps_.db->audit(session_->name, "listen-stimulus", responseUuid + " " + item->id);
    } catch (const std::exception& e) {
        state_.message = e.what();
    }
}

void TrainerArea::setNextStep(const std::string& label) {
    try {
        const auto rec = deps_.db->findAttempt(state_.openedAttempt);
        if (!rec)
            return;
        deps_.db->addNote(rec->code, rec->uuid, session_->name, store::NoteKind::NextStep, label);
        deps_.db->audit(session_->name, "next-step", rec->code + ": " + label);
        state_.message = i18n::format(tr("trainer.step_saved"), {{"step", label}});
    } catch (const std::exception& e) {
        state_.message = e.what();
    }
}

void TrainerArea::addNote(const std::string& text) {
    try {
        const auto rec = deps_.db->findAttempt(state_.openedAttempt);
        if (!rec || text.empty())
            return;
        deps_.db->addNote(rec->code, rec->uuid, session_->name, store::NoteKind::Note, text);
        deps_.db->audit(session_->name, "note", rec->code);
        state_.message = tr("trainer.notes.saved");
    } catch (const std::exception& e) {
        state_.message = e.what();
    }
}

void TrainerArea::assignQuiz(const std::string& typedCode, const std::string& quizId) {
    try {
        const auto code = store::normalizeBeneficiaryCode(typedCode);
        if (!code) {
            state_.message = i18n::format(tr("trainer.bad_code"), {{"code", typedCode}});
            return;
        }
        std::string title;
        if (const auto* q = deps_.library->newest(quizId))
            title = shortTitle(*q);
        if (title.empty())
            return; // only a diagnostic loaded on this kiosk can be assigned
        // A code given on paper may not have sat yet: it is registered (without consent, which
        // the person gives at the kiosk) so the assignment waits for them.
        if (!deps_.db->findBeneficiary(*code))
            deps_.db->registerBeneficiary(*code);
        deps_.db->assignQuiz(*code, quizId, session_->name); // audited by the store
        state_.message = i18n::format(tr("trainer.assigned"), {{"quiz", title}});
    } catch (const std::exception& e) {
        state_.message = e.what();
    }
}

void TrainerArea::exportAttempts(const std::vector<std::string>& uuids) {
    if (uuids.empty())
        return;
    try {
        const auto dir =
            deps_.exportDir / ("repere-export-" + util::formatLocalTime(epoch(), "%Y%m%d-%H%M%S"));
        util::ensurePrivateDir(dir); // results of people: owner only
        // One CSV row per attempt, through the store's exporter: each attempt is selected by its
        // code and exact start time; rows of attempts with the same columns share a file.
        std::map<std::string, std::vector<std::string>> rowsByHeader; // header -> rows
        std::vector<std::string> headers;                             // in order of first use
        int pdfs = 0;
        std::size_t csvRows = 0;
        for (const auto& uuid : uuids) {
            const auto rec = deps_.db->findAttempt(uuid);
            if (!rec)
                continue;
            store::ExportOptions o;
            o.query.code = rec->code;
            o.query.startedFromMs = rec->startedAtMs;
            o.query.startedBeforeMs = rec->startedAtMs + 1;
            std::ostringstream csv;
            store::exportResults(*deps_.db, o, csv);
            std::istringstream lines(csv.str());
            std::string header, line;
            std::getline(lines, header);
            if (!rowsByHeader.count(header))
                headers.push_back(header);
            auto& rows = rowsByHeader[header];
            while (std::getline(lines, line))
                if (!line.empty() && line != "\r") {
                    rows.push_back(line);
                    ++csvRows;
                }
            // The bilan PDF, when its diagnostic is loaded.
            if (report::findQuizFor(*deps_.library, *rec)) {
                report::BilanContext ctx;
                ctx.trainer = session_->name;
                ctx.agency = deps_.agency;
                const auto bilan = report::bilanFromStore(*deps_.db, *deps_.library, *rec, ctx);
                // Two sittings can start in the same minute: the attempt's id keeps the names
                // apart.
                report::writeBilanPdf(
                    bilan, dir / ("bilan-" + rec->code + "-" +
                                  util::formatLocalTime(rec->startedAtMs, "%Y%m%d-%H%M") + "-" +
                                  rec->uuid.substr(0, 8) + ".pdf"));
                ++pdfs;
            }
        }
        for (std::size_t i = 0; i < headers.size(); ++i) {
            const auto name = i == 0 ? std::string("resultats.csv")
                                     : "resultats-" + std::to_string(i + 1) + ".csv";
            util::ensurePrivateFile(dir / name);
            std::ofstream out(dir / name, std::ios::binary | std::ios::trunc);
            out << headers[i] << "\n";
            for (const auto& row : rowsByHeader[headers[i]])
                out << row << "\n";
            out.flush();
            if (!out)
                throw std::runtime_error(i18n::format(tr("trainer.err.export_write"),
                                                      {{"file", (dir / name).string()}}));
        }
        deps_.db->audit(session_->name, "export",
                        std::to_string(uuids.size()) + " attempt(s), " + std::to_string(pdfs) +
                            " PDF to " + dir.string());
        state_.lastExport = dir;
        state_.message = i18n::format(tr("trainer.exported"), {{"dir", dir.string()},
                                                               {"csv", std::to_string(csvRows)},
                                                               {"pdf", std::to_string(pdfs)}});
    } catch (const std::exception& e) {
        state_.message = i18n::format(tr("trainer.export_failed"), {{"error", e.what()}});
    }
}

} // namespace repere::app
