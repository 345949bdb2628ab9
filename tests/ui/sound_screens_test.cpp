// Sound on the screens, without a window: the big replay button of a listening item and its
// plays left, speaker buttons on every text option, "Son indisponible" (item and top bar), the
// sound check screen, and the text a screen gives to be read aloud when it opens.
#include "ui/screens/screens.hpp"
#include "ui_harness.hpp"

#include <catch2/catch.hpp>

using namespace repere;
using repere::test::is;
using repere::test::UiHarness;
namespace It = ui::items;

namespace {

struct ListeningFixture {
    quiz::Quiz quiz;
    quiz::Item item;
    ui::ItemScreenView view;
    It::ItemInteraction scratch;
    UiHarness h;
    explicit ListeningFixture(ImVec2 size = {1920, 1080}) : h(size) {
        quiz.id = "t";
        quiz.packageDir = "/nonexistent";
        item.id = "eco";
        item.type = quiz::ItemType::Choice;
        item.stimulus.audio = "snd";
        item.stimulus.maxPlays = 2;
        for (const char* id : {"a", "b"}) {
            quiz::Option o;
            o.id = id;
            o.text = std::string("réponse ") + id;
            item.options.push_back(o);
        }
        view.item.quiz = &quiz;
        view.item.item = &item;
        view.instruction = "Écoutez. Choisissez la bonne réponse.";
    }
    ui::Intent draw(ui::UiContext& c) { return ui::drawItemScreen(view, scratch, c); }
    ui::Intent frame() {
        return h.frame([&](ui::UiContext& c) { return draw(c); });
    }
    ui::Intent tap(const std::string& label) {
        return h.tap(label, [&](ui::UiContext& c) { return draw(c); });
    }
    ui::Intent tapId(const std::string& id) {
        return h.tapId(id, [&](ui::UiContext& c) { return draw(c); });
    }
    template <class T> const T* itemIntent(const ui::Intent& i) {
        const auto* w = std::get_if<ui::intent::Item>(&i);
        return w ? std::get_if<T>(&w->action) : nullptr;
    }
};

} // namespace

TEST_CASE("the listening button plays the stimulus and shows the listens left") {
    ListeningFixture f;
    f.frame();
    CHECK(f.h.recorder.showsText("Encore 2 écoutes"));
    const auto played = f.tap("Écouter le message");
    const auto* p = f.itemIntent<It::PlayAudio>(played);
    REQUIRE(p);
    CHECK(p->stimulus);
    CHECK(p->assetId == "snd");

    f.view.item.stimulusPlays = 1;
    f.frame();
    CHECK(f.h.recorder.showsText("Encore 1 écoute"));
    CHECK(f.h.recorder.findByLabel("Réécouter"));

    // While it plays the button waits (one sound at a time, no double charge).
    f.view.item.stimulusPlaying = true;
    f.frame();
    const auto* playing = f.h.recorder.findById("stimulus:play");
    REQUIRE(playing);
    CHECK_FALSE(playing->enabled);
    CHECK(playing->label == "Écoute en cours…");

    f.view.item.stimulusPlaying = false;
    f.view.item.stimulusPlays = 2;
    f.frame();
    CHECK(f.h.recorder.showsText("Plus d'écoute possible"));
    CHECK_FALSE(f.h.recorder.findById("stimulus:play")->enabled);
    CHECK_THROWS(f.tap("Réécouter")); // disabled: a tap does nothing
}

