// The trainer's home page: today's sittings or a code's, selection for export, and assigning a
// diagnostic to a code.
#include "app/trainer_area.hpp"
#include "app/trainer_words.hpp"
#include "i18n/strings.hpp"
#include "report/bilan_store.hpp"
#include "store/beneficiary_code.hpp"
#include "util/local_time.hpp"

#include <algorithm>

namespace repere::app {

using trainer_words::shortTitle;
using trainer_words::tr;

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
            row.statusKey = trainer_words::statusKey(a.status);
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

void TrainerArea::on(const ui::trainer::Search& a) {
    const auto code = store::normalizeBeneficiaryCode(a.code);
    if (!code) {
        state_.message = i18n::format(tr("trainer.bad_code"), {{"code", a.code}});
        return;
    }
    state_.searchCode = *code;
    state_.message.clear();
    page_ = Page::Home;
}

void TrainerArea::on(const ui::trainer::ToggleSelect& a) {
    if (!state_.selected.erase(a.uuid))
        state_.selected.insert(a.uuid);
}

void TrainerArea::on(const ui::trainer::AssignQuiz& a) {
    try {
        const auto code = store::normalizeBeneficiaryCode(a.code);
        if (!code) {
            state_.message = i18n::format(tr("trainer.bad_code"), {{"code", a.code}});
            return;
        }
        std::string title;
        if (const auto* q = deps_.library->newest(a.quizId))
            title = shortTitle(*q);
        if (title.empty())
            return; // only a diagnostic loaded on this kiosk can be assigned
        // A code given on paper may not have sat yet: it is registered (without consent, which
        // the person gives at the kiosk) so the assignment waits for them.
        if (!deps_.db->findBeneficiary(*code))
            deps_.db->registerBeneficiary(*code);
        deps_.db->assignQuiz(*code, a.quizId, session_->name); // audited by the store
        state_.message = i18n::format(tr("trainer.assigned"), {{"quiz", title}});
    } catch (const std::exception& e) {
        state_.message = e.what();
    }
}

} // namespace repere::app
