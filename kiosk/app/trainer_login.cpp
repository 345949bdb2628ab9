// The trainer log-in page: a name, a PIN, and the Argon2id check on a worker thread. The page
// reads nothing from the store: it shows what was typed and the last message.
#include "app/trainer_area.hpp"
#include "app/trainer_words.hpp"
#include "i18n/strings.hpp"

#include <chrono>

namespace repere::app {

using trainer_words::logLine;
using trainer_words::tr;

// The account is read here (UI thread, fast), the Argon2id check runs on a worker (seconds),
// and tick() counts the result in the store back on this thread: the database connection never
// leaves the UI thread, and the screen keeps drawing meanwhile.
void TrainerArea::on(const ui::trainer::Login& a) {
    state_.login.pin.clear();
    try {
        PendingLogin p;
        p.check = deps_.db->beginLogin(a.name);
        std::function<bool(const std::string&, const std::string&)> verify = deps_.verifyPin;
        if (!verify)
            verify = store::verifyPinHash;
        p.matches = std::async(std::launch::async, [verify = std::move(verify), hash = p.check.hash,
                                                    pin = a.pin]() { return verify(hash, pin); });
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
            reload(); // the home page, read once on entering it
            return;
        }
        // Wrong name, wrong PIN, locked: one message, so the screen never tells whether a name
        // has an account here (the audit log and `repere trainer list` tell IT which it was).
        state_.loginMessage = tr("trainer.login.refused");
    } catch (const std::exception& e) {
        state_.loginMessage = i18n::format(tr("trainer.login.error"), {{"error", e.what()}});
    }
}

} // namespace repere::app
