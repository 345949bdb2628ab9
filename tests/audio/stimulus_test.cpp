#include "audio/stimulus.hpp"
#include "audio_test_support.hpp"

#include <catch2/catch.hpp>

using namespace repere::audio;
using namespace repere::audio::test;
using namespace std::chrono_literals;

TEST_CASE("maxPlays is enforced and every play is counted") {
    Rig rig;
    rig.service->beginStimulus(fixture("tone.ogg"), 2);
    StimulusView v = rig.service->stimulus();
    CHECK(v.active);
    CHECK(v.plays == 0);
    CHECK(v.playsLeft == 2);
    CHECK(v.canPlay);

    REQUIRE(rig.service->playStimulus());
    CHECK(rig.service->stimulus().playing);
    rig.playThrough();
    v = rig.service->stimulus();
    CHECK(v.plays == 1);
    CHECK(v.heard);
    CHECK_FALSE(v.playing);

    // Replay cut short by the person (tapping replay again) still counts: it was theirs.
    REQUIRE(rig.service->playStimulus());
    rig.out->pull(480);
    v = rig.service->stimulus();
    CHECK(v.plays == 2);
    CHECK(v.playsLeft == 0);
    CHECK_FALSE(v.canPlay);

    CHECK_FALSE(rig.service->playStimulus()); // the third play is refused
    CHECK(rig.service->stimulus().plays == 2);
    CHECK(rig.out->starts() == 2);
    CHECK_FALSE(rig.service->stimulus().unavailable);
}

TEST_CASE("maxPlays 0 means unlimited") {
    Rig rig;
    rig.service->beginStimulus(fixture("tone.wav"), 0);
    for (int i = 0; i < 5; ++i) {
        REQUIRE(rig.service->playStimulus());
        rig.playThrough();
    }
    CHECK(rig.service->stimulus().plays == 5);
    CHECK(rig.service->stimulus().playsLeft == -1);
    CHECK(rig.service->stimulus().canPlay);
}

TEST_CASE("changing screen stops the sound and ends the listening session") {
    Rig rig;
    rig.service->beginStimulus(fixture("tone.flac"), 3);
    REQUIRE(rig.service->playStimulus());
    rig.out->pull(480);
    CHECK(rig.service->isPlaying());
    rig.service->onScreenChanged();
    CHECK_FALSE(rig.out->running());
    CHECK_FALSE(rig.service->isPlaying());
    CHECK_FALSE(rig.service->stimulus().active);
    CHECK_FALSE(rig.service->playStimulus());
}

TEST_CASE("a sound that cannot be heard makes the item unavailable, and is not charged") {
    Rig rig;
    SECTION("no output device") {
        rig.out->failNextStart = "no default audio output device";
        rig.service->beginStimulus(fixture("tone.ogg"), 2);
        CHECK_FALSE(rig.service->playStimulus());
        const StimulusView v = rig.service->stimulus();
        CHECK(v.unavailable);
        CHECK(v.plays == 0);
        CHECK(v.playsLeft == 2);
        CHECK(rig.service->unavailable());
        CHECK(rig.service->lastError() == "no default audio output device");
    }
    SECTION("the headset breaks during the first play") {
        rig.service->beginStimulus(fixture("tone.ogg"), 2);
        REQUIRE(rig.service->playStimulus());
        rig.out->pull(480);
        rig.out->breakStream("audio stream broke");
        rig.service->update();
        const StimulusView v = rig.service->stimulus();
        CHECK(v.unavailable);
        CHECK(v.plays == 0);
        CHECK(rig.service->unavailable());
    }
    SECTION("the file is missing") {
        rig.service->beginStimulus(fixture("missing.ogg"), 2);
        CHECK_FALSE(rig.service->playStimulus());
        CHECK(rig.service->stimulus().unavailable);
        CHECK_THAT(rig.service->lastError(), Catch::Contains("missing.ogg: file not found"));
        CHECK(rig.out->starts() == 0);
    }
    SECTION("the file is corrupt") {
        rig.service->beginStimulus(fixture("truncated.ogg"), 2);
        CHECK_FALSE(rig.service->playStimulus());
        CHECK(rig.service->stimulus().unavailable);
    }
}

TEST_CASE("once heard, a later device failure does not make the item unavailable") {
    Rig rig;
    rig.service->beginStimulus(fixture("tone.ogg"), 3);
    REQUIRE(rig.service->playStimulus());
    rig.playThrough();
    rig.out->failNextStart = "device lost";
    CHECK_FALSE(rig.service->playStimulus());
    const StimulusView v = rig.service->stimulus();
    CHECK(v.heard);
    CHECK_FALSE(v.unavailable);
    CHECK(v.plays == 1);
    CHECK(rig.service->unavailable()); // the notice still shows: sound is broken now
}

TEST_CASE("a device that comes back clears the notice") {
    Rig rig;
    rig.out->failNextStart = "no device";
    CHECK_FALSE(rig.service->playAsset(fixture("tone.wav")));
    CHECK(rig.service->unavailable());
    CHECK(rig.service->playAsset(fixture("tone.wav")));
    CHECK_FALSE(rig.service->unavailable());
}

TEST_CASE("StimulusSession rules on their own") {
    StimulusSession s("x.ogg", 1);
    CHECK(s.canPlay());
    s.playStarted();
    CHECK_FALSE(s.canPlay());
    s.playFailed("broke");
    CHECK(s.canPlay()); // refunded
    CHECK(s.unavailable());
    CHECK(s.mustStoreUnavailable());
    CHECK(StimulusSession::kUnavailableStatus == repere::engine::ResponseStatus::Unavailable);
    s.playStarted();
    s.playCompleted();
    CHECK_FALSE(s.unavailable());
    CHECK(s.plays() == 1);
}

TEST_CASE(
    "a stimulus that reached its end counts as heard even if the screen changes before update()") {
    Rig rig;
    rig.service->beginStimulus(fixture("tone.wav"), 1);
    REQUIRE(rig.service->playStimulus());
    while (rig.out->pull(480)) {
    }
    // No update() between the end of the sound and the next tap.
    rig.service->stopAll();
    const StimulusView v = rig.service->stimulus();
    CHECK(v.heard);
    CHECK(v.plays == 1);
}
