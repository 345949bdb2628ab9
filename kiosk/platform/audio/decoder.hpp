// Decoding audio files (WAV, FLAC, Ogg Vorbis, Ogg Opus) into memory through libsndfile.
// Errors are values with a sentence a person can act on ("file not found", "truncated or corrupt").
#pragma once

#include "audio/pcm.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace repere::audio {

struct AudioFileInfo {
    std::string container; // "WAV", "FLAC", "Ogg"
    std::string codec;     // "PCM 16-bit", "FLAC 16-bit", "Vorbis", "Opus"...
    int sampleRate = 0;
    int channels = 0;
    std::int64_t frames = 0;
    double durationS = 0.0;

    std::string describe() const; // "Ogg/Vorbis, 44100 Hz, mono, 2.50 s"
};

struct DecodeResult {
    std::optional<PcmBuffer> pcm; // set on success
    AudioFileInfo info;           // filled as far as the header could be read
    std::string error;            // empty on success
    bool ok() const { return pcm.has_value(); }
};

// Reads and decodes the whole file. Never throws for bad files.
DecodeResult decodeFile(const std::filesystem::path& path);

// True for the extensions a quiz package may use for sound: .ogg .opus .flac .wav (any case).
bool isAudioPath(const std::filesystem::path& path);

} // namespace repere::audio
