#include "audio/loudness.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace repere::audio {
namespace {

// One second-order IIR section (direct form I), run in double: the high-pass stage of the
// K-weighting has poles close to the unit circle at 48 kHz.
struct Biquad {
    double b0, b1, b2, a1, a2;
    double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
    double step(double x) {
        const double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = y;
        return y;
    }
};

// The two K-weighting stages of BS.1770 re-designed for any sample rate (the standard gives
// coefficients for 48 kHz only; these are the analog prototypes libebur128 also uses).
Biquad highShelf(double rate) {
    const double f0 = 1681.974450955533, gainDb = 3.999843853973347, q = 0.7071752369554196;
    const double k = std::tan(std::numbers::pi * f0 / rate);
    const double vh = std::pow(10.0, gainDb / 20.0);
    const double vb = std::pow(vh, 0.4996667741545416);
    const double a0 = 1.0 + k / q + k * k;
    return {(vh + vb * k / q + k * k) / a0, 2.0 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
            2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0};
}

Biquad highPass(double rate) {
    const double f0 = 38.13547087602444, q = 0.5003270373238773;
    const double k = std::tan(std::numbers::pi * f0 / rate);
    const double a0 = 1.0 + k / q + k * k;
    return {1.0, -2.0, 1.0, 2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0};
}

double toLufs(double meanSquare) {
    return -0.691 + 10.0 * std::log10(meanSquare);
}

} // namespace

std::optional<Loudness> measureLoudness(const PcmBuffer& pcm) {
    const int channels = std::max(1, pcm.format.channels);
    const std::size_t frames = pcm.frames();
    const double rate = pcm.format.sampleRate;
    const auto blockFrames = static_cast<std::size_t>(std::lround(0.4 * rate));
    const auto hopFrames = static_cast<std::size_t>(std::lround(0.1 * rate));
    if (rate <= 0 || blockFrames == 0 || hopFrames == 0 || frames < blockFrames)
        return std::nullopt;

    // K-weighted energy per frame, summed over channels; then per 100 ms hop, so each 400 ms
    // block is the mean of four hops.
    std::vector<double> hopEnergy(frames / hopFrames, 0.0);
    for (int c = 0; c < channels; ++c) {
        Biquad shelf = highShelf(rate), pass = highPass(rate);
        for (std::size_t f = 0; f < hopEnergy.size() * hopFrames; ++f) {
            const double y = pass.step(shelf.step(
                pcm.samples[f * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)]));
            hopEnergy[f / hopFrames] += y * y;
        }
    }
    std::vector<double> blocks;
    for (std::size_t h = 0; h + 4 <= hopEnergy.size(); ++h) {
        blocks.push_back((hopEnergy[h] + hopEnergy[h + 1] + hopEnergy[h + 2] + hopEnergy[h + 3]) /
                         static_cast<double>(4 * hopFrames));
    }
    auto gatedMean = [&](double gateLufs) {
        double sum = 0.0;
        std::size_t n = 0;
        for (double e : blocks) {
            if (e > 0.0 && toLufs(e) > gateLufs) {
                sum += e;
                ++n;
            }
        }
        return n == 0 ? 0.0 : sum / static_cast<double>(n);
    };
    const double absolute = gatedMean(-70.0);
    if (absolute <= 0.0)
        return std::nullopt;
    const double relative = gatedMean(toLufs(absolute) - 10.0);
    Loudness out;
    out.integratedLufs = toLufs(relative > 0.0 ? relative : absolute);
    const float peak = pcm.peak();
    out.peakDbfs = peak > 0.0f ? 20.0 * std::log10(static_cast<double>(peak)) : -144.0;
    return out;
}

} // namespace repere::audio
