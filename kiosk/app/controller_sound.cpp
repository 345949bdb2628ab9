// The controller and sound: the audio session of each screen shown, the sound check's answers,
// items that could not be heard or recorded, and — on a kiosk without sound — the listening and
// speaking parts passed over after one "Cette partie demande du son" screen.
#include "app/controller.hpp"

#include <algorithm>
#include <cstdio>

namespace repere::app {

void Controller::setAudio(audio::AudioService* a) {
    cues_.setAudio(a);
    trainer_.setAudio(a); // trainers listen to recorded answers through the same service
    syncAudio();
}

void Controller::syncAudio() {
    const auto kind = screen_ == Screen::Item         ? CueScreen::Item
                      : screen_ == Screen::SoundCheck ? CueScreen::SoundCheck
                      : screen_ == Screen::Trainer    ? CueScreen::Trainer
                                                      : CueScreen::Other;
    cues_.shown(shownSerial_, kind, attempt(), person_.locale);
}

void Controller::answerSoundCheck(bool heard) {
    // A first "Non" plays the music again and asks again; otherwise on to consent (after a
    // second "Non" the service is unavailable: listening items are stored as such).
    if (cues_.answerSoundCheck(heard))
        go(Screen::Consent);
}

void Controller::storeUnavailable() {
    try {
        const auto ms = now() - person_.item.shownAtMs;
        persist(person_.attempt->unavailable(std::max<std::int64_t>(0, ms)));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "repere-kiosk: unavailable refused: %s\n", e.what());
        return;
    }
    if (screen_ != Screen::Error)
        afterResponse();
}

void Controller::showItem() {
    const auto cur = person_.attempt ? person_.attempt->current() : std::nullopt;
    if (!cur || !soundUnavailable() || !needsSound(*cur->item)) {
        go(Screen::Item);
        return;
    }
    if (person_.soundNeededSeen)
        passSoundItems(); // the person already knows: the next sound part passes silently
    else
        go(Screen::SoundNeeded);
}

// Each item that needs sound is stored as "unavailable" (neither right nor wrong, so its skill
// is "pas évalué", not failed), until an item that can be done without sound, or the result.
// A refused save shows the calm error; "Réessayer" stores it and comes back here.
void Controller::passSoundItems() {
    auto& at = *person_.attempt;
    while (at.state() == engine::AttemptState::Running && at.current() &&
           needsSound(*at.current()->item)) {
        persist(at.unavailable(0));
        if (screen_ == Screen::Error)
            return;
    }
    if (at.finished())
        finishAndShowResult();
    else
        go(Screen::Item);
}

} // namespace repere::app
