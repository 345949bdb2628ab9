#include "audio/fake_devices.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numbers>

namespace repere::audio {

std::string FakeOutputDevice::start(const StreamFormat& format, RenderFn render) {
    if (!failNextStart.empty()) {
        std::string why = std::move(failNextStart);
        failNextStart.clear();
        return why;
    }
    format_ = format;
    render_ = std::move(render);
    failure_.clear();
    ++starts_;
    return {};
}

void FakeOutputDevice::stop() {
    render_ = nullptr;
}

bool FakeOutputDevice::pull(std::size_t frames) {
    if (!render_ || !failure_.empty()) {
        return false;
    }
    std::vector<float> out(frames * static_cast<std::size_t>(format_.channels), 0.5f);
    const bool more = render_(out.data(), frames);
    delivered_.insert(delivered_.end(), out.begin(), out.end());
    return more;
}

std::string FakeInputDevice::start(const StreamFormat& format, CaptureFn capture) {
    if (!failNextStart.empty()) {
        std::string why = std::move(failNextStart);
        failNextStart.clear();
        return why;
    }
    format_ = format;
    capture_ = std::move(capture);
    failure_.clear();
    return {};
}

void FakeInputDevice::stop() {
    capture_ = nullptr;
}

bool FakeInputDevice::feed(const std::vector<float>& interleaved) {
    if (!capture_ || !failure_.empty()) {
        return false;
    }
    capture_(interleaved.data(), interleaved.size() / static_cast<std::size_t>(format_.channels));
    return true;
}

bool FakeInputDevice::feedTone(double seconds, float amplitude, double hz) {
    const auto total = static_cast<std::size_t>(std::llround(seconds * format_.sampleRate));
    const std::size_t block = static_cast<std::size_t>(format_.sampleRate / 100);
    const auto ch = static_cast<std::size_t>(format_.channels);
    for (std::size_t done = 0; done < total;) {
        const std::size_t n = std::min(block, total - done);
        std::vector<float> buf(n * ch);
        for (std::size_t i = 0; i < n; ++i) {
            const float s = amplitude * static_cast<float>(std::sin(phase_));
            phase_ += 2.0 * std::numbers::pi * hz / format_.sampleRate;
            for (std::size_t c = 0; c < ch; ++c) {
                buf[i * ch + c] = s;
            }
        }
        if (!feed(buf)) {
            return false;
        }
        done += n;
    }
    return true;
}

NullOutputDevice::~NullOutputDevice() {
    stop();
}

std::string NullOutputDevice::start(const StreamFormat& format, RenderFn render) {
    stop();
    stopRequested_ = false;
    const std::size_t period =
        periodFrames_ ? periodFrames_ : static_cast<std::size_t>(format.sampleRate / 100);
    thread_ = std::thread([this, format, period, render = std::move(render)] {
        std::vector<float> out(period * static_cast<std::size_t>(format.channels));
        const auto step =
            std::chrono::duration<double>(static_cast<double>(period) / format.sampleRate);
        auto next = std::chrono::steady_clock::now();
        while (!stopRequested_) {
            if (!render(out.data(), period)) {
                break;
            }
            next += std::chrono::duration_cast<std::chrono::steady_clock::duration>(step);
            std::this_thread::sleep_until(next);
        }
    });
    return {};
}

void NullOutputDevice::stop() {
    stopRequested_ = true;
    if (thread_.joinable()) {
        thread_.join();
    }
}

SignalInputDevice::~SignalInputDevice() {
    stop();
}

std::string SignalInputDevice::start(const StreamFormat& format, CaptureFn capture) {
    stop();
    stopRequested_ = false;
    thread_ = std::thread([this, format, capture = std::move(capture)] {
        const auto frames = static_cast<std::size_t>(format.sampleRate / 100);
        const auto ch = static_cast<std::size_t>(format.channels);
        std::vector<float> block(frames * ch);
        double phase = 0.0, t = 0.0;
        const double dt = 1.0 / format.sampleRate;
        auto next = std::chrono::steady_clock::now();
        while (!stopRequested_) {
            for (std::size_t i = 0; i < frames; ++i) {
                // Syllable-like envelope: 0..1 at about 2 Hz.
                const double env = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * 2.1 * t);
                const auto s = static_cast<float>((low_ + (high_ - low_) * env) * std::sin(phase));
                phase += 2.0 * std::numbers::pi * hz_ * dt;
                t += dt;
                for (std::size_t c = 0; c < ch; ++c) {
                    block[i * ch + c] = s;
                }
            }
            capture(block.data(), frames);
            next += std::chrono::milliseconds(10);
            std::this_thread::sleep_until(next);
        }
    });
    return {};
}

void SignalInputDevice::stop() {
    stopRequested_ = true;
    if (thread_.joinable()) {
        thread_.join();
    }
}

} // namespace repere::audio
