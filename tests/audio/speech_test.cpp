#include "audio/espeak_synthesizer.hpp"
#include "audio/speech_cache.hpp"
#include "audio_test_support.hpp"

#include <catch2/catch.hpp>
#include <fstream>

using namespace repere::audio;
using namespace repere::audio::test;
using namespace std::chrono_literals;

TEST_CASE("espeak-ng says a French sentence: audible, of a plausible length") {
    EspeakSynthesizer synth(140);
    const std::string text = "Bonjour. Touchez le bouton vert pour commencer.";
    const SynthResult r = synth.synthesize(text, voiceForLocale("fr"));
    REQUIRE(r.ok());
    CHECK(r.pcm->format.channels == 1);
    CHECK(r.pcm->format.sampleRate == 22050);
    // 7 words at 140 words per minute is 3 s; pauses and slow syllables allowed.
    CHECK(r.pcm->durationS() > 1.5);
    CHECK(r.pcm->durationS() < 6.0);
    CHECK(r.pcm->peak() > 0.1f);
    CHECK(r.pcm->rms() > 0.02);
}

TEST_CASE("a longer text takes longer, and other locales have their voice") {
    EspeakSynthesizer synth;
    const SynthResult shortText = synth.synthesize("Oui.", "fr");
    const SynthResult longText =
        synth.synthesize("Oui. Le bus arrive à huit heures devant la pharmacie.", "fr");
    REQUIRE(shortText.ok());
    REQUIRE(longText.ok());
    CHECK(longText.pcm->durationS() > 2 * shortText.pcm->durationS());
    for (const char* locale : {"en", "ar"}) {
        CAPTURE(locale);
        const SynthResult r = synth.synthesize(locale == std::string("ar") ? "مرحبا" : "Hello",
                                               voiceForLocale(locale));
        REQUIRE(r.ok());
        CHECK(r.pcm->rms() > 0.01);
    }
    const SynthResult none = synth.synthesize("Hello", "no-such-voice");
    CHECK_FALSE(none.ok());
    CHECK_THAT(none.error, Catch::Contains("no voice \"no-such-voice\""));
    CHECK_FALSE(synth.synthesize("", "fr").ok());
}

TEST_CASE("voices follow the locale of the instructions") {
    CHECK(voiceForLocale("fr") == "fr");
    CHECK(voiceForLocale("") == "fr");
    CHECK(voiceForLocale("pt_BR") == "pt-br");
    CHECK(voiceForLocale("AR") == "ar");
}

TEST_CASE("synthesis is cached on disk by text and voice: the second call is a hit") {
    TempDir tmp;
    auto inner = std::make_unique<EspeakSynthesizer>();
    CachedSynthesizer cached(std::move(inner), tmp.path / "tts-cache");
    const std::string text = "Écoutez bien la question.";
    const SynthResult first = cached.synthesize(text, "fr");
    REQUIRE(first.ok());
    CHECK_FALSE(first.fromCache);
    CHECK(std::filesystem::exists(cached.pathFor(text, "fr")));
    const SynthResult second = cached.synthesize(text, "fr");
    REQUIRE(second.ok());
    CHECK(second.fromCache);
    CHECK(cached.hits() == 1);
    CHECK(cached.misses() == 1);
    CHECK(second.pcm->frames() == first.pcm->frames());
    CHECK(second.pcm->rms() == Approx(first.pcm->rms()).margin(0.001));
    // Another voice is another entry.
    CHECK(cached.pathFor(text, "en") != cached.pathFor(text, "fr"));
}

TEST_CASE("a broken cache entry is synthesised again") {
    TempDir tmp;
    auto fake = std::make_unique<FakeSynthesizer>();
    FakeSynthesizer* raw = fake.get();
    CachedSynthesizer cached(std::move(fake), tmp.path);
    REQUIRE(cached.synthesize("abc", "fr").ok());
    std::ofstream(cached.pathFor("abc", "fr"), std::ios::trunc) << "garbage";
    const SynthResult r = cached.synthesize("abc", "fr");
    REQUIRE(r.ok());
    CHECK_FALSE(r.fromCache);
    CHECK(raw->calls == 2);
    CHECK(cached.synthesize("abc", "fr").fromCache);
}

