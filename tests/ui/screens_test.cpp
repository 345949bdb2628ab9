// Screen tests: each screen of the beneficiary journey drawn in a real ImGui context, tapped
// through the rectangles its widgets record, asserting the intents it returns.
#include "i18n/strings.hpp"
#include "ui/screens/screens.hpp"
#include "ui_harness.hpp"

#include <catch2/catch.hpp>

using namespace repere;
using repere::test::is;
using repere::test::UiHarness;

TEST_CASE("welcome: Commencer starts, J'ai déjà commencé opens resume, speaker reads it") {
    UiHarness h;
    REQUIRE(h.fontsOk);
    auto draw = [](ui::UiContext& c) {
        return ui::drawWelcome({}, c);
    };
    CHECK(is<ui::intent::Start>(h.tap("Commencer", draw)));
    CHECK(is<ui::intent::OpenResume>(h.tap("J'ai déjà commencé", draw)));
    const auto spoken = h.tap("Écouter", draw);
    REQUIRE(is<ui::intent::ReadAloud>(spoken));
    CHECK(std::get<ui::intent::ReadAloud>(spoken).text.find("Bienvenue") != std::string::npos);
    // A frame without a tap asks for nothing.
    CHECK(ui::isNone(h.frame(draw)));
}

TEST_CASE("a finger that drags away from a button does not press it") {
    UiHarness h;
    auto draw = [](ui::UiContext& c) {
        return ui::drawWelcome({}, c);
    };
    h.frame(draw);
    const auto start = h.recorder.findByLabel("Commencer")->rect;
    h.finger(start.center(), false);
    CHECK(ui::isNone(h.frame(draw)));
    h.finger(start.center(), true);
    CHECK(ui::isNone(h.frame(draw)));
    // slides 200 px (a scroll gesture) and comes back onto the button before lifting
    h.finger({start.center().x + 200, start.center().y}, true);
    CHECK(ui::isNone(h.frame(draw)));
    h.finger(start.center(), true);
    CHECK(ui::isNone(h.frame(draw)));
    h.finger(start.center(), false);
    CHECK(ui::isNone(h.frame(draw)));
    // and a plain tap still works afterwards
    CHECK(is<ui::intent::Start>(h.tap("Commencer", draw)));
}

TEST_CASE("language: each language is offered in its own words and chosen by a tap") {
    UiHarness h;
    ui::LanguageView v{{"fr", "en"}, "fr"};
    auto draw = [&](ui::UiContext& c) {
        return ui::drawLanguage(v, c);
    };
    const auto i = h.tap("English", draw);
    REQUIRE(is<ui::intent::ChooseLanguage>(i));
    CHECK(std::get<ui::intent::ChooseLanguage>(i).locale == "en");
    CHECK(is<ui::intent::Back>(h.tap("Retour", draw)));
    // The same screen in English: UI words come from the strings table.
    h.locale = "en";
    h.frame(draw);
    CHECK(h.recorder.showsText("In which language"));
    CHECK(h.recorder.findByLabel("Français") != nullptr);
}

TEST_CASE("consent: D'accord accepts, Non merci declines") {
    UiHarness h;
    auto draw = [](ui::UiContext& c) {
        return ui::drawConsent({}, c);
    };
    CHECK(is<ui::intent::AcceptConsent>(h.tap("D'accord", draw)));
    CHECK(is<ui::intent::DeclineConsent>(h.tap("Non merci", draw)));
    h.frame(draw);
    CHECK(h.recorder.showsText("Elles restent à l'agence"));
}

