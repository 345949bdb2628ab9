// Speech synthesis behind an interface: espeak-ng on the kiosk (espeak_synthesizer.hpp), wrapped
// by an on-disk cache (speech_cache.hpp), run off the UI thread (speech_worker.hpp).
#pragma once

#include "audio/pcm.hpp"

#include <memory>
#include <string>

namespace repere::audio {

struct SynthResult {
    std::shared_ptr<const PcmBuffer> pcm; // set on success
    std::string error;                    // empty on success
    bool fromCache = false;
    bool ok() const { return pcm != nullptr; }
};

class SpeechSynthesizer {
public:
    virtual ~SpeechSynthesizer() = default;
    // Speaks `text` (UTF-8) with `voice` (an espeak-ng voice name such as "fr", "en", "ar").
    virtual SynthResult synthesize(const std::string& text, const std::string& voice) = 0;
    // Engine and settings, part of the cache key: changing them must not reuse old audio.
    virtual std::string identity() const = 0;
};

// Voice for the locale of the instructions: "fr" -> "fr", "en" -> "en", "ar" -> "ar",
// "pt_BR"/"pt-BR" -> "pt-br". Empty locale -> "fr" (the kiosk's default language).
std::string voiceForLocale(const std::string& locale);

} // namespace repere::audio
