// Decoded audio in memory and the stream formats devices are opened with.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <vector>

namespace repere::audio {

struct StreamFormat {
    int sampleRate = 48000;
    int channels = 1;
    bool operator==(const StreamFormat&) const = default;
};

// Interleaved float samples in [-1, 1]. Float everywhere: libsndfile, PortAudio and the level meter
// all speak it, so no conversion happens between decoding and the device.
struct PcmBuffer {
    StreamFormat format;
    std::vector<float> samples;

    std::size_t frames() const;
    double durationS() const;
    float peak() const; // largest absolute sample
    double rms() const; // root mean square over all samples
};

// Time source, injectable so tests can move time by hand (countdowns, watchdogs).
using TimePoint = std::chrono::steady_clock::time_point;
using Clock = std::function<TimePoint()>;
Clock steadyClock();

} // namespace repere::audio
