// The router of the trainer area: the session, the current page, idle log-out, and which handler
// applies an action (each page's handlers are in its own file, see trainer_area.hpp).
#include "app/trainer_area.hpp"

#include "app/trainer_words.hpp"
#include "i18n/strings.hpp"

#include <algorithm>

namespace repere::app {

using trainer_words::logLine;

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
    reload();
}

// Reads what the current page shows. Called on entering a page (log-in, an action) and when the
// store changed under it, never from draw().
void TrainerArea::reload() {
    state_.homeShown.reset();
    state_.beneficiaryShown.reset();
    state_.kioskShown.reset();
    if (!session_)
        return; // the log-in page shows only what was typed and the last message
    switch (page_) {
    case Page::Login:
    case Page::Home:
        state_.homeShown = homeView();
        break;
    case Page::Beneficiary:
        state_.beneficiaryShown = beneficiaryView();
        break;
    case Page::Kiosk:
        state_.kioskShown = kioskView();
        break;
    }
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

ui::Intent TrainerArea::draw(ui::UiContext& ctx) {
    ctx.locale = "fr"; // the trainer area is in French whatever the last person chose
    if (!session_) {
        ui::TrainerLoginView v;
        v.message = state_.loginMessage;
        v.checking = checking();
        return ui::drawTrainerLogin(v, state_.login, ctx);
    }
    // Only what reload() kept; an empty page if it could not be read.
    switch (page_) {
    case Page::Login:
    case Page::Home:
        return ui::drawTrainerHome(state_.homeShown.value_or(ui::TrainerHomeView{}), state_.home,
                                   ctx);
    case Page::Beneficiary:
        return ui::drawTrainerBeneficiary(
            state_.beneficiaryShown.value_or(ui::TrainerBeneficiaryView{}), state_.beneficiary,
            ctx);
    case Page::Kiosk: {
        auto v = state_.kioskShown.value_or(ui::TrainerKioskView{});
        if (deps_.sync)
            v.sync = liveSync(); // the worker's status, progress included, at every frame
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
    const bool beforeLogin = std::holds_alternative<T::OpenLogin>(action) ||
                             std::holds_alternative<T::Login>(action) ||
                             std::holds_alternative<T::LeaveLogin>(action);
    if (!session_ && !beforeLogin)
        return false; // nothing else without a valid PIN
    std::visit([this](const auto& a) { on(a); }, action);
    reload(); // every action may change what the page shows
    if (std::holds_alternative<T::LeaveLogin>(action))
        return true;
    return !session_ && std::holds_alternative<T::Logout>(action);
}

void TrainerArea::on(const ui::trainer::OpenLogin&) {
    open();
}

void TrainerArea::on(const ui::trainer::LeaveLogin&) {
    logout("left");
}

void TrainerArea::on(const ui::trainer::Logout&) {
    logout("logout");
}

void TrainerArea::on(const ui::trainer::ShowToday&) {
    state_.searchCode.reset();
    state_.message.clear();
    page_ = Page::Home;
}

void TrainerArea::on(const ui::trainer::BackToList&) {
    state_.message.clear();
    state_.scoring.clear();
    state_.notesOpen = false;
    page_ = Page::Home;
}

} // namespace repere::app
