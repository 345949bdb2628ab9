#include "audio/quiz_audio.hpp"
#include "audio_test_support.hpp"

#include <catch2/catch.hpp>

using namespace repere;
using namespace repere::audio;
using namespace repere::audio::test;

namespace {
quiz::Quiz sampleQuiz() {
    quiz::Quiz q;
    q.defaultLocale = "fr";
    q.packageDir = fixture("").string();
    q.assets.push_back({"snd-instr-fr", quiz::AssetKind::Audio, "tone.ogg", "", {}, ""});
    q.assets.push_back({"snd-instr-en", quiz::AssetKind::Audio, "tone.flac", "", {}, ""});
    q.assets.push_back(
        {"snd-q1", quiz::AssetKind::Audio, "tone.opus", "", {}, "Le bus arrive à 8 heures."});
    q.assets.push_back({"snd-opt-a", quiz::AssetKind::Audio, "tone.wav", "", {}, ""});
    return q;
}

quiz::Item listeningItem() {
    quiz::Item item;
    item.id = "ec-01";
    item.instruction.byLocale = {{"fr", "Écoutez et touchez la bonne image."},
                                 {"en", "Listen and touch the right picture."}};
    item.instructionAudio = {{"fr", "snd-instr-fr"}, {"en", "snd-instr-en"}};
    item.stimulus.audio = "snd-q1";
    item.stimulus.maxPlays = 2;
    return item;
}
} // namespace

TEST_CASE("an instruction is read in the language of its text, with the matching recording") {
    const quiz::Quiz q = sampleQuiz();
    const quiz::Item item = listeningItem();
    SECTION("English exists") {
        const ReadAloud r = instructionReadAloud(q, item, "en");
        CHECK(r.locale == "en");
        CHECK(r.text == "Listen and touch the right picture.");
        CHECK(r.recordedFile == fixture("tone.flac"));
    }
    SECTION("Arabic missing: French text, French voice, French recording") {
        const ReadAloud r = instructionReadAloud(q, item, "ar");
        CHECK(r.locale == "fr");
        CHECK(r.text == "Écoutez et touchez la bonne image.");
        CHECK(r.recordedFile == fixture("tone.ogg"));
    }
    SECTION("text without recording in that language: synthesis") {
        quiz::Item noAudio = item;
        noAudio.instructionAudio.erase("en");
        const ReadAloud r = instructionReadAloud(q, noAudio, "en");
        CHECK(r.locale == "en");
        CHECK(r.recordedFile.empty());
    }
}

TEST_CASE("options: their own audio, else French content text - profile labels follow the locale") {
    const quiz::Quiz q = sampleQuiz();
    quiz::Option content{"a", "pharmacie", {}, "", ""};
    ReadAloud r = optionReadAloud(q, content, "ar");
    CHECK(r.locale == "fr");
    CHECK(r.text == "pharmacie");
    CHECK(r.recordedFile.empty());
    content.audio = "snd-opt-a";
    CHECK(optionReadAloud(q, content, "ar").recordedFile == fixture("tone.wav"));

    quiz::Option profile;
    profile.id = "yes";
    profile.label.byLocale = {{"fr", "Oui"}, {"ar", "نعم"}};
    r = optionReadAloud(q, profile, "ar");
    CHECK(r.locale == "ar");
    CHECK(r.text == "نعم");
}

TEST_CASE("the stimulus file comes from the package folder and plays with its maxPlays") {
    const quiz::Quiz q = sampleQuiz();
    const quiz::Item item = listeningItem();
    CHECK(stimulusFile(q, item) == fixture("tone.opus"));
    quiz::Item none;
    CHECK(stimulusFile(q, none).empty());
    none.stimulus.audio = "unknown-id";
    CHECK(stimulusFile(q, none).empty());

    Rig rig;
    rig.service->onScreenShown(instructionReadAloud(q, item, "fr"));
    CHECK(rig.out->format() == StreamFormat{16000, 1}); // the recorded instruction plays by itself
    rig.service->beginStimulus(stimulusFile(q, item), item.stimulus.maxPlays);
    CHECK(rig.out->running()); // the instruction goes on; the stimulus waits for its button
    CHECK(rig.out->starts() == 1);
    REQUIRE(rig.service->playStimulus()); // the tap cuts the instruction
    CHECK(rig.out->starts() == 2);
    CHECK(rig.out->format() == StreamFormat{16000, 1});
    rig.playThrough();
    CHECK(rig.service->stimulus().plays == 1);
    CHECK(rig.service->stimulus().playsLeft == 1);
}
