// Programme loudness of a sound (ITU-R BS.1770-4 / EBU R128 "integrated loudness", in LUFS), so
// the authoring script can bring every sound of a package to one target and `repere audio check`
// can show that it did: a person should not have to touch the volume between two questions.
#pragma once

#include "audio/pcm.hpp"

#include <optional>

namespace repere::audio {

struct Loudness {
    double integratedLufs = 0.0; // gated integrated loudness
    double peakDbfs = 0.0;       // largest sample, dB full scale (sample peak, not true peak)
};

// K-weighting, 400 ms blocks with 75 % overlap, absolute gate at -70 LUFS and relative gate
// 10 LU below the ungated mean. Every channel weighs 1 (mono and stereo speech). nullopt when
// the sound is shorter than one block or entirely below the absolute gate (silence).
std::optional<Loudness> measureLoudness(const PcmBuffer& pcm);

} // namespace repere::audio