TEST_CASE("code entry: keypad types, Valider only when complete, no-code path") {
    UiHarness h;
    ui::CodeView v;
    v.alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    v.codeLength = 7;
    ui::EntryScratch s;
    auto draw = [&](ui::UiContext& c) {
        return ui::drawCode(v, s, c);
    };
    h.frame(draw);
    REQUIRE(h.recorder.findById("code:ok"));
    CHECK_FALSE(h.recorder.findById("code:ok")->enabled);
    for (const char* k : {"A", "B", "C", "2", "3", "4"})
        CHECK(ui::isNone(h.tap(k, draw)));
    CHECK(s.code == "ABC234");
    CHECK(h.recorder.showsText("ABC-234"));
    CHECK(ui::isNone(h.tap("Effacer", draw)));
    CHECK(s.code == "ABC23");
    // Physical keyboard: lower case becomes capitals, symbols outside the alphabet are ignored.
    h.type("4x0o1");
    h.frame(draw);
    CHECK(s.code == "ABC234X");
    h.frame(draw);
    CHECK(h.recorder.findById("code:ok")->enabled);
    const auto i = h.tap("Valider", draw);
    REQUIRE(is<ui::intent::SubmitCode>(i));
    CHECK(std::get<ui::intent::SubmitCode>(i).code == "ABC234X");
    CHECK(is<ui::intent::NoCode>(h.tap("Je n'ai pas de code", draw)));
    // A message from the controller is shown calmly under the field.
    v.messageKey = "code.unknown";
    h.frame(draw);
    CHECK(h.recorder.showsText("Ce code n'est pas connu"));
}

TEST_CASE("resume by code: no 'no code' button, Valider asks to resume") {
    UiHarness h;
    ui::CodeView v;
    v.purpose = ui::CodePurpose::Resume;
    v.alphabet = "0123456789";
    v.codeLength = 3;
    ui::EntryScratch s;
    auto draw = [&](ui::UiContext& c) {
        return ui::drawCode(v, s, c);
    };
    h.frame(draw);
    CHECK(h.recorder.findByLabel("Je n'ai pas de code") == nullptr);
    h.type("123");
    h.frame(draw);
    const auto i = h.tap("Valider", draw);
    REQUIRE(is<ui::intent::ResumeCode>(i));
    CHECK(std::get<ui::intent::ResumeCode>(i).code == "123");
}

TEST_CASE("diagnostic choice: two big cards, or the assigned one") {
    UiHarness h;
    ui::QuizChoiceView v;
    v.cards = {{"numerique", "Numérique", "Ordinateur", ui::QuizKind::Digital},
               {"francais", "Français", "Langue", ui::QuizKind::French}};
    auto draw = [&](ui::UiContext& c) {
        return ui::drawQuizChoice(v, c);
    };
    auto i = h.tap("Français", draw);
    REQUIRE(is<ui::intent::ChooseQuiz>(i));
    CHECK(std::get<ui::intent::ChooseQuiz>(i).quizId == "francais");
    const auto card = h.recorder.findById("quiz:numerique")->rect;
    CHECK(card.h() >= 300); // a card, not a button
    v.assigned = v.cards[0];
    i = h.tap("Commencer", draw);
    REQUIRE(is<ui::intent::ChooseQuiz>(i));
    CHECK(std::get<ui::intent::ChooseQuiz>(i).quizId == "numerique");
    CHECK(h.recorder.findById("quiz:francais") == nullptr);
    v = {};
    h.frame(draw);
    CHECK(h.recorder.showsText("Aucun diagnostic"));
}

TEST_CASE("pause and inactivity screens") {
    UiHarness h;
    ui::PauseView p{"ABC-2345"};
    auto drawP = [&](ui::UiContext& c) {
        return ui::drawPause(p, c);
    };
    h.frame(drawP);
    CHECK(h.recorder.showsText("A B C - 2 3 4 5"));
    CHECK(is<ui::intent::ContinueAfterPause>(h.tap("Reprendre", drawP)));
    CHECK(is<ui::intent::StopForToday>(h.tap("Arrêter pour aujourd'hui", drawP)));
    auto drawQ = [](ui::UiContext& c) {
        return ui::drawStillHere({30}, c);
    };
    h.frame(drawQ);
    CHECK(h.recorder.showsText("Vous êtes toujours là ?"));
    const auto yes = h.recorder.findByLabel("Oui");
    REQUIRE(yes);
    CHECK(yes->rect.h() >= 140); // a big "Oui"
    CHECK(is<ui::intent::StillHere>(h.tap("Oui", drawQ)));
}

