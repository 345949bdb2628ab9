#include "audio/decoder.hpp"
#include "audio/recorder.hpp"
#include "audio_test_support.hpp"

#include <catch2/catch.hpp>

using namespace repere::audio;
using namespace repere::audio::test;
using namespace std::chrono_literals;

namespace {
RecorderSettings settings(int maxS, int preRoll = 0) {
    RecorderSettings s;
    s.maxDurationS = maxS;
    s.preRollS = preRoll;
    return s;
}
} // namespace

TEST_CASE("a countdown, then the microphone opens and the meter moves") {
    ManualClock clock;
    FakeInputDevice mic;
    Recorder rec(mic, clock.fn());
    rec.reset(settings(10, 3));
    REQUIRE(rec.start());
    CHECK(rec.state() == RecorderState::Countdown);
    CHECK(rec.countdownLeft() == 3);
    CHECK_FALSE(mic.running());
    clock.advance(1200ms);
    rec.update();
    CHECK(rec.countdownLeft() == 2);
    clock.advance(1800ms);
    rec.update();
    CHECK(rec.state() == RecorderState::Recording);
    CHECK(mic.running());
    CHECK(mic.format() == StreamFormat{48000, 1});

    CHECK(rec.level() == 0.0f);
    REQUIRE(mic.feedTone(1.0, 0.5f)); // -6 dBFS
    CHECK(rec.level() == Approx(0.9).margin(0.02));
    REQUIRE(mic.feedTone(0.5, 0.001f)); // -60 dBFS: near silence
    CHECK(rec.level() < 0.05f);
    CHECK(rec.elapsedS() == Approx(1.5));
    CHECK(rec.secondsLeft() == Approx(8.5));
    rec.stop();
    CHECK_FALSE(mic.running());
    CHECK(rec.state() == RecorderState::Recorded);
    REQUIRE(rec.lastTake());
    CHECK(rec.lastTake()->durationS() == Approx(1.5));
    CHECK(rec.takes() == 1);
}

TEST_CASE("recording stops by itself at the item's maximum length") {
    ManualClock clock;
    FakeInputDevice mic;
    Recorder rec(mic, clock.fn());
    rec.reset(settings(3));
    REQUIRE(rec.start());
    mic.feedTone(5.0, 0.3f); // the person keeps talking
    CHECK(rec.elapsedS() == Approx(3.0));
    CHECK(rec.secondsLeft() == 0.0);
    rec.update();
    CHECK(rec.state() == RecorderState::Recorded);
    CHECK_FALSE(mic.running());
    CHECK(rec.lastTake()->frames() == 3 * 48000);
}

TEST_CASE("one re-record is allowed, not two") {
    ManualClock clock;
    FakeInputDevice mic;
    Recorder rec(mic, clock.fn());
    rec.reset(settings(10));
    REQUIRE(rec.start());
    mic.feedTone(2.0, 0.3f);
    rec.stop();
    CHECK(rec.canReRecord());
    REQUIRE(rec.start()); // re-record
    mic.feedTone(1.0, 0.3f);
    rec.stop();
    CHECK(rec.takes() == 2);
    CHECK(rec.lastTake()->durationS() == Approx(1.0)); // the second take replaces the first
    CHECK_FALSE(rec.canReRecord());
    CHECK_FALSE(rec.start());
    CHECK(rec.state() == RecorderState::Recorded);
}

TEST_CASE("no microphone: the speak item is unavailable") {
    ManualClock clock;
    FakeInputDevice mic;
    Recorder rec(mic, clock.fn());
    rec.reset(settings(10));
    mic.failNextStart = "no default audio input device";
    REQUIRE(rec.start());
    CHECK(rec.state() == RecorderState::Failed);
    CHECK(rec.unavailable());
    CHECK(rec.failure() == "no default audio input device");
    CHECK(rec.takes() == 0);
    // Plugging a microphone in and trying again works and is the first take.
    REQUIRE(rec.start());
    CHECK(rec.state() == RecorderState::Recording);
    CHECK_FALSE(rec.unavailable());
}

