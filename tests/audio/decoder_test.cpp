#include "audio/decoder.hpp"
#include "audio/encoder.hpp"
#include "audio_test_support.hpp"

#include <catch2/catch.hpp>
#include <fstream>

using namespace repere::audio;
using namespace repere::audio::test;

TEST_CASE("each committed format decodes to the 440 Hz tone it holds") {
    const auto [name, container, codec] = GENERATE(table<std::string, std::string, std::string>({
        {"tone.wav", "WAV", "PCM 16-bit"},
        {"tone.flac", "FLAC", "PCM 16-bit"},
        {"tone.ogg", "Ogg", "Vorbis"},
        {"tone.opus", "Ogg", "Opus"},
    }));
    CAPTURE(name);
    const DecodeResult r = decodeFile(fixture(name));
    REQUIRE(r.ok());
    CHECK(r.error.empty());
    CHECK(r.info.container == container);
    CHECK(r.info.codec == codec);
    CHECK(r.pcm->format.channels == 1);
    CHECK(r.info.durationS == Approx(0.5).margin(0.02));
    // A 0.5 amplitude sine: RMS 0.35; 440 Hz over 0.5 s crosses zero about 440 times.
    CHECK(r.pcm->rms() == Approx(0.354).margin(0.04));
    CHECK(zeroCrossings(*r.pcm) == Approx(440).margin(20));
}

TEST_CASE("a stereo 44.1 kHz file keeps its own format") {
    const DecodeResult r = decodeFile(fixture("stereo-44k.wav"));
    REQUIRE(r.ok());
    CHECK(r.pcm->format == StreamFormat{44100, 2});
    CHECK(r.pcm->frames() == 11025);
    CHECK(r.info.describe() == "WAV/PCM 16-bit, 44100 Hz, stereo, 0.25 s");
}

TEST_CASE("broken or missing files give a clear error naming the file") {
    SECTION("truncated Ogg") {
        const DecodeResult r = decodeFile(fixture("truncated.ogg"));
        CHECK_FALSE(r.ok());
        CHECK_THAT(r.error, Catch::Contains("truncated.ogg") && Catch::Contains("malformed"));
    }
    SECTION("text named .wav") {
        const DecodeResult r = decodeFile(fixture("not-audio.wav"));
        CHECK_FALSE(r.ok());
        CHECK_THAT(r.error, Catch::Contains("not-audio.wav: not a readable audio file"));
    }
    SECTION("missing") {
        const DecodeResult r = decodeFile(fixture("nope.ogg"));
        CHECK_FALSE(r.ok());
        CHECK_THAT(r.error, Catch::EndsWith("nope.ogg: file not found"));
    }
    SECTION("a folder") {
        const DecodeResult r = decodeFile(fixture(""));
        CHECK_FALSE(r.ok());
        CHECK_THAT(r.error, Catch::Contains("is a folder"));
    }
    SECTION("a WAV cut in the middle of its data") {
        TempDir tmp;
        std::ifstream in(fixture("tone.wav"), std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const auto cut = tmp.path / "cut.wav";
        std::ofstream(cut, std::ios::binary)
            .write(bytes.data(), static_cast<std::streamsize>(bytes.size() / 2));
        const DecodeResult r = decodeFile(cut);
        CHECK_FALSE(r.ok());
        CHECK_THAT(r.error, Catch::Contains("cut.wav: truncated (data : 16000 (should be"));
    }
}

TEST_CASE("encoding then decoding keeps the sound, in every codec") {
    TempDir tmp;
    PcmBuffer pcm;
    pcm.format = {48000, 1};
    const DecodeResult tone = decodeFile(fixture("tone.wav"));
    REQUIRE(tone.ok());
    // Upsample the 16 kHz tone by repetition: enough for a round trip check.
    for (float s : tone.pcm->samples) {
        pcm.samples.insert(pcm.samples.end(), {s, s, s});
    }
    const auto [codec, file] = GENERATE(table<Codec, std::string>({{Codec::Wav16, "x.wav"},
                                                                   {Codec::Flac, "x.flac"},
                                                                   {Codec::OggVorbis, "x.ogg"},
                                                                   {Codec::OggOpus, "x.opus"}}));
    CAPTURE(file);
    REQUIRE(writeAudioFile(tmp.path / "sub" / file, pcm, codec).empty());
    CHECK_FALSE(std::filesystem::exists(tmp.path / "sub" / (file + ".part")));
    const DecodeResult back = decodeFile(tmp.path / "sub" / file);
    REQUIRE(back.ok());
    CHECK(back.info.durationS == Approx(0.5).margin(0.03));
    CHECK(back.pcm->rms() == Approx(0.354).margin(0.05));
}

TEST_CASE("writing refuses what it cannot do, with the reason") {
    TempDir tmp;
    PcmBuffer pcm;
    pcm.format = {44100, 1};
    pcm.samples.assign(4410, 0.1f);
    CHECK_THAT(writeAudioFile(tmp.path / "a.ogg", pcm, Codec::OggOpus),
               Catch::Contains("Opus needs"));
    CHECK_FALSE(std::filesystem::exists(tmp.path / "a.ogg"));
    // A file where a folder should be.
    std::ofstream(tmp.path / "blocker") << "x";
    CHECK_THAT(writeAudioFile(tmp.path / "blocker" / "b.wav", pcm, Codec::Wav16),
               Catch::Contains("cannot create folder"));
}

TEST_CASE("audio extensions are recognised whatever their case") {
    CHECK(isAudioPath("media/q1.OGG"));
    CHECK(isAudioPath("a.opus"));
    CHECK(isAudioPath("a.flac"));
    CHECK(isAudioPath("a.Wav"));
    CHECK_FALSE(isAudioPath("a.png"));
    CHECK_FALSE(isAudioPath("ogg"));
}
