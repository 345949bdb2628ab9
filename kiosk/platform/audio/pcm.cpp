#include "audio/pcm.hpp"

#include <algorithm>
#include <cmath>

namespace repere::audio {

std::size_t PcmBuffer::frames() const {
    return format.channels > 0 ? samples.size() / static_cast<std::size_t>(format.channels) : 0;
}

double PcmBuffer::durationS() const {
    return format.sampleRate > 0 ? static_cast<double>(frames()) / format.sampleRate : 0.0;
}

float PcmBuffer::peak() const {
    float p = 0.0f;
    for (float s : samples) {
        p = std::max(p, std::fabs(s));
    }
    return p;
}

double PcmBuffer::rms() const {
    if (samples.empty()) {
        return 0.0;
    }
    double sum = 0.0;
    for (float s : samples) {
        sum += static_cast<double>(s) * s;
    }
    return std::sqrt(sum / static_cast<double>(samples.size()));
}

Clock steadyClock() {
    return [] {
        return std::chrono::steady_clock::now();
    };
}

} // namespace repere::audio
