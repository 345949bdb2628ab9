#include "audio/decoder.hpp"
#include "audio/portaudio_devices.hpp"
#include "audio_test_support.hpp"

#include <catch2/catch.hpp>

using namespace repere::audio;
using namespace repere::audio::test;

TEST_CASE("the committed sound-check music is a short audible sound") {
    const DecodeResult r = decodeFile(asset("sounds/sound-check.ogg"));
    REQUIRE(r.ok());
    CHECK(r.info.durationS > 1.5);
    CHECK(r.info.durationS < 6.0);
    CHECK(r.pcm->peak() > 0.3f);
}

TEST_CASE("sound check: Oui passes") {
    Rig rig;
    rig.service->startSoundCheck(asset("sounds/sound-check.ogg"));
    CHECK(rig.service->soundCheck() == SoundCheckState::Asking);
    CHECK(rig.out->running());
    rig.service->answerSoundCheck(true);
    CHECK(rig.service->soundCheck() == SoundCheckState::Heard);
    CHECK_FALSE(rig.out->running());
    CHECK_FALSE(rig.service->unavailable());
}

TEST_CASE("sound check: Non plays the music again, a second Non means sound is unavailable") {
    Rig rig;
    rig.service->startSoundCheck(asset("sounds/sound-check.ogg"));
    rig.playThrough();
    rig.service->answerSoundCheck(false);
    CHECK(rig.service->soundCheck() == SoundCheckState::Asking);
    CHECK(rig.out->starts() == 2);
    CHECK(rig.out->running());
    rig.service->answerSoundCheck(false);
    CHECK(rig.service->soundCheck() == SoundCheckState::NotHeard);
    CHECK(rig.service->unavailable());
    // Listening items of this session are stored as unavailable, not wrong.
    rig.service->beginStimulus(fixture("tone.ogg"), 2);
    CHECK(rig.service->stimulus().unavailable);
}

TEST_CASE("sound check: a failing device ends it as not heard") {
    Rig rig;
    rig.out->failNextStart = "no default audio output device";
    rig.service->startSoundCheck(asset("sounds/sound-check.ogg"));
    CHECK(rig.service->soundCheck() == SoundCheckState::NotHeard);
    CHECK(rig.service->unavailable());
}

TEST_CASE("SoundCheck rules on their own") {
    SoundCheck c(2);
    CHECK_FALSE(c.answer(true)); // not started: ignored
    CHECK(c.state() == SoundCheckState::NotStarted);
    c.begin();
    CHECK(c.answer(false));
    CHECK(c.tries() == 2);
    CHECK_FALSE(c.answer(false));
    CHECK(c.state() == SoundCheckState::NotHeard);
    CHECK(c.finished());
}

TEST_CASE("without a sound card the real service starts and degrades to unavailable") {
    TempDir tmp;
    AudioSettings s;
    s.dataDir = tmp.path;
    auto service = AudioService::createDefault(s);
    REQUIRE(service);
    PortAudioOutput probe;
    // With no usable output device the notice shows before any tap.
    CHECK(service->unavailable() == !probe.probe().empty());
    const bool played = service->playAsset(fixture("tone.wav"));
    if (!played) {
        // CI: no device. The kiosk keeps going and shows the notice.
        CHECK(service->unavailable());
        CHECK_FALSE(service->lastError().empty());
    }
    service->stopAll();
    service->update();
}
