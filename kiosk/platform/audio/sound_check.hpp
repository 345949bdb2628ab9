// "Entendez-vous la musique ? Oui / Non" — the logic of the optional sound check screen.
// Music plays; "Oui" passes; "Non" plays it again once (a person may have missed the start or
// had the volume low); a second "Non", or a device that fails, means sound is unavailable for
// this session: the kiosk shows "Son indisponible" and listening items are stored as unavailable.
#pragma once

namespace repere::audio {

enum class SoundCheckState { NotStarted, Asking, Heard, NotHeard };

class SoundCheck {
public:
    explicit SoundCheck(int maxTries = 2) : maxTries_(maxTries) {}

    void begin(); // music starts, the question is shown
    // Returns true when the music must be played again (a "Non" with tries left).
    bool answer(bool heard);
    void deviceFailed() { state_ = SoundCheckState::NotHeard; }

    SoundCheckState state() const { return state_; }
    int tries() const { return tries_; }
    bool finished() const {
        return state_ == SoundCheckState::Heard || state_ == SoundCheckState::NotHeard;
    }

private:
    int maxTries_;
    int tries_ = 0;
    SoundCheckState state_ = SoundCheckState::NotStarted;
};

} // namespace repere::audio