TEST_CASE("speak() synthesises off the UI thread, then plays") {
    Rig rig;
    rig.service->speak("bonjour", "fr");
    CHECK(rig.service->isSpeaking());
    REQUIRE(rig.service->waitForSpeech(5000ms));
    CHECK(rig.out->running());
    CHECK(rig.out->format() == StreamFormat{22050, 1});
    rig.out->pull(100);
    REQUIRE(rig.service->lastStartLatency().has_value());
    rig.playThrough();
    CHECK_FALSE(rig.service->isSpeaking());
    CHECK(rig.out->delivered().size() >= 7 * 2205);
}

TEST_CASE("speech that arrives after the person moved on is dropped") {
    Rig rig;
    rig.synth->hold();
    rig.service->speak("une longue consigne", "fr");
    rig.service->onScreenChanged(); // the screen changes while synthesis runs
    rig.synth->release();
    REQUIRE(rig.service->waitForSpeech(5000ms));
    rig.service->update();
    CHECK_FALSE(rig.out->running());
    CHECK(rig.out->starts() == 0);
    CHECK_FALSE(rig.service->isSpeaking());
}

TEST_CASE("read-aloud prefers the package's recording, falls back to synthesis") {
    Rig rig;
    SECTION("recorded file present") {
        rig.service->readAloud({"Touchez l'image.", "fr", fixture("tone.ogg")});
        CHECK(rig.out->running());
        CHECK(rig.out->format() == StreamFormat{16000, 1});
        REQUIRE(rig.service->waitForSpeech(5000ms));
        CHECK(rig.synth->calls == 0);
    }
    SECTION("recorded file broken") {
        rig.service->readAloud({"Touchez l'image.", "fr", fixture("truncated.ogg")});
        REQUIRE(rig.service->waitForSpeech(5000ms));
        CHECK(rig.synth->calls == 1);
        CHECK(rig.out->format() == StreamFormat{22050, 1});
    }
    SECTION("no voice for the locale: the notice shows") {
        rig.service->readAloud({"???", "xx", {}});
        REQUIRE(rig.service->waitForSpeech(5000ms));
        rig.service->update();
        CHECK(rig.service->unavailable());
        CHECK(rig.service->lastError() == "no voice xx");
    }
}

TEST_CASE("instructions start by themselves when the setting is on, and only then") {
    SECTION("on") {
        Rig rig;
        rig.service->onScreenShown({"", "fr", fixture("tone.wav")});
        CHECK(rig.out->running());
    }
    SECTION("off") {
        AudioSettings s;
        s.autoPlayInstructions = false;
        Rig rig(s);
        rig.service->onScreenShown({"Bonjour", "fr", fixture("tone.wav")});
        REQUIRE(rig.service->waitForSpeech(5000ms));
        CHECK_FALSE(rig.out->running());
        CHECK(rig.synth->calls == 0);
    }
}

TEST_CASE("prepare() synthesises ahead without playing - a tap goes before queued preparation") {
    Rig rig;
    rig.synth->hold();
    rig.service->prepare({"consigne suivante", "fr", {}});
    rig.service->prepare({"encore une", "fr", {}});
    rig.service->prepare({"ignored: has a recording", "fr", fixture("tone.wav")});
    rig.service->speak("maintenant", "fr");
    rig.synth->release();
    REQUIRE(rig.service->waitForSpeech(5000ms));
    CHECK(rig.synth->calls >= 3);  // the first job may have started before speak() was queued
    CHECK(rig.out->starts() == 1); // only the spoken text played
    CHECK(rig.out->format() == StreamFormat{22050, 1});
    rig.out->pull(100);
    CHECK(rig.out->delivered().size() == 100);
}
