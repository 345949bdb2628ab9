// Trainer screens alone, on hand-made views: the intents they return and what they show.
#include "ui/screens/trainer_screens.hpp"
#include "ui/ui_harness.hpp"

#include <catch2/catch.hpp>
#include <optional>

using namespace repere;

namespace {
// The trainer action of type A carried by an intent (a copy: intents are temporaries).
template <class A> std::optional<A> action(const ui::Intent& i) {
    const auto t = std::get_if<ui::intent::Trainer>(&i);
    const auto a = t ? std::get_if<A>(&t->action) : nullptr;
    return a ? std::optional<A>(*a) : std::nullopt;
}
} // namespace

TEST_CASE("trainer login screen: the name is typed, the PIN hidden, both sent", "[trainer]") {
    test::UiHarness ui;
    ui::TrainerLoginView v{""};
    ui::TrainerLoginScratch s;
    auto draw = [&](ui::UiContext& ctx) {
        return ui::drawTrainerLogin(v, s, ctx);
    };
    ui.frame(draw);
    CHECK(ui.recorder.showsText("Espace formateur"));
    CHECK(ui.recorder.findByLabel("Suivant") == nullptr); // disabled until a name is typed
    ui.tap("M", draw); // on the on-screen keyboard, then the rest from a physical one
    ui.type(". Okafor");
    ui.tap("Suivant", draw);
    CHECK(ui.recorder.findByLabel("Valider") == nullptr); // disabled until 4 digits
    for (const char* d : {"1", "3", "7", "9"})
        ui.tap(d, draw);
    ui.frame(draw);
    CHECK(!ui.recorder.showsText("1379"));
    const auto out = ui.tap("Valider", draw);
    const auto login = action<ui::trainer::Login>(out);
    REQUIRE(login);
    CHECK(login->name == "m. Okafor");
    CHECK(login->pin == "1379");
    CHECK(s.pin.empty());
}

TEST_CASE("trainer home screen: rows open by code and select for export", "[trainer]") {
    test::UiHarness ui;
    ui::TrainerHomeView v;
    v.trainer = "Mme Benali";
    v.heading = "Passations du jour";
    v.rows.push_back({"u1", "ABC-DEFG", "14:05", "Diagnostic de français 1.0.0",
                      "trainer.status.finished", 23, 2, false});
    ui::TrainerHomeScratch s;
    auto draw = [&](ui::UiContext& ctx) {
        return ui::drawTrainerHome(v, s, ctx);
    };
    ui.frame(draw);
    CHECK(ui.recorder.showsText("2 à corriger"));
    CHECK(ui.recorder.showsText("terminée"));
    CHECK(ui.recorder.showsText("23 min"));
    const auto open = action<ui::trainer::OpenAttempt>(ui.tap("ABC-DEFG", draw));
    REQUIRE(open);
    CHECK(open->uuid == "u1");
    const auto pick = action<ui::trainer::ToggleSelect>(ui.tap("Choisir", draw));
    REQUIRE(pick);
    CHECK(pick->uuid == "u1");
    CHECK(action<ui::trainer::Logout>(ui.tap("Se déconnecter", draw)));
}

TEST_CASE("trainer beneficiary screen: chart labels in words and rubric ticks make the score",
          "[trainer]") {
    test::UiHarness ui;
    ui::TrainerBeneficiaryView v;
    v.trainer = "Mme Benali";
    v.code = "ABC-DEFG";
    v.levelTitles = {"Pré-A1 (pas encore lecteur)", "A1.1", "A1", "A2", "B1"};
    v.skills = {{"reading", "Lire", "Je lis un message court : un SMS, un panneau."},
                {"writing", "Écrire", "Je copie des mots."}};
    v.sittings = {{"28/11/2026", {{"reading", 2}, {"writing", 1}}},
                  {"21/11/2026", {{"reading", 1}}}};
    ui::TrainerResponseCard c;
    c.uuid = "r1";
    c.number = 1;
    c.itemId = "red-02";
    c.typeKey = "trainer.type.write";
    c.statusKey = "trainer.rstatus.pending";
    c.answered = "« Bonjour »";
    c.manual = true;
    c.rubric = {{"sens", "Le message est compris", 2}, {"forme", "Les mots sont lisibles", 1}};
    v.responses.push_back(c);
    v.pendingManual = 1;
    v.nextStepChoices = {"Formation numérique", "FLE",           "Alphabétisation",
                         "Remise à niveau",     "Emploi direct", "Autre"};
    ui::TrainerBeneficiaryScratch s;
    auto draw = [&](ui::UiContext& ctx) {
        return ui::drawTrainerBeneficiary(v, s, ctx);
    };
    ui.frame(draw);
    for (const char* word :
         {"Lire", "Écrire", "Pré-A1", "A1.1", "A2", "B1", "21/11/2026 : A1.1", "non évalué"})
        CHECK(ui.recorder.showsText(word));
    // Under the chart, each skill's own can-do line at this sitting's level.
    CHECK(ui.recorder.showsText("Lire (A1) : Je lis un message court : un SMS, un panneau."));
    CHECK(ui.recorder.showsText("Écrire (A1.1) : Je copie des mots."));
    const auto step = action<ui::trainer::SetNextStep>(ui.tap("FLE", draw));
    REQUIRE(step);
    CHECK(step->label == "FLE");
    const auto open = action<ui::trainer::OpenScoring>(ui.tap("Corriger : Écrit red-02", draw));
    REQUIRE(open);
    v.scoring = "r1";
    ui.tap("Le message est compris (2)", draw);
    const auto score = action<ui::trainer::Score>(ui.tap("Enregistrer la note : 2 / 3", draw));
    REQUIRE(score);
    CHECK(score->responseUuid == "r1");
    CHECK(score->score == 2);
    CHECK(score->points["sens"] == 2.0);
    CHECK(score->points["forme"] == 0.0);
    CHECK(action<ui::trainer::CloseScoring>(ui.tap("Retour à la fiche", draw)));
}

