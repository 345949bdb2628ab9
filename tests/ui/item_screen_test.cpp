// The item frame and the renderers the kiosk draws itself (choice, profile, info): selection,
// "Valider" only when an answer exists, "Je ne sais pas", pause, sounds as intents.
#include "ui/screens/screens.hpp"
#include "ui_harness.hpp"

#include <catch2/catch.hpp>

using namespace repere;
using repere::test::is;
using repere::test::UiHarness;

namespace {

quiz::Quiz makeQuiz() {
    quiz::Quiz q;
    q.id = "t";
    q.packageDir = "/nonexistent";
    q.assets.push_back(
        {"img-a", quiz::AssetKind::Image, "media/a.png", "", {{{"fr", "Une pharmacie"}}}, ""});
    q.assets.push_back({"snd-q", quiz::AssetKind::Audio, "media/q.ogg", "", {}, "Le bus arrive."});
    return q;
}

quiz::Item choiceItem(bool multiple) {
    quiz::Item it;
    it.id = "c1";
    it.type = quiz::ItemType::Choice;
    it.multiple = multiple;
    it.instruction.byLocale = {{"fr", "Touchez le bon mot."}};
    it.stimulus.text = "PHARMACIE";
    for (auto [id, t] : {std::pair{"a", "pharmacie"}, {"b", "boulangerie"}, {"c", "mairie"}}) {
        quiz::Option o;
        o.id = id;
        o.text = t;
        it.options.push_back(o);
    }
    return it;
}

ui::ItemScreenView viewOf(const quiz::Quiz& q, const quiz::Item& it) {
    ui::ItemScreenView v;
    v.item.quiz = &q;
    v.item.item = &it;
    v.instruction = it.instruction.get("fr");
    v.progress = 0.4f;
    v.allowDontKnow = it.dontKnow;
    return v;
}

} // namespace

TEST_CASE("choice item: Valider waits for a choice, then sends the selected ids") {
    UiHarness h;
    const auto q = makeQuiz();
    const auto it = choiceItem(false);
    auto v = viewOf(q, it);
    ui::items::ItemInteraction s;
    auto draw = [&](ui::UiContext& c) {
        return ui::drawItemScreen(v, s, c);
    };
    h.frame(draw);
    CHECK(h.recorder.showsText("Touchez le bon mot."));
    CHECK(h.recorder.showsText("PHARMACIE"));
    REQUIRE(h.recorder.findById("item:validate"));
    CHECK_FALSE(h.recorder.findById("item:validate")->enabled);
    CHECK(ui::isNone(h.tap("boulangerie", draw)));
    CHECK(ui::isNone(h.tap("pharmacie", draw))); // single choice: replaces
    auto i = h.tap("Valider", draw);
    REQUIRE(is<ui::intent::Answer>(i));
    CHECK(std::get<ui::intent::Answer>(i).answer == nlohmann::json{{"selected", {"a"}}});
    CHECK(is<ui::intent::DontKnow>(h.tap("Je ne sais pas", draw)));
    CHECK(is<ui::intent::Pause>(h.tap("Pause", draw)));
    const auto spoken = h.tap("Écouter", draw);
    REQUIRE(is<ui::intent::ReadAloud>(spoken));
    CHECK(std::get<ui::intent::ReadAloud>(spoken).text == "Touchez le bon mot.");
}

TEST_CASE("choice item: several answers, and a new item starts with nothing selected") {
    UiHarness h;
    const auto q = makeQuiz();
    auto it = choiceItem(true);
    auto v = viewOf(q, it);
    ui::items::ItemInteraction s;
    auto draw = [&](ui::UiContext& c) {
        return ui::drawItemScreen(v, s, c);
    };
    h.tap("pharmacie", draw);
    h.tap("mairie", draw);
    h.tap("pharmacie", draw); // toggles off
    auto i = h.tap("Valider", draw);
    REQUIRE(is<ui::intent::Answer>(i));
    CHECK(std::get<ui::intent::Answer>(i).answer == nlohmann::json{{"selected", {"c"}}});
    auto it2 = choiceItem(false);
    it2.id = "c2";
    v = viewOf(q, it2);
    h.frame(draw);
    CHECK_FALSE(h.recorder.findById("item:validate")->enabled);
    CHECK(s.itemId == "c2");
}