TEST_CASE("result: strengths first as staircases, next step, Terminer") {
    UiHarness h;
    ui::ResultView v;
    v.strengths = {{"Écouter", 3, 5, "A1", "Je comprends une annonce simple."}};
    v.toWork = {{"Écrire", 0, 5, "Pré-A1", "J'écris mon nom."}};
    auto draw = [&](ui::UiContext& c) {
        return ui::drawResult(v, c);
    };
    h.frame(draw);
    const auto& texts = h.recorder.texts();
    auto posOf = [&](const std::string& t) {
        for (const auto& r : texts)
            if (r.text.find(t) != std::string::npos)
                return r.rect.min.y;
        return -1.f;
    };
    REQUIRE(posOf("Ce que vous savez déjà bien faire") >= 0);
    REQUIRE(posOf("Ce que vous pouvez encore apprendre") >= 0);
    CHECK(posOf("Ce que vous savez déjà bien faire") <
          posOf("Ce que vous pouvez encore apprendre"));
    CHECK(posOf("Écouter") < posOf("Écrire"));
    CHECK(h.recorder.showsText("Marche 4 sur 5"));
    CHECK(h.recorder.showsText("La suite"));
    CHECK(is<ui::intent::FinishResult>(h.tap("Terminer", draw)));
}

TEST_CASE("goodbye shows the code only when given - errors offer home and retry") {
    UiHarness h;
    ui::GoodbyeView g{"ABC-2345"};
    auto drawG = [&](ui::UiContext& c) {
        return ui::drawGoodbye(g, c);
    };
    h.frame(drawG);
    CHECK(h.recorder.showsText("A B C - 2 3 4 5"));
    CHECK(is<ui::intent::GoodbyeDone>(h.tap("Terminer", drawG)));
    g.code.clear();
    h.frame(drawG);
    CHECK_FALSE(h.recorder.showsText("Gardez bien votre code"));

    ui::ErrorView e{"error.save", true};
    auto drawE = [&](ui::UiContext& c) {
        return ui::drawError(e, c);
    };
    h.frame(drawE);
    CHECK(h.recorder.showsText("n'a pas pu être enregistrée"));
    CHECK(is<ui::intent::ErrorRetry>(h.tap("Réessayer", drawE)));
    CHECK(is<ui::intent::ErrorHome>(h.tap("Retour à l'accueil", drawE)));
}

TEST_CASE("every screen keeps touch targets big and the speaker in the same corner") {
    for (ImVec2 size : {ImVec2{1920, 1080}, ImVec2{1024, 600}, ImVec2{1080, 1920}}) {
        UiHarness h(size);
        const float minTarget = 72.f * h.theme().scale;
        ui::EntryScratch s;
        ui::CodeView cv;
        cv.alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        ui::ResultView rv;
        rv.strengths = {{"Lire", 1, 4, "A1", "Je lis un panneau."}};
        std::vector<UiHarness::DrawFn> screens = {
            [](ui::UiContext& c) { return ui::drawWelcome({}, c); },
            [](ui::UiContext& c) {
                return ui::drawLanguage({{"fr", "en"}, "fr"}, c);
            },
            [](ui::UiContext& c) { return ui::drawConsent({}, c); },
            [&](ui::UiContext& c) { return ui::drawCode(cv, s, c); },
            [](ui::UiContext& c) {
                return ui::drawQuizChoice({{{"a", "Numérique", "x", ui::QuizKind::Digital}}, {}},
                                          c);
            },
            [](ui::UiContext& c) { return ui::drawPause({"ABC-2345"}, c); },
            [](ui::UiContext& c) { return ui::drawStillHere({30}, c); },
            [&](ui::UiContext& c) { return ui::drawResult(rv, c); },
            [](ui::UiContext& c) { return ui::drawGoodbye({"ABC-2345"}, c); },
            [](ui::UiContext& c) {
                return ui::drawError({"error.start", true}, c);
            },
        };
        std::optional<ui::Rect> speaker;
        for (const auto& draw : screens) {
            h.frame(draw);
            const auto* sp = h.recorder.findById("speaker");
            REQUIRE(sp);
            if (!speaker)
                speaker = sp->rect;
            CHECK(sp->rect.min.x == speaker->min.x);
            CHECK(sp->rect.min.y == speaker->min.y);
            for (const auto& w : h.recorder.widgets()) {
                INFO(w.id << " at " << size.x << "x" << size.y);
                CHECK(w.rect.h() >= minTarget - 0.5f);
                // nothing leaves the screen
                CHECK(w.rect.min.x >= 0);
                CHECK(w.rect.max.x <= size.x + 0.5f);
                CHECK(w.rect.max.y <= size.y + 0.5f);
            }
        }
    }
}
