// Devices without hardware.
//   FakeOutputDevice / FakeInputDevice: driven by the test thread (pull / feed), with switches to
//     fail at start or break mid-stream. Deterministic: no threads.
//   NullOutputDevice: a real-time sink with its own thread that pulls one buffer per period, like
//     a sound card would; used by the latency benchmark and `repere tts --play` on machines
//     with no sound card.
//   SignalInputDevice: a real-time synthetic microphone with its own thread (a voice-like tone
//     whose loudness rises and falls), so a kiosk on `--audio fake` can record real answers
//     under Xvfb and its level meter moves.
#pragma once

#include "audio/devices.hpp"

#include <atomic>
#include <thread>
#include <vector>

namespace repere::audio {

class FakeOutputDevice : public OutputDevice {
public:
    std::string start(const StreamFormat& format, RenderFn render) override;
    void stop() override;
    std::string failure() const override { return failure_; }
    std::string name() const override { return "fake output"; }

    // Test controls.
    std::string failNextStart; // non-empty: the next start() fails with this message
    void breakStream(const std::string& why) { failure_ = why; }
    // Pulls `frames` frames as the device thread would; returns false when not started or the
    // render function said the sound is over.
    bool pull(std::size_t frames);
    bool running() const { return render_ != nullptr; }
    int starts() const { return starts_; }
    const StreamFormat& format() const { return format_; }
    const std::vector<float>& delivered() const { return delivered_; } // every sample pulled

private:
    RenderFn render_;
    StreamFormat format_;
    std::string failure_;
    int starts_ = 0;
    std::vector<float> delivered_;
};

class FakeInputDevice : public InputDevice {
public:
    std::string start(const StreamFormat& format, CaptureFn capture) override;
    void stop() override;
    std::string failure() const override { return failure_; }
    std::string name() const override { return "fake input"; }

    std::string failNextStart;
    void breakStream(const std::string& why) { failure_ = why; }
    bool running() const { return capture_ != nullptr; }
    const StreamFormat& format() const { return format_; }
    // Delivers `seconds` of a sine of `amplitude` (mono or all channels) as the microphone would,
    // in 10 ms blocks. Returns false when not started.
    bool feedTone(double seconds, float amplitude, double hz = 220.0);
    bool feed(const std::vector<float>& interleaved);

private:
    CaptureFn capture_;
    StreamFormat format_;
    std::string failure_;
    double phase_ = 0.0;
};

class NullOutputDevice : public OutputDevice {
public:
    // `periodFrames` frames are pulled every periodFrames / sampleRate seconds (10 ms at 0 = auto).
    explicit NullOutputDevice(std::size_t periodFrames = 0) : periodFrames_(periodFrames) {}
    ~NullOutputDevice() override;
    std::string start(const StreamFormat& format, RenderFn render) override;
    void stop() override;
    std::string failure() const override { return {}; }
    std::string name() const override { return "null output"; }

private:
    std::size_t periodFrames_;
    std::thread thread_;
    std::atomic<bool> stopRequested_{false};
};

class SignalInputDevice : public InputDevice {
public:
    // Delivers 10 ms blocks of a `hz` tone whose amplitude swings between `low` and `high`
    // about twice a second, like a voice (so the meter visibly moves).
    explicit SignalInputDevice(double hz = 220.0, float low = 0.05f, float high = 0.6f)
        : hz_(hz), low_(low), high_(high) {}
    ~SignalInputDevice() override;
    std::string start(const StreamFormat& format, CaptureFn capture) override;
    void stop() override;
    std::string failure() const override { return {}; }
    std::string name() const override { return "synthetic microphone"; }

private:
    double hz_;
    float low_, high_;
    std::thread thread_;
    std::atomic<bool> stopRequested_{false};
};

} // namespace repere::audio