TEST_CASE("item without 'Je ne sais pas' - picture options tap by their description - sound plays "
          "as an intent") {
    UiHarness h;
    const auto q = makeQuiz();
    quiz::Item it;
    it.id = "p1";
    it.type = quiz::ItemType::Choice;
    it.dontKnow = false;
    it.stimulus.audio = "snd-q";
    it.stimulus.maxPlays = 2;
    quiz::Option a;
    a.id = "a";
    a.image = "img-a";
    quiz::Option b;
    b.id = "b";
    b.text = "Autre";
    it.options = {a, b};
    auto v = viewOf(q, it);
    v.item.stimulusPlays = 1;
    ui::items::ItemInteraction s;
    auto draw = [&](ui::UiContext& c) {
        return ui::drawItemScreen(v, s, c);
    };
    h.frame(draw);
    CHECK(h.recorder.findByLabel("Je ne sais pas") == nullptr);
    CHECK(h.recorder.showsText("Encore 1 écoute"));
    CHECK(h.recorder.showsText("Image indisponible")); // the missing file gets a calm placeholder
    const auto play = h.tapId("stimulus:play", draw);
    REQUIRE(is<ui::intent::Item>(play));
    const auto& action = std::get<ui::intent::Item>(play).action;
    REQUIRE(std::holds_alternative<ui::items::PlayAudio>(action));
    CHECK(std::get<ui::items::PlayAudio>(action).assetId == "snd-q");
    CHECK(std::get<ui::items::PlayAudio>(action).stimulus);
    h.tap("Une pharmacie", draw);
    auto i = h.tap("Valider", draw);
    REQUIRE(is<ui::intent::Answer>(i));
    CHECK(std::get<ui::intent::Answer>(i).answer == nlohmann::json{{"selected", {"a"}}});
    v.item.stimulusPlays = 2;
    h.frame(draw);
    CHECK_FALSE(h.recorder.findById("stimulus:play")->enabled);
}

TEST_CASE("profile item shows localised labels - info item continues with an empty answer") {
    UiHarness h;
    const auto q = makeQuiz();
    quiz::Item p;
    p.id = "school";
    p.type = quiz::ItemType::Profile;
    p.variable = "school";
    quiz::Option y;
    y.id = "yes";
    y.label.byLocale = {{"fr", "Oui, je suis allé à l'école"}, {"en", "Yes, I went to school"}};
    p.options = {y};
    auto v = viewOf(q, p);
    v.item.locale = "en";
    ui::items::ItemInteraction s;
    auto draw = [&](ui::UiContext& c) {
        return ui::drawItemScreen(v, s, c);
    };
    auto i = (h.tap("Yes, I went to school", draw), h.tap("Valider", draw));
    REQUIRE(is<ui::intent::Answer>(i));
    CHECK(std::get<ui::intent::Answer>(i).answer == nlohmann::json{{"selected", {"yes"}}});

    quiz::Item info;
    info.id = "i1";
    info.type = quiz::ItemType::Info;
    info.stimulus.text = "Bienvenue dans la partie lecture.";
    v = viewOf(q, info);
    i = h.tap("Continuer", draw);
    REQUIRE(is<ui::intent::Answer>(i));
    CHECK(std::get<ui::intent::Answer>(i).answer == nlohmann::json::object());
}

TEST_CASE("an item type without a renderer is shown calmly and can be skipped") {
    UiHarness h;
    const auto q = makeQuiz();
    quiz::Item it;
    it.id = "x";
    it.type = quiz::ItemType::Hotspot;
    auto v = viewOf(q, it);
    v.item.item = nullptr; // nothing to draw at all
    ui::items::ItemInteraction s;
    auto draw = [&](ui::UiContext& c) {
        return ui::drawItemScreen(v, s, c);
    };
    h.frame(draw);
    CHECK(h.recorder.showsText("ne peut pas s'afficher"));
    CHECK(is<ui::intent::DontKnow>(h.tap("Je ne sais pas", draw)));
}

TEST_CASE(
    "a practice sim is tagged, offers Continuer instead of Je ne sais pas, and counts nothing") {
    UiHarness h;
    const auto q = makeQuiz();
    quiz::Item it;
    it.id = "ent-code";
    it.type = quiz::ItemType::Sim;
    it.scenario = quiz::SimScenario::PhoneUnlock;
    it.practice = true;
    it.simConfig = {{"pin", "1234"}, {"time", "08:30"}};
    it.instruction.byLocale = {{"fr", "Essai. Ouvrez ce téléphone avec le code 1 2 3 4."}};
    auto v = viewOf(q, it);
    v.practice = true;
    v.allowDontKnow = true; // the frame still offers no "Je ne sais pas" on a try
    ui::items::ItemInteraction s;
    auto draw = [&](ui::UiContext& c) {
        return ui::drawItemScreen(v, s, c);
    };
    h.frame(draw);
    CHECK(h.recorder.showsText("Pour s'entraîner"));
    CHECK(h.recorder.findByLabel("Je ne sais pas") == nullptr);
    auto i = h.tap("Continuer", draw);
    REQUIRE(is<ui::intent::Answer>(i));
    CHECK(std::get<ui::intent::Answer>(i).answer["state"] == "practice_left");
}