TEST_CASE(
    "a listening item that cannot be heard greys its button and is passed with Je ne sais pas") {
    ListeningFixture f;
    f.frame();
    CHECK_FALSE(f.h.recorder.showsText("Le son ne marche pas sur cette borne."));
    f.view.allowDontKnow = true; // the controller opens the way on when nothing can be heard
    f.view.item.stimulusUnavailable = true;
    f.frame();
    CHECK(f.h.recorder.showsText("Le son ne marche pas sur cette borne."));
    // The button says so and is greyed: a tap on it asks for nothing.
    const auto* play = f.h.recorder.findById("stimulus:play");
    REQUIRE(play);
    CHECK_FALSE(play->enabled);
    CHECK(play->label == "Pas de son");
    CHECK_FALSE(f.h.recorder.findByLabel("Écouter le message"));
    CHECK_FALSE(f.h.recorder.showsText("Encore 2 écoutes")); // listens left would promise a sound
    const auto tapped = f.h.tapAt(play->rect.center(), [&](ui::UiContext& c) { return f.draw(c); });
    CHECK(ui::isNone(tapped));
    // The way on: "Je ne sais pas" (stored as "unavailable" by the controller).
    const auto passed = f.tap("Je ne sais pas");
    CHECK(std::holds_alternative<ui::intent::DontKnow>(passed));
}

TEST_CASE("without sound the play button and its line are in English for English instructions") {
    ListeningFixture f;
    f.h.locale = "en";
    f.view.item.stimulusUnavailable = true;
    f.frame();
    CHECK(f.h.recorder.showsText("The sound does not work on this kiosk."));
    REQUIRE(f.h.recorder.findById("stimulus:play"));
    CHECK(f.h.recorder.findById("stimulus:play")->label == "No sound");
}

TEST_CASE("without any sound the speakers are greyed or left out and tapping them asks nothing") {
    ListeningFixture f;
    f.frame();
    REQUIRE(f.h.recorder.findById("option:a:speak"));
    REQUIRE(f.h.recorder.findById("speaker")->enabled);
    const float wordW = f.h.recorder.findById("option:a")->rect.w();

    f.h.soundOff = true;
    f.frame();
    const auto* speaker = f.h.recorder.findById("speaker");
    REQUIRE(speaker);
    CHECK_FALSE(speaker->enabled);
    CHECK(
        ui::isNone(f.h.tapAt(speaker->rect.center(), [&](ui::UiContext& c) { return f.draw(c); })));
    // No speaker beside the options: the word takes the whole tile and still chooses.
    CHECK_FALSE(f.h.recorder.findById("option:a:speak"));
    CHECK(f.h.recorder.findById("option:a")->rect.w() > wordW);
    f.tap("réponse a");
    CHECK(f.scratch.ready);
}

TEST_CASE("every text option has its own speaker button") {
    ListeningFixture f;
    for (const char* id : {"a", "b"}) {
        const auto tapped = f.tapId(std::string("option:") + id + ":speak");
        const auto* r = f.itemIntent<It::ReadOption>(tapped);
        REQUIRE(r);
        CHECK(r->optionId == id);
    }
    // The speaker does not select the option; the word does.
    CHECK(f.scratch.selected.empty());
    f.tap("réponse b");
    CHECK_FALSE(f.scratch.answer.is_null());
    // Large enough to touch: at least 72 px at 1080p.
    const auto* w = f.h.recorder.findById("option:a:speak");
    REQUIRE(w);
    CHECK(w->rect.h() >= 72);
    CHECK(w->rect.w() >= 72);
}

TEST_CASE("words with their own recording are word rows whose speaker reads that recording, "
          "a sound alone stays a tile") {
    ListeningFixture f;
    for (auto& o : f.item.options)
        o.audio = "snd-" + o.id; // a listening item's options, recorded (francais ec-18…ec-29)
    f.frame();
    const auto* word = f.h.recorder.findById("option:a");
    REQUIRE(word);
    CHECK(word->label == "réponse a");
    CHECK_FALSE(f.h.recorder.findById("option:a:play")); // no sound tile
    // One row per option, the words at full width: wider than tall, one under the other.
    CHECK(word->rect.w() > 4 * word->rect.h());
    CHECK(f.h.recorder.findById("option:b")->rect.min.y > word->rect.max.y);
    const auto tapped = f.tapId("option:b:speak");
    const auto* r = f.itemIntent<It::ReadOption>(tapped);
    REQUIRE(r);
    CHECK(r->optionId == "b"); // ReadOption plays the option's recording when it has one
    CHECK(f.scratch.selected.empty());

    // Sounds that are the answers themselves (no words): tiles with a play button each.
    for (auto& o : f.item.options)
        o.text.clear();
    It::ItemInteraction fresh;
    f.scratch = std::move(fresh);
    f.frame();
    REQUIRE(f.h.recorder.findById("option:a:play"));
    CHECK_FALSE(f.h.recorder.findById("option:a:speak"));
}