TEST_CASE("a microphone that breaks keeps what was said before the break") {
    ManualClock clock;
    FakeInputDevice mic;
    Recorder rec(mic, clock.fn());
    rec.reset(settings(10));
    REQUIRE(rec.start());
    mic.feedTone(2.0, 0.3f);
    mic.breakStream("audio stream broke");
    rec.update();
    CHECK(rec.state() == RecorderState::Recorded);
    CHECK(rec.lastTake()->durationS() == Approx(2.0));
    CHECK(rec.failure() == "audio stream broke");
}

TEST_CASE("the answer is saved compressed in the data folder and referenced from the answer JSON") {
    ManualClock clock;
    FakeInputDevice mic;
    Recorder rec(mic, clock.fn());
    TempDir data;
    rec.reset(settings(10));
    CHECK_FALSE(rec.save(data.path).ok()); // nothing yet
    REQUIRE(rec.start());
    mic.feedTone(2.5, 0.3f);
    rec.stop();
    const SavedRecording saved = rec.save(data.path);
    REQUIRE(saved.ok());
    const std::string relative = saved.answer.at("recording");
    CHECK_THAT(
        relative,
        Catch::Matches(
            "rec/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\\.ogg"));
    CHECK(saved.answer.at("durationS").get<double>() == Approx(2.5));
    CHECK(saved.file == data.path / relative);
    const DecodeResult back = decodeFile(saved.file);
    REQUIRE(back.ok());
    CHECK(back.info.codec == "Opus");
    CHECK(back.info.durationS == Approx(2.5).margin(0.05));
    // Compressed: far smaller than 2.5 s of 16-bit PCM (240 kB).
    CHECK(std::filesystem::file_size(saved.file) < 60000);
    // FLAC when lossless is wanted.
    const SavedRecording flac = rec.save(data.path, Codec::Flac);
    REQUIRE(flac.ok());
    CHECK(flac.file.extension() == ".flac");
}

TEST_CASE("the service records, lets the person listen back, and stops the instruction first") {
    AudioSettings s;
    s.recordPreRollS = 0;
    Rig rig(s);
    REQUIRE(rig.service->playAsset(fixture("tone.wav")));
    rig.service->beginRecording(5);
    CHECK(rig.out->running()); // the instruction goes on while the item opens...
    REQUIRE(rig.service->startRecording());
    CHECK_FALSE(rig.out->running()); // ...and stops before the microphone opens
    rig.in->feedTone(1.0, 0.5f);
    RecordingView v = rig.service->recording();
    CHECK(v.state == RecorderState::Recording);
    CHECK(v.level > 0.8f);
    CHECK(rig.service->level() > 0.8f);
    CHECK(v.secondsLeft == Approx(4.0));
    CHECK_FALSE(v.canListenBack);
    rig.service->stopRecording();
    v = rig.service->recording();
    CHECK(v.canListenBack);
    CHECK(v.canReRecord);
    REQUIRE(rig.service->listenBack());
    CHECK(rig.out->format() == StreamFormat{48000, 1});
    rig.playThrough();
    CHECK(rig.out->delivered().size() >= 48000);
    const SavedRecording saved = rig.service->saveRecording();
    REQUIRE(saved.ok());
    const auto file = rig.dir.path / saved.answer.at("recording").get<std::string>();
    CHECK(std::filesystem::exists(file));
    // The trainer area plays the stored answer back through the same service.
    rig.service->onScreenChanged();
    REQUIRE(rig.service->playAsset(file));
    CHECK(rig.out->format() == StreamFormat{48000, 1});
    CHECK(rig.service->isPlaying());
}

TEST_CASE("the service reports an unavailable microphone") {
    Rig rig;
    rig.service->beginRecording(5);
    rig.in->failNextStart = "no default audio input device";
    REQUIRE(rig.service->startRecording());
    CHECK(rig.service->recording().countdown == 3); // the default pre-roll
    rig.clock.advance(std::chrono::seconds(3));
    rig.service->update();
    CHECK(rig.service->recording().unavailable);
    CHECK(rig.service->unavailable());
}
