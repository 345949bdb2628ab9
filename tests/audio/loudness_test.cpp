// BS.1770 loudness: the reference figures of the standard (a full-scale 1 kHz sine in one channel
// reads -3.01 LUFS), the gates (silence does not lower the figure), and rate independence.
#include "audio/loudness.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>

using namespace repere::audio;

namespace {

PcmBuffer sine(double freq, double amplitude, double seconds, int rate, int channels = 1) {
    PcmBuffer p;
    p.format = {rate, channels};
    const auto frames = static_cast<std::size_t>(seconds * rate);
    for (std::size_t i = 0; i < frames; ++i) {
        const auto v = static_cast<float>(
            amplitude * std::sin(2.0 * std::numbers::pi * freq * static_cast<double>(i) / rate));
        for (int c = 0; c < channels; ++c)
            p.samples.push_back(v);
    }
    return p;
}

} // namespace

TEST_CASE("a 1 kHz sine reads the BS.1770 reference loudness at any sample rate") {
    const int rate = GENERATE(16000, 22050, 44100, 48000);
    CAPTURE(rate);
    // K-weighting is +0.69 dB at 1 kHz, which the -0.691 offset cancels: peak 1.0 -> -3.01 LUFS.
    auto full = measureLoudness(sine(1000, 1.0, 3.0, rate));
    REQUIRE(full);
    CHECK(full->integratedLufs == Approx(-3.01).margin(0.1));
    CHECK(full->peakDbfs == Approx(0.0).margin(0.01));
    auto quiet = measureLoudness(sine(1000, 0.1, 3.0, rate));
    REQUIRE(quiet);
    CHECK(quiet->integratedLufs == Approx(-23.01).margin(0.1));
    CHECK(quiet->peakDbfs == Approx(-20.0).margin(0.05));
}

TEST_CASE("two identical channels add 3 dB, as the standard sums channel energies") {
    auto stereo = measureLoudness(sine(1000, 0.1, 2.0, 48000, 2));
    REQUIRE(stereo);
    CHECK(stereo->integratedLufs == Approx(-20.0).margin(0.1));
}

TEST_CASE("silence around speech does not lower the figure (absolute and relative gates)") {
    // 10 s of tone: the few 400 ms blocks that straddle the tone's edges are within the gates,
    // as BS.1770 wants, and move the figure by about 0.1 LU only.
    const PcmBuffer tone = sine(1000, 0.1, 10.0, 16000);
    const auto alone = measureLoudness(tone);
    REQUIRE(alone);
    CHECK(alone->integratedLufs == Approx(-23.01).margin(0.1));
    PcmBuffer padded;
    padded.format = tone.format;
    padded.samples.assign(16000 * 5, 0.0f); // 5 s of silence before
    padded.samples.insert(padded.samples.end(), tone.samples.begin(), tone.samples.end());
    padded.samples.insert(padded.samples.end(), 16000 * 5, 0.0f); // and after
    auto m = measureLoudness(padded);
    REQUIRE(m);
    CHECK(m->integratedLufs == Approx(alone->integratedLufs).margin(0.2));
    // Averaged without gates, the same sound would read 10*log10(10/20) = 3 dB lower.
    CHECK(m->integratedLufs > alone->integratedLufs - 0.5);
    // A quiet tail 30 dB down is dropped by the relative gate rather than averaged in
    // (averaged in, 10 s more at -53 LUFS would take about 0.3 LU off).
    PcmBuffer tail = tone;
    const PcmBuffer soft = sine(1000, 0.00316, 10.0, 16000);
    tail.samples.insert(tail.samples.end(), soft.samples.begin(), soft.samples.end());
    auto t = measureLoudness(tail);
    REQUIRE(t);
    CHECK(t->integratedLufs == Approx(alone->integratedLufs).margin(0.2));
}

TEST_CASE("a sound shorter than one block, or silent, has no loudness") {
    CHECK_FALSE(measureLoudness(sine(1000, 0.5, 0.3, 16000)));
    PcmBuffer silent;
    silent.format = {16000, 1};
    silent.samples.assign(32000, 0.0f);
    CHECK_FALSE(measureLoudness(silent));
}