TEST_CASE("the item screen gives its instruction to be read aloud when it opens") {
    ListeningFixture f;
    f.frame();
    CHECK(f.h.recorder.readAloudText() == "Écoutez. Choisissez la bonne réponse.");
}

TEST_CASE("sound check: Oui and Non answer, Réécouter plays the music again") {
    UiHarness h;
    ui::SoundCheckView v;
    auto draw = [&](ui::UiContext& c) {
        return ui::drawSoundCheck(v, c);
    };
    h.frame(draw);
    CHECK(h.recorder.showsText("Entendez-vous la musique ?"));
    const auto yes = h.tap("Oui", draw);
    REQUIRE(is<ui::intent::SoundCheckAnswer>(yes));
    CHECK(std::get<ui::intent::SoundCheckAnswer>(yes).heard);
    const auto no = h.tap("Non", draw);
    REQUIRE(is<ui::intent::SoundCheckAnswer>(no));
    CHECK_FALSE(std::get<ui::intent::SoundCheckAnswer>(no).heard);
    CHECK(is<ui::intent::SoundCheckReplay>(h.tap("Réécouter la musique", draw)));
    v.playing = true;
    h.frame(draw);
    CHECK_FALSE(h.recorder.findById("soundcheck:again")->enabled);
    CHECK_FALSE(h.recorder.showsText("Son indisponible"));
    v.unavailable = true;
    h.frame(draw);
    CHECK(h.recorder.showsText("Son indisponible"));
}

TEST_CASE("the Son indisponible notice sits in the top bar and leaves the speaker free") {
    for (ImVec2 size :
         {ImVec2{1920, 1080}, ImVec2{1280, 800}, ImVec2{1024, 600}, ImVec2{1080, 1920}}) {
        UiHarness h(size);
        auto draw = [&](ui::UiContext& c) {
            const auto i = ui::drawWelcome({}, c);
            ui::drawSoundNotice(c);
            return i;
        };
        h.frame(draw);
        CHECK(h.recorder.showsText("Son indisponible"));
        const auto* speaker = h.recorder.findById("speaker");
        REQUIRE(speaker);
        for (const auto& t : h.recorder.texts())
            if (t.text == "Son indisponible") {
                CHECK(t.rect.max.x <= speaker->rect.min.x);
                CHECK(t.rect.min.x >= 0);
            }
        // The welcome screen still works under the notice.
        CHECK(is<ui::intent::Start>(h.tap("Commencer", draw)));
    }
}

TEST_CASE("a reading item (readAloud instructionOnly) offers no speaker on its written answers") {
    // Issue 16: "Touchez le numéro 93" with "quatre-vingt-treize" a tap away tested listening.
    ListeningFixture f;
    f.item.stimulus = {};
    f.item.stimulus.text = "93";
    f.item.readAloud = quiz::ReadAloud::InstructionOnly;
    f.frame();
    CHECK_FALSE(f.h.recorder.findById("option:a:speak"));
    CHECK_FALSE(f.h.recorder.findById("option:b:speak"));
    // The instruction keeps its speaker, and the words still choose.
    REQUIRE(f.h.recorder.findById("speaker"));
    CHECK(f.h.recorder.findById("speaker")->enabled);
    f.tap("réponse b");
    CHECK(f.scratch.ready);
    // The same item with readAloud "all" (the default) has them.
    f.item.readAloud = quiz::ReadAloud::All;
    f.frame();
    CHECK(f.h.recorder.findById("option:a:speak"));
}
