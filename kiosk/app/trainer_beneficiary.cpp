// The beneficiary page: one sitting's sheet (levels, this sitting against the previous one, the
// answers), the notes about the person, the next step, and the sounds a counsellor replays.
#include "app/trainer_area.hpp"
#include "app/trainer_words.hpp"
#include "audio/quiz_audio.hpp"
#include "i18n/strings.hpp"
#include "report/bilan_store.hpp"
#include "store/beneficiary_code.hpp"
#include "util/local_time.hpp"

namespace repere::app {

using trainer_words::shortTitle;
using trainer_words::tr;

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
            v.message = i18n::format(tr("trainer.quiz_missing"),
                                     {{"quiz", rec->quizId}, {"version", rec->quizVersion}});
            return v;
        }
        for (const auto& l : quiz->framework.levels)
            v.levelTitles.push_back(l.title.get("fr"));
        for (const auto& s : quiz->framework.skills)
            v.skills.push_back({s.id, s.title.get("fr"), {}});
        addSittings(v, *rec);
        addResponseCards(v, *quiz, *rec); // every answer, with the manual scores applied
    } catch (const std::exception& e) {
        v.message = e.what();
    }
    return v;
}

// This sitting, and the previous one of the same code and diagnostic (progress): the step of
// each skill in both; this sitting's own words per skill, as on the bilan.
void TrainerArea::addSittings(ui::TrainerBeneficiaryView& v, const store::AttemptRecord& rec) {
    std::vector<store::AttemptRecord> sittings{rec};
    store::AttemptQuery q;
    q.code = rec.code;
    q.quizId = rec.quizId;
    for (const auto& other : deps_.db->listAttempts(q))
        if (other.startedAtMs < rec.startedAtMs && other.uuid != rec.uuid) {
            if (sittings.size() < 2)
                sittings.push_back(other);
            else
                sittings[1] = other; // keep the latest earlier one
        }
    for (const auto& s : sittings) {
        if (!report::findQuizFor(*deps_.library, s))
            continue;
        const auto bilan = report::bilanFromStore(*deps_.db, *deps_.library, s, {});
        ui::TrainerSitting sit;
        sit.label = report::formatDate(s.startedAtMs); // the day the person sat it
        for (const auto& line : bilan.skills)
            if (line.level)
                sit.stepBySkill[line.skillId] = static_cast<int>(*line.level);
        v.sittings.push_back(std::move(sit));
        if (&s != &sittings.front())
            continue;
        for (const auto& line : bilan.skills)
            for (auto& row : v.skills)
                if (row.skillId == line.skillId)
                    row.canDo = line.canDo;
        v.pendingManual = bilan.pendingManual;
        v.nextStep = bilan.nextStep.value_or("");
    }
}

void TrainerArea::on(const ui::trainer::OpenAttempt& a) {
    state_.openedAttempt = a.uuid;
    state_.scoring.clear();
    state_.notesOpen = false;
    state_.beneficiary = {};
    state_.message.clear();
    page_ = Page::Beneficiary;
}

void TrainerArea::on(const ui::trainer::OpenNotes&) {
    if (page_ != Page::Beneficiary)
        return;
    state_.notesOpen = true;
    state_.scoring.clear();
    state_.message.clear();
}

void TrainerArea::on(const ui::trainer::CloseNotes&) {
    state_.notesOpen = false;
}

void TrainerArea::on(const ui::trainer::AddNote& a) {
    try {
        const auto rec = deps_.db->findAttempt(state_.openedAttempt);
        if (!rec || a.text.empty())
            return;
        deps_.db->addNote(rec->code, rec->uuid, session_->name, store::NoteKind::Note, a.text);
        deps_.db->audit(session_->name, "note", rec->code);
        state_.message = tr("trainer.notes.saved");
    } catch (const std::exception& e) {
        state_.message = e.what();
    }
}

void TrainerArea::on(const ui::trainer::SetNextStep& a) {
    try {
        const auto rec = deps_.db->findAttempt(state_.openedAttempt);
        if (!rec)
            return;
        deps_.db->addNote(rec->code, rec->uuid, session_->name, store::NoteKind::NextStep, a.label);
        deps_.db->audit(session_->name, "next-step", rec->code + ": " + a.label);
        state_.message = i18n::format(tr("trainer.step_saved"), {{"step", a.label}});
    } catch (const std::exception& e) {
        state_.message = e.what();
    }
}

void TrainerArea::on(const ui::trainer::PlayRecording& a) {
    try {
        const auto r = deps_.db->findResponse(a.responseUuid);
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
        deps_.db->audit(session_->name, "listen", a.responseUuid);
    } catch (const std::exception& e) {
        state_.message = e.what();
    }
}

void TrainerArea::on(const ui::trainer::ReplayStimulus& a) {
    try {
        const auto r = deps_.db->findResponse(a.responseUuid);
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
        if (haveFile && !deps_.audio->playAsset(file)) {
            state_.message = tr("trainer.stimulus_no_sound");
            return;
        }
        if (!haveFile)
            deps_.audio->speak(asset->transcript, "fr");
        deps_.db->audit(session_->name, "listen-stimulus", a.responseUuid + " " + item->id);
    } catch (const std::exception& e) {
        state_.message = e.what();
    }
}

} // namespace repere::app
