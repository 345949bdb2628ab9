// What a package's picture or sound file claims to be, read from its headers alone, and the
// limits it must respect (quizzes/FORMAT.md §7). A picture of 60000×60000 px or a sound of ten
// hours fits in a few kilobytes; decoding it would take gigabytes and minutes, so the loader
// (`repere quiz validate` and the kiosk alike) refuses it before anything is decoded, and the
// kiosk's decoders apply the same limits again (a file can change after it was checked).
//
// Sections of this file: limits; probe result; probing.
#pragma once

#include "quiz/model.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

namespace repere::quiz {

// ---- limits ------------------------------------------------------------------------------------

// Width and height of a picture, in pixels: 4096×4096 RGBA is 64 MiB once decoded, and every
// kiosk screen is at most 1920 px wide (bundled pictures are at most 960 px).
inline constexpr int kMaxImageSidePx = 4096;
// Length of a sound: a listening stimulus or an instruction is seconds long (bundled sounds are
// at most 16 s); 5 minutes of 48 kHz stereo is 110 MiB of decoded float samples.
inline constexpr double kMaxAudioSeconds = 300.0;
inline constexpr int kMaxAudioChannels = 2;
inline constexpr int kMaxAudioSampleRate = 48000; // Opus always decodes at 48 kHz

// ---- probe result
// --------------------------------------------------------------------------------

struct MediaProbe {
    std::string problem; // "" when the headers are sound and within the limits
    int widthPx = 0;     // pictures
    int heightPx = 0;
    double durationS = 0; // sounds
    int sampleRate = 0;
    int channels = 0;
};

// ---- probing -----------------------------------------------------------------------------------

// Reads the headers of `file` (PNG, JPEG, WAV, FLAC, Ogg Vorbis or Ogg Opus, chosen by `ext`,
// lowercase without the dot) and walks its chunks or pages to the end, so a file cut short is
// found too. Reads at most the file's bytes once; never decodes pixels or samples.
MediaProbe probeMedia(const std::filesystem::path& file, AssetKind kind, const std::string& ext);

// The same limit checks for a decoder that read the header itself ("" when within limits).
std::string imageSizeProblem(long long widthPx, long long heightPx);
std::string audioLengthProblem(double durationS, int sampleRate, int channels);

} // namespace repere::quiz
