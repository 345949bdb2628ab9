// espeak-ng through libespeak-ng, in synchronous mode (samples come back through a callback
// during espeak_Synth). libespeak-ng keeps global state, so every call is serialised by a
// process-wide mutex; callers run it on the speech worker thread, never on the UI thread.
#pragma once

#include "audio/speech.hpp"

namespace repere::audio {

class EspeakSynthesizer : public SpeechSynthesizer {
public:
    // `rateWpm`: words per minute; slower than espeak-ng's 175 for people new to French.
    explicit EspeakSynthesizer(int rateWpm = 140);
    SynthResult synthesize(const std::string& text, const std::string& voice) override;
    std::string identity() const override;

private:
    int rateWpm_;
};

} // namespace repere::audio
