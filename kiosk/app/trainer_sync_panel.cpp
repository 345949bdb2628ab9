// The kiosk panel: the diagnostics on this kiosk (bundled and catalogue versions, refused ones
// with their problems) and sync ("Synchroniser maintenant", the worker's progress, the last
// error in French with the client's own words for IT).
#include "app/trainer_area.hpp"
#include "app/trainer_words.hpp"
#include "i18n/strings.hpp"
#include "util/local_time.hpp"

namespace repere::app {

using trainer_words::tr;

// Read on entering the panel and after each action: the packages, and without a sync worker
// the store's last sync state (with one, liveSync() replaces it at every frame).
ui::TrainerKioskView TrainerArea::kioskView() {
    ui::TrainerKioskView v;
    v.trainer = session_->name;
    v.message = state_.message;
    // The one new attempts take is said so.
    for (const auto& p : deps_.library->packages()) {
        std::string version = p.version;
        if (p.origin == quiz::PackageOrigin::Catalog)
            version += " (" + tr("trainer.package.catalog") + ")";
        if (p.ok() && deps_.library->newest(p.id) == p.quiz.get())
            version += " — " + tr("trainer.package.in_use");
        v.packages.push_back({p.id, version, p.title, p.problems, p.ok()});
    }
    if (deps_.sync)
        return v;
    auto& y = v.sync;
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
    return v;
}

// The background worker's live status, progress included (no store: the worker keeps it).
ui::TrainerSyncView TrainerArea::liveSync() const {
    const SyncStatus s = deps_.sync->status();
    ui::TrainerSyncView y;
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
    return y;
}

void TrainerArea::on(const ui::trainer::OpenKioskPanel&) {
    state_.message.clear();
    page_ = Page::Kiosk;
}

void TrainerArea::on(const ui::trainer::SyncNow&) {
    // The round runs on the sync thread; the panel follows it through status().
    if (deps_.sync) {
        deps_.sync->requestNow();
        state_.message.clear();
    } else {
        state_.message = tr("trainer.sync.off");
    }
}

} // namespace repere::app