TEST_CASE("trainer kiosk panel: packages with problems and sync state and no sync button without a "
          "client",
          "[trainer]") {
    test::UiHarness ui;
    ui::TrainerKioskView v;
    v.trainer = "Mme Benali";
    v.packages = {{"francais", "1.0.0", "Diagnostic de français", {}, true},
                  {"vieux", "", "", {"vieux/quiz.json:/sections/0: unknown field"}, false}};
    v.sync.pending = 42;
    v.sync.lastSuccess = "27/11/2026 18:02";
    v.sync.lastError = "serveur injoignable";
    ui::TrainerKioskScratch s;
    auto draw = [&](ui::UiContext& ctx) {
        return ui::drawTrainerKiosk(v, s, ctx);
    };
    ui.frame(draw);
    CHECK(ui.recorder.showsText("francais 1.0.0"));
    CHECK(ui.recorder.showsText("unknown field"));
    CHECK(ui.recorder.showsText("refusé (erreurs)"));
    CHECK(ui.recorder.showsText("42 enregistrement(s)"));
    CHECK(ui.recorder.showsText("Dernier envoi réussi : 27/11/2026 18:02"));
    CHECK(ui.recorder.showsText("Dernière erreur : serveur injoignable"));
    CHECK(ui.recorder.showsText("pas encore configurée"));
    CHECK(ui.recorder.findByLabel("Synchroniser maintenant") == nullptr); // disabled
    v.sync.available = true;
    CHECK(action<ui::trainer::SyncNow>(ui.tap("Synchroniser maintenant", draw)));
    // A running round: the button is disabled and its progress written.
    v.sync.running = true;
    v.sync.progress = "Envoi : 10 / 42";
    ui.frame(draw);
    CHECK(ui.recorder.findByLabel("Synchroniser maintenant") == nullptr);
    CHECK(ui.recorder.showsText("Envoi : 10 / 42"));
}

TEST_CASE("trainer home screen: a searched code can be given a diagnostic before its first sitting",
          "[trainer]") {
    test::UiHarness ui;
    ui::TrainerHomeView v;
    v.trainer = "Mme Benali";
    v.heading = "Passations du code ABC-DEFG";
    v.searchedCode = "ABC-DEFG";
    v.assignable = {{"numerique", "Numérique"}, {"francais", "Français"}};
    ui::TrainerHomeScratch s;
    auto draw = [&](ui::UiContext& ctx) {
        return ui::drawTrainerHome(v, s, ctx);
    };
    ui.frame(draw);
    CHECK(ui.recorder.showsText("Aucune passation."));
    CHECK(ui.recorder.showsText("Diagnostic pour ce code : aucun"));
    const auto assign = action<ui::trainer::AssignQuiz>(ui.tap("Français", draw));
    REQUIRE(assign);
    CHECK(assign->code == "ABC-DEFG");
    CHECK(assign->quizId == "francais");
    v.assigned = "Français";
    ui.frame(draw);
    CHECK(ui.recorder.showsText("Diagnostic pour ce code : Français"));
}

