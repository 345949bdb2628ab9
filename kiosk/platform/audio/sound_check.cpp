#include "audio/sound_check.hpp"

namespace repere::audio {

void SoundCheck::begin() {
    tries_ = 1;
    state_ = SoundCheckState::Asking;
}

bool SoundCheck::answer(bool heard) {
    if (state_ != SoundCheckState::Asking) {
        return false;
    }
    if (heard) {
        state_ = SoundCheckState::Heard;
        return false;
    }
    if (tries_ < maxTries_) {
        ++tries_;
        return true;
    }
    state_ = SoundCheckState::NotHeard;
    return false;
}

} // namespace repere::audio
