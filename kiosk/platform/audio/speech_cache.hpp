// On-disk cache of synthesised speech, keyed by sha256(engine identity, voice, text).
// Instructions repeat across beneficiaries, so after the first day nearly every read-aloud is a
// WAV read instead of a synthesis. A broken cache file is deleted and synthesised again.
#pragma once

#include "audio/speech.hpp"

#include <atomic>
#include <filesystem>
#include <memory>

namespace repere::audio {

class CachedSynthesizer : public SpeechSynthesizer {
public:
    CachedSynthesizer(std::unique_ptr<SpeechSynthesizer> inner, std::filesystem::path cacheDir);
    SynthResult synthesize(const std::string& text, const std::string& voice) override;
    std::string identity() const override { return inner_->identity(); }

    std::filesystem::path pathFor(const std::string& text, const std::string& voice) const;
    int hits() const { return hits_; }
    int misses() const { return misses_; }

private:
    std::unique_ptr<SpeechSynthesizer> inner_;
    std::filesystem::path dir_;
    std::atomic<int> hits_{0};
    std::atomic<int> misses_{0};
};

} // namespace repere::audio
