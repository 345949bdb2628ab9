#include "audio_test_support.hpp"

#include <random>

namespace repere::audio::test {

std::filesystem::path fixture(const std::string& name) {
    return std::filesystem::path(REPERE_SOURCE_DIR) / "tests" / "fixtures" / "audio" / name;
}

std::filesystem::path asset(const std::string& relative) {
    return std::filesystem::path(REPERE_SOURCE_DIR) / "assets" / relative;
}

TempDir::TempDir() {
    std::random_device rd;
    path = std::filesystem::temp_directory_path() / ("repere-audio-test-" + std::to_string(rd()));
    std::filesystem::create_directories(path);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
}

int zeroCrossings(const PcmBuffer& pcm, int channel) {
    const auto ch = static_cast<std::size_t>(pcm.format.channels);
    int n = 0;
    for (std::size_t i = 1; i < pcm.frames(); ++i) {
        const float a = pcm.samples[(i - 1) * ch + static_cast<std::size_t>(channel)];
        const float b = pcm.samples[i * ch + static_cast<std::size_t>(channel)];
        if ((a < 0.0f) != (b < 0.0f)) {
            ++n;
        }
    }
    return n;
}

} // namespace repere::audio::test

namespace repere::audio::test {

SynthResult FakeSynthesizer::synthesize(const std::string& text, const std::string& voice) {
    {
        std::unique_lock lock(m_);
        cv_.wait(lock, [this] { return !held_; });
    }
    ++calls;
    SynthResult r;
    if (voice == "xx") {
        r.error = "no voice xx";
        return r;
    }
    auto pcm = std::make_shared<PcmBuffer>();
    pcm->format = {22050, 1};
    pcm->samples.assign(text.size() * 2205, 0.25f);
    r.pcm = std::move(pcm);
    return r;
}

void FakeSynthesizer::hold() {
    std::lock_guard lock(m_);
    held_ = true;
}

void FakeSynthesizer::release() {
    {
        std::lock_guard lock(m_);
        held_ = false;
    }
    cv_.notify_all();
}

Rig::Rig(AudioSettings settings) {
    settings.dataDir = dir.path;
    AudioBackends b;
    auto o = std::make_unique<FakeOutputDevice>();
    auto i = std::make_unique<FakeInputDevice>();
    auto s = std::make_unique<FakeSynthesizer>();
    out = o.get();
    in = i.get();
    synth = s.get();
    b.output = std::move(o);
    b.input = std::move(i);
    b.speech = std::move(s);
    b.clock = clock.fn();
    service = std::make_unique<AudioService>(settings, std::move(b));
}

void Rig::playThrough(std::size_t block) {
    for (int i = 0; i < 100000 && out->pull(block); ++i) {
    }
    service->update();
}

} // namespace repere::audio::test