TEST_CASE(
    "trainer beneficiary screen: an answer shows its pictures and Écouter asks to replay its sound",
    "[trainer]") {
    // Sizes only, like the kiosk's texture cache: the bus is 400x300, any other file is unreadable.
    struct Pictures : platform::ImageSource {
        std::optional<platform::ImageRef> image(const std::string& path) override {
            if (path == "/pkg/media/img/bus.png")
                return platform::ImageRef{nullptr, 400, 300};
            return std::nullopt;
        }
    } pictures;
    for (ImVec2 size : {ImVec2{1920, 1080}, ImVec2{1280, 800}}) {
        test::UiHarness ui(size);
        ui.images = &pictures;
        ui::TrainerBeneficiaryView v;
        v.trainer = "Mme Benali";
        v.code = "ABC-DEFG";
        v.levelTitles = {"Pré-A1", "A1.1", "A1", "A2", "B1"};
        v.skills = {{"listening", "Comprendre à l'oral", {}}};
        v.sittings = {{"28/11/2026", {{"listening", 1}}}};
        ui::TrainerResponseCard c;
        c.uuid = "r7";
        c.number = 1;
        c.itemId = "ec-01";
        c.typeKey = "trainer.type.other";
        c.statusKey = "trainer.rstatus.ko";
        c.shown = "Écoutez le mot. Touchez la bonne image.";
        c.answered = "« image : un tram »";
        c.images = {{"/pkg/media/img/tram.png", "un tram", true, false},
                    {"/pkg/media/img/bus.png", "un bus", false, true}};
        c.canReplay = true;
        v.responses.push_back(c);
        ui::TrainerBeneficiaryScratch s;
        auto draw = [&](ui::UiContext& ctx) {
            return ui::drawTrainerBeneficiary(v, s, ctx);
        };
        ui.frame(draw);
        const auto* bus = ui.recorder.findById("trainer:image:r7:1");
        const auto* tram = ui.recorder.findById("trainer:image:r7:0");
        REQUIRE(bus);
        REQUIRE(tram);
        // The picture is drawn with its own proportions, big enough to recognise, on screen.
        CHECK(bus->rect.w() / bus->rect.h() == Approx(400.0 / 300.0).margin(0.01));
        CHECK(bus->rect.h() >= 100.f * ui.theme().scale);
        CHECK(bus->rect.max.x <= size.x);
        CHECK(bus->rect.max.y <= size.y);
        CHECK(tram->rect.max.x <= bus->rect.min.x); // side by side, not on top of each other
        // The unreadable picture: its slot with the calm word, no crash.
        CHECK(ui.recorder.showsText("Image indisponible"));
        // Which picture was chosen and which was expected, in words.
        CHECK(ui.recorder.showsText("un tram — choisie"));
        CHECK(ui.recorder.showsText("un bus — attendue"));
        const auto* listen = ui.recorder.findByLabel("Écouter");
        REQUIRE(listen);
        CHECK(listen->rect.h() >= 72.f * ui.theme().scale - 0.5f);
        const auto replay = action<ui::trainer::ReplayStimulus>(ui.tap("Écouter", draw));
        REQUIRE(replay);
        CHECK(replay->responseUuid == "r7");
        CHECK(ui.imguiErrors.empty());
    }
}

TEST_CASE(
    "trainer beneficiary screen: the check badge of the assigned diagnostic never covers its name",
    "[trainer]") {
    for (ImVec2 size : {ImVec2{1920, 1080}, ImVec2{1280, 800}, ImVec2{1024, 600}}) {
        test::UiHarness ui(size);
        ui::TrainerBeneficiaryView v;
        v.trainer = "Mme Benali";
        v.code = "ABC-DEFG";
        v.nextStepChoices = {"Formation numérique", "FLE",           "Alphabétisation",
                             "Remise à niveau",     "Emploi direct", "Autre"};
        v.assignable = {
            {"exemple", "Exemple"}, {"francais", "Français"}, {"numerique", "Numérique"}};
        v.assigned = "Français";
        ui::TrainerBeneficiaryScratch s;
        auto draw = [&](ui::UiContext& ctx) {
            return ui::drawTrainerBeneficiary(v, s, ctx);
        };
        ui.frame(draw);
        INFO(size.x << "x" << size.y);
        const auto& th = ui.theme();
        for (const char* name : {"Exemple", "Français", "Numérique"}) {
            const auto* w = ui.recorder.findByLabel(name);
            REQUIRE(w);
            CHECK(w->rect.max.x <= size.x);
            // The title is written left of the badge (the top-right 48 px), on one line.
            const ui::RecordedText* words = nullptr;
            for (const auto& t : ui.recorder.texts())
                if (t.text == name && w->rect.contains(t.rect.center()))
                    words = &t;
            REQUIRE(words);
            CHECK(words->rect.max.x <= w->rect.max.x - th.px(48));
            CHECK(words->rect.min.x >= w->rect.min.x);
            CHECK(words->rect.h() <= th.px(28) * th.textBoost() * 1.6f);
        }
        CHECK(ui.imguiErrors.empty());
    }
}

