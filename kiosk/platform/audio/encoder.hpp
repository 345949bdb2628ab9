// Writing audio files through libsndfile: WAV for the speech cache and `repere tts`,
// Ogg/Opus (small) or FLAC (lossless) for recorded spoken answers.
#pragma once

#include "audio/pcm.hpp"

#include <filesystem>
#include <string>

namespace repere::audio {

enum class Codec {
    Wav16, // PCM 16-bit WAV: fastest to read back, used for cached speech
    Flac,  // lossless, about half the size of WAV
    OggVorbis,
    OggOpus // speech at a few kB/s; needs 8, 12, 16, 24 or 48 kHz
};

// Writes `pcm` to `path` atomically (a temporary file renamed at the end), so a crash never
// leaves a half-written file under the final name. Returns an empty string, or the error.
std::string writeAudioFile(const std::filesystem::path& path, const PcmBuffer& pcm, Codec codec);

// File extension for a codec: ".wav", ".flac", ".ogg".
const char* extensionFor(Codec codec);

} // namespace repere::audio
