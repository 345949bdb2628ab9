// Scoring: the answer cards of a sheet (what was shown, answered and expected, the status, the
// score and who scored it) and a written or spoken answer scored alone on its page, checked by
// the engine before it is stored.
#include "app/trainer_area.hpp"
#include "app/trainer_words.hpp"
#include "i18n/strings.hpp"
#include "report/answer_words.hpp"
#include "report/bilan_store.hpp"
#include "util/local_time.hpp"

namespace repere::app {
namespace {

using trainer_words::tr;

// One answer as its card shows it, before the manual scores are applied.
ui::TrainerResponseCard responseCard(const quiz::Quiz& quiz, const quiz::Item& item,
                                     const engine::Response& r, int number) {
    ui::TrainerResponseCard c;
    c.uuid = r.uuid;
    c.number = number;
    c.itemId = r.itemId;
    c.typeKey = item.type == quiz::ItemType::Write   ? "trainer.type.write"
                : item.type == quiz::ItemType::Speak ? "trainer.type.speak"
                                                     : "trainer.type.other";
    c.shown = trainer_words::shownText(quiz, item, r.answer);
    c.answered = report::answerWords(&quiz, &item, r.answer, r.status);
    c.expected = trainer_words::expectedText(quiz, item);
    c.images = trainer_words::shownImages(quiz, item, r.answer);
    // The listening stimulus again (its file, or its transcript by speech synthesis).
    c.canReplay = !item.stimulus.audio.empty();
    c.statusKey = trainer_words::responseKey(r.status);
    if (r.maxScore > 0)
        c.scoreText = i18n::frenchNumber(r.score) + " / " + i18n::frenchNumber(r.maxScore);
    c.seconds = static_cast<double>(r.durationMs) / 1000.0;
    c.plays = r.plays;
    c.dontKnow = r.status == engine::ResponseStatus::DontKnow;
    const bool answered = r.status != engine::ResponseStatus::DontKnow &&
                          r.status != engine::ResponseStatus::Unavailable;
    c.manual = answered && !item.practice &&
               (item.type == quiz::ItemType::Write || item.type == quiz::ItemType::Speak);
    c.hasRecording = r.answer.is_object() && r.answer.contains("recording");
    for (const auto& p : item.scoring.rubric)
        c.rubric.push_back({p.id, p.label.get("fr"), p.points});
    return c;
}

} // namespace

void TrainerArea::addResponseCards(ui::TrainerBeneficiaryView& v, const quiz::Quiz& quiz,
                                   const store::AttemptRecord& rec) {
    const auto scores = report::latestManualScores(deps_.db->manualScoresOf(rec.uuid));
    const auto replay = report::replayWithManualScores(quiz, rec, deps_.db->responsesOf(rec.uuid),
                                                       deps_.db->manualScoresOf(rec.uuid));
    int n = 0;
    for (const auto& r : replay.responses()) {
        const auto* item = quiz.findItem(r.itemId);
        if (!item)
            continue;
        auto c = responseCard(quiz, *item, r, ++n);
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
}

void TrainerArea::on(const ui::trainer::OpenScoring& a) {
    if (page_ != Page::Beneficiary)
        return;
    state_.scoring = a.responseUuid;
    state_.notesOpen = false;
    state_.message.clear();
}

void TrainerArea::on(const ui::trainer::CloseScoring&) {
    state_.scoring.clear();
}

void TrainerArea::on(const ui::trainer::Score& s) {
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

} // namespace repere::app