TEST_CASE("trainer scoring page: every rubric point and the save button stay on screen when the "
          "answer has a picture",
          "[trainer]") {
    for (ImVec2 size : {ImVec2{1920, 1080}, ImVec2{1280, 800}, ImVec2{1024, 600}}) {
        test::UiHarness ui(size);
        ui::TrainerBeneficiaryView v;
        v.trainer = "Mme Benali";
        v.code = "ABC-DEFG";
        ui::TrainerResponseCard c;
        c.uuid = "w1";
        c.number = 25;
        c.itemId = "red-01";
        c.typeKey = "trainer.type.write";
        c.statusKey = "trainer.rstatus.pending";
        c.shown = "Regardez l'image. Écrivez votre liste de courses : trois choses. — image : Six "
                  "produits : pain, lait, pommes, tomates, œufs, riz";
        c.answered =
            "« Bonjour Madame, je ne peux pas venir lundi. Je viens mardi à 10 heures. Merci. »";
        c.manual = true;
        c.images = {{"/pkg/media/img/courses.png", "Six produits", false, false}};
        c.rubric = {{"a", "Trois produits sont écrits", 1},
                    {"b", "On reconnaît les mots, même avec des fautes", 1}};
        v.responses.push_back(c);
        v.scoring = "w1";
        ui::TrainerBeneficiaryScratch s;
        auto draw = [&](ui::UiContext& ctx) {
            return ui::drawTrainerBeneficiary(v, s, ctx);
        };
        ui.frame(draw);
        INFO(size.x << "x" << size.y);
        for (const char* label :
             {"Trois produits sont écrits (1)", "On reconnaît les mots, même avec des fautes (1)",
              "Enregistrer la note : 0 / 2"}) {
            const auto* w = ui.recorder.findByLabel(label);
            REQUIRE(w);
            CHECK(w->rect.max.y <= size.y);
        }
        // The picture when it fits (the sheet shows it anyway).
        if (size.x >= 1920)
            CHECK(ui.recorder.findById("trainer:image:w1:0"));
    }
}

TEST_CASE("trainer scoring page: a criterion worth 2 is scored 0, 1 (en partie) or 2, and both "
          "buttons stay on screen",
          "[trainer]") {
    for (ImVec2 size : {ImVec2{1920, 1080}, ImVec2{1280, 800}, ImVec2{1024, 600}}) {
        INFO(size.x << "x" << size.y);
        test::UiHarness ui(size);
        ui::TrainerBeneficiaryView v;
        v.trainer = "Mme Benali";
        v.code = "ABC-DEFG";
        ui::TrainerResponseCard c;
        c.uuid = "s1";
        c.number = 40;
        c.itemId = "par-07";
        c.typeKey = "trainer.type.speak";
        c.statusKey = "trainer.rstatus.pending";
        c.manual = true;
        c.hasRecording = true;
        c.rubric = {{"r1", "Explique la cause du retard", 2},
                    {"r2", "Dit l'heure d'arrivée", 2},
                    {"r3", "S'excuse, reste poli", 2},
                    {"r4", "Passé composé ou futur proche compréhensibles", 2}};
        v.responses.push_back(c);
        v.scoring = "s1";
        ui::TrainerBeneficiaryScratch s;
        auto draw = [&](ui::UiContext& ctx) {
            return ui::drawTrainerBeneficiary(v, s, ctx);
        };
        ui.frame(draw);
        for (const char* id : {"trainer:rubric:s1:r4", "trainer:rubric_partial:s1:r4"}) {
            const auto* w = ui.recorder.findById(id);
            REQUIRE(w);
            CHECK(w->rect.max.y <= size.y);
        }
        // r1 fully, r2 in part, r3 in part then taken back, r4 full then "en partie" instead.
        ui.tap("Explique la cause du retard (2)", draw);
        ui.tapId("trainer:rubric_partial:s1:r2", draw);
        ui.tapId("trainer:rubric_partial:s1:r3", draw);
        ui.tapId("trainer:rubric_partial:s1:r3", draw);
        ui.tap("Passé composé ou futur proche compréhensibles (2)", draw);
        ui.tapId("trainer:rubric_partial:s1:r4", draw);
        const auto score = action<ui::trainer::Score>(ui.tap("Enregistrer la note : 4 / 8", draw));
        REQUIRE(score);
        CHECK(score->score == 4);
        CHECK(score->points["r1"] == 2.0);
        CHECK(score->points["r2"] == 1.0);
        CHECK(score->points["r3"] == 0.0);
        CHECK(score->points["r4"] == 1.0);
    }
}
