#include "audio/stimulus.hpp"

namespace repere::audio {

int StimulusSession::playsLeft() const {
    if (maxPlays_ <= 0) {
        return -1;
    }
    return plays_ >= maxPlays_ ? 0 : maxPlays_ - plays_;
}

bool StimulusSession::canPlay() const {
    return maxPlays_ <= 0 || plays_ < maxPlays_;
}

void StimulusSession::playFailed(const std::string& why) {
    if (plays_ > 0) {
        --plays_;
    }
    problem_ = why;
}

} // namespace repere::audio
