// Shared helpers for the audio tests: a clock moved by hand, fixture paths, temporary folders.
#pragma once

#include "audio/pcm.hpp"

#include <chrono>
#include <filesystem>
#include <string>

namespace repere::audio::test {

struct ManualClock {
    TimePoint now = TimePoint{} + std::chrono::hours(1);
    Clock fn() {
        return [this] {
            return now;
        };
    }
    void advance(std::chrono::milliseconds d) { now += d; }
};

std::filesystem::path fixture(const std::string& name);   // tests/fixtures/audio/<name>
std::filesystem::path asset(const std::string& relative); // <repo>/assets/<relative>

// A fresh empty folder under the system temp dir, removed when the object dies.
struct TempDir {
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::filesystem::path path;
};

// Number of sign changes: a cheap pitch check for synthetic tones.
int zeroCrossings(const PcmBuffer& pcm, int channel = 0);

} // namespace repere::audio::test

#include "audio/audio_service.hpp"
#include "audio/fake_devices.hpp"
#include "audio/speech.hpp"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace repere::audio::test {

// A synthesizer that "says" 0.1 s of tone per character (so length follows the text), counts
// calls, fails for the voice "xx", and can be held on a gate to test late results.
class FakeSynthesizer : public SpeechSynthesizer {
public:
    SynthResult synthesize(const std::string& text, const std::string& voice) override;
    std::string identity() const override { return "fake 1"; }
    std::atomic<int> calls{0};
    void hold(); // next syntheses wait until release()
    void release();

private:
    std::mutex m_;
    std::condition_variable cv_;
    bool held_ = false;
};

// An AudioService on fake devices, fake speech and a hand-moved clock, in a temporary data folder.
struct Rig {
    explicit Rig(AudioSettings settings = {});
    ManualClock clock;
    TempDir dir;
    FakeOutputDevice* out = nullptr;
    FakeInputDevice* in = nullptr;
    FakeSynthesizer* synth = nullptr;
    std::unique_ptr<AudioService> service;
    // Pulls until the current sound ends (bounded), like a sound card playing it through.
    void playThrough(std::size_t block = 480);
};

} // namespace repere::audio::test
