// The trainer area through the real controller, store and screens (no window): nothing is
// reachable without a valid PIN, a locked account stays locked, scores and exports are stored
// and audited, and 2 minutes idle log out and clear the screen.
#include "app/controller.hpp"
#include "audio/audio_test_support.hpp"
#include "core/store_test_util.hpp"
#include "report/bilan_fixture.hpp"
#include "report/bilan_store.hpp"
#include "store/beneficiary_code.hpp"
#include "support/controller_driver.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <functional>
#include <set>

using namespace repere;
using repere::store::test::TempDir;

namespace {

struct Kiosk : test::ControllerDriver {
    TempDir dir;
    std::unique_ptr<store::Database> db = store::Database::openDataDir(dir.path());
    std::vector<quiz::Quiz> quizzes{report::test::loadFrancais()};
    platform::ManualClock clock;
    audio::test::Rig sound; // the audio service on fake devices
    std::string code;
    report::test::TakenAttempt taken;

    // `edit` changes the loaded package before the kiosk starts (a file gone, a text missing).
    explicit Kiosk(const std::function<void(quiz::Quiz&)>& edit = {}) {
        if (edit)
            edit(quizzes.front());
        db->addTrainer("Mme Benali", "482157", store::PinHashParams::minimum());
        code = db->registerNewBeneficiary(std::string("Awa")).code;
        taken = report::test::takeFrancais(*db, quizzes.front(), code);
        app::ControllerDeps deps;
        deps.quizzes = &quizzes;
        deps.db = db.get();
        deps.clock = &clock;
        deps.audio = sound.service.get();
        deps.dataDir = dir.path();
        deps.exportDir = dir / "usb";
        controller = std::make_unique<app::Controller>(deps);
    }
    ~Kiosk() { controller.reset(); }
    void typePin(const std::string& pin) {
        for (char c : pin)
            tap(std::string(1, c));
    }
    // The name is typed (once: after a refusal the page stays on the PIN step), then the PIN.
    void login(const std::string& pin) {
        ui.frame(drawFn());
        if (!ui.recorder.findById("trainer:pin")) {
            ui.type("Mme Benali");
            tap("Suivant");
        }
        typePin(pin);
        tap("Valider");
    }
    void act(ui::trainer::Action a) { controller->apply(ui::intent::Trainer{std::move(a)}); }
    bool audited(const std::string& action) {
        for (const auto& e : db->auditLog(500))
            if (e.action == action)
                return true;
        return false;
    }
};

} // namespace

TEST_CASE("trainer area: nothing of it is reachable without a valid PIN", "[trainer]") {
    Kiosk k;
    const auto shown = store::formatBeneficiaryCode(k.code);
    REQUIRE(k.shows("Bienvenue"));
    k.tap("Formateur");
    REQUIRE(k.controller->screen() == app::Screen::Trainer);
    CHECK(k.shows("Espace formateur"));
    CHECK(k.shows("Qui êtes-vous ?"));

    // Actions that skip the login are ignored: same page, nothing shown, nothing stored.
    const auto attempt = report::chooseAttempt(*k.db, k.code).uuid;
    k.act(ui::trainer::ShowToday{});
    k.act(ui::trainer::Search{k.code});
    k.act(ui::trainer::OpenAttempt{attempt});
    k.act(ui::trainer::Score{k.taken.writeResponses.front(), nlohmann::json::object(), 1.0});
    k.act(ui::trainer::SetNextStep{"FLE"});
    k.act(ui::trainer::ExportThis{});
    k.act(ui::trainer::ExportSelected{});
    k.act(ui::trainer::OpenKioskPanel{});
    CHECK(!k.controller->trainerArea().loggedIn());
    CHECK(k.controller->trainerArea().page() == app::TrainerArea::Page::Login);
    CHECK(!k.shows(shown));
    CHECK(!k.shows("Passations du jour"));
    CHECK(k.db->manualScoresOf(attempt).empty());
    CHECK(k.db->notesOf(k.code).empty());
    CHECK(!std::filesystem::exists(k.dir / "usb"));

    // A wrong PIN: told, not let in; the digits are never drawn.
    k.ui.type("Mme Benali");
    k.tap("Suivant");
    k.typePin("1111");
    CHECK(!k.shows("1111"));
    k.tap("Valider");
    CHECK(!k.controller->trainerArea().loggedIn());
    CHECK(k.shows("Nom ou code PIN incorrect"));
    CHECK(k.audited("login-failed"));
    // Opening the area from a beneficiary's screen is refused too.
    k.tap("Retour à l'accueil");
    REQUIRE(k.controller->screen() == app::Screen::Welcome);
    k.tap("Commencer");
    k.act(ui::trainer::OpenLogin{});
    CHECK(k.controller->screen() != app::Screen::Trainer);
}

TEST_CASE("trainer area: a locked account stays locked even with the right PIN", "[trainer]") {
    Kiosk k;
    k.tap("Formateur");
    for (int i = 0; i < store::kMaxPinFailures; ++i)
        k.login("0000");
    CHECK(k.shows("compte bloqué"));
    k.login("482157");
    CHECK(!k.controller->trainerArea().loggedIn());
    CHECK(k.shows("compte bloqué"));
    CHECK(!k.shows("Passations du jour"));
    CHECK(k.audited("login-locked"));
}

TEST_CASE("trainer area: log in then open and score and export and idle log-out clears the screen",
          "[trainer]") {
    Kiosk k;
    const auto shown = store::formatBeneficiaryCode(k.code);
    const auto attempt = report::chooseAttempt(*k.db, k.code).uuid;
    k.tap("Formateur");
    k.login("482157");
    REQUIRE(k.controller->trainerArea().loggedIn());
    CHECK(k.audited("login-ok"));
    CHECK(k.shows("Passations du jour"));
    CHECK(k.shows("Espace formateur  —  Mme Benali"));
    CHECK(k.shows(shown));
    const int pending =
        static_cast<int>(k.taken.writeResponses.size() + k.taken.speakResponses.size());
    CHECK(k.shows(std::to_string(pending) + " à corriger"));

    k.tap(shown);
    REQUIRE(k.controller->trainerArea().page() == app::TrainerArea::Page::Beneficiary);
    CHECK(k.shows("Code " + shown + " — Awa"));
    CHECK(k.shows("Comprendre à l'oral")); // chart rows name the skills
    CHECK(k.shows("A1.1"));                // and the levels, in words

    // Score the written answer with every rubric point, on its own page.
    const auto w = k.taken.writeResponses.front();
    const auto* item = k.quizzes.front().findItem(k.db->findResponse(w)->itemId);
    k.tap("Corriger : Écrit " + item->id);
    double max = 0;
    for (const auto& p : item->scoring.rubric) {
        char label[400];
        std::snprintf(label, sizeof label, "%s (%g)", p.label.get("fr").c_str(), p.points);
        k.tap(label);
        max += p.points;
    }
    char save[64];
    std::snprintf(save, sizeof save, "Enregistrer la note : %g / %g", max, max);
    k.tap(save);
    const auto scores = k.db->manualScoresOf(attempt);
    REQUIRE(scores.size() == 1);
    CHECK(scores[0].trainer == "Mme Benali");
    CHECK(scores[0].score == max);
    CHECK(k.audited("manual-score"));
    CHECK(k.shows("Note enregistrée"));
    CHECK(k.shows("noté par Mme Benali"));
    CHECK(k.shows(std::to_string(pending - 1) + " à corriger"));

    // The spoken answer: its recording plays through the sound port.
    const auto s = k.taken.speakResponses.front();
    const auto rec = k.db->findResponse(s)->answer["recording"].get<std::string>();
    k.tap("Corriger : Oral " + k.db->findResponse(s)->itemId);
    // Not on the kiosk (yet): said so, nothing played.
    k.tap("Écouter l'enregistrement");
    CHECK(k.shows("L'enregistrement est introuvable sur la borne."));
    CHECK_FALSE(k.sound.service->isPlaying());
    std::filesystem::create_directories((k.dir / rec).parent_path());
    std::filesystem::copy_file(audio::test::fixture("tone.ogg"), k.dir / rec);
    k.tap("Écouter l'enregistrement");
    CHECK(k.sound.service->isPlaying());
    CHECK(k.audited("listen"));

    k.act(ui::trainer::CloseScoring{});
    k.tap("FLE");
    CHECK(k.shows("Prochaine étape enregistrée : FLE."));
    REQUIRE(k.db->notesOf(k.code).size() == 1);
    CHECK(k.db->notesOf(k.code)[0].kind == store::NoteKind::NextStep);

    k.tap("Exporter le bilan (PDF et CSV)");
    const auto dir = k.controller->trainerArea().lastExport();
    REQUIRE(!dir.empty());
    CHECK(std::filesystem::exists(dir / "resultats.csv"));
    int pdfs = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        pdfs += e.path().extension() == ".pdf";
    CHECK(pdfs == 1);
    CHECK(k.audited("export"));

    // Two minutes without a touch: back to welcome, logged out, nothing of it drawn.
    k.clock.advance(60'000);
    k.controller->tick();
    CHECK(k.controller->screen() == app::Screen::Trainer);
    k.clock.advance(61'000);
    k.controller->tick();
    CHECK(k.controller->screen() == app::Screen::Welcome);
    CHECK(!k.controller->trainerArea().loggedIn());
    CHECK(k.shows("Bienvenue"));
    CHECK(!k.shows("Espace formateur"));
    CHECK(!k.shows(shown));
    // Coming back asks for the PIN again and shows nothing of the previous session.
    k.tap("Formateur");
    CHECK(k.controller->trainerArea().page() == app::TrainerArea::Page::Login);
    CHECK(!k.shows(shown));
    CHECK(!k.shows("Note enregistrée"));
}

TEST_CASE("trainer area: selected attempts export one CSV row each and one PDF each", "[trainer]") {
    Kiosk k;
    report::test::takeFrancais(*k.db, k.quizzes.front(), k.code, 99); // a second sitting
    k.tap("Formateur");
    k.login("482157");
    k.tap("Choisir");
    k.tap("Choisir");
    CHECK(k.shows("Exporter la sélection (2)"));
    k.tap("Exporter la sélection (2)");
    const auto dir = k.controller->trainerArea().lastExport();
    REQUIRE(!dir.empty());
    std::ifstream csv(dir / "resultats.csv");
    int lines = 0;
    std::string line;
    while (std::getline(csv, line))
        if (!line.empty())
            ++lines;
    CHECK(lines == 3); // header + one row per attempt
    int pdfs = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        pdfs += e.path().extension() == ".pdf";
    CHECK(pdfs == 2);
    CHECK(k.shows("2 ligne(s) CSV, 2 bilan(s) PDF"));
}

TEST_CASE("trainer area: a note typed on the keyboard is stored under the trainer's name",
          "[trainer]") {
    Kiosk k;
    const auto shown = store::formatBeneficiaryCode(k.code);
    k.tap("Formateur");
    k.login("482157");
    k.tap(shown);
    k.tap("Notes sur la personne (0)");
    CHECK(k.shows("Aucune note pour l'instant."));
    CHECK(k.ui.recorder.findByLabel("Enregistrer la note") == nullptr); // nothing typed yet
    for (const char* key : {"l", "i", "t"})
        k.tapId(std::string("key:") + key);
    k.ui.type(" les panneaux");
    k.tap("Enregistrer la note");
    const auto notes = k.db->notesOf(k.code);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].kind == store::NoteKind::Note);
    CHECK(notes[0].text == "lit les panneaux");
    CHECK(notes[0].trainer == "Mme Benali");
    CHECK(k.audited("note"));
    CHECK(k.shows("lit les panneaux"));
    CHECK(k.shows("Notes sur la personne (1)"));
    k.tap("Retour à la fiche");
    CHECK(k.shows("Comprendre à l'oral")); // the sheet again
}

TEST_CASE("trainer area: a diagnostic assigned to a new code is the one its holder is offered",
          "[trainer]") {
    Kiosk k;
    const std::string fresh = store::generateBeneficiaryCode(); // given on paper, never used
    k.tap("Formateur");
    k.login("482157");
    k.ui.type(fresh);
    k.tap("Chercher");
    CHECK(k.shows("Aucune passation."));
    CHECK(k.shows("Diagnostic pour ce code : aucun"));
    k.tap("Français");
    CHECK(k.shows("Diagnostic assigné : Français."));
    const auto a = k.db->assignmentOf(fresh);
    REQUIRE(a);
    CHECK(a->quizId == k.quizzes.front().id);
    CHECK(a->trainer == "Mme Benali");
    CHECK(k.audited("assign"));
    k.tap("Se déconnecter");
    REQUIRE(k.controller->screen() == app::Screen::Welcome);

    // The person types that code: the choice screen offers the assigned diagnostic alone.
    k.tap("Commencer");
    k.tap("Français");
    k.tap("D'accord");
    REQUIRE(k.controller->screen() == app::Screen::Code);
    k.ui.type(fresh);
    k.tap("Valider");
    REQUIRE(k.controller->screen() == app::Screen::QuizChoice);
    CHECK(k.shows("Votre conseiller a choisi pour vous :"));
}

namespace {
// The first listening answer with picture options of the Kiosk's sitting.
std::pair<std::string, const quiz::Item*> listeningAnswer(Kiosk& k) {
    const auto attempt = report::chooseAttempt(*k.db, k.code).uuid;
    for (const auto& r : k.db->responsesOf(attempt)) {
        const auto* it = k.quizzes.front().findItem(r.itemId);
        if (it && !it->practice && !it->stimulus.audio.empty() && !it->options.empty() &&
            !it->options.front().image.empty())
            return {r.uuid, it};
    }
    return {"", nullptr};
}
// The ids of every listening stimulus of the package.
std::set<std::string> listeningSounds(const quiz::Quiz& q) {
    std::set<std::string> ids;
    for (const auto& s : q.sections)
        for (const auto& it : s.items)
            if (!it.stimulus.audio.empty())
                ids.insert(it.stimulus.audio);
    return ids;
}
} // namespace

TEST_CASE(
    "trainer area: a listening answer shows its pictures and its sound replays and is audited",
    "[trainer]") {
    Kiosk k;
    const auto attempt = report::chooseAttempt(*k.db, k.code).uuid;
    const auto [uuid, item] = listeningAnswer(k);
    REQUIRE(item);
    k.tap("Formateur");
    k.login("482157");
    k.act(ui::trainer::OpenAttempt{attempt});
    REQUIRE(k.controller->trainerArea().page() == app::TrainerArea::Page::Beneficiary);
    // Drag the sheet up until that answer's card is on screen (bounded).
    const auto firstPicture = "trainer:image:" + uuid + ":0";
    auto onScreen = [&] {
        k.ui.frame(k.drawFn());
        return k.ui.recorder.findById(firstPicture) != nullptr;
    };
    for (int drags = 0; drags < 40 && !onScreen(); ++drags) {
        k.ui.finger({400, 1000}, false); // over the sheet first: the press itself does not move it
        k.ui.frame(k.drawFn());
        for (float y : {1000.f, 900.f, 750.f, 600.f}) {
            k.ui.finger({400, y}, true);
            k.ui.frame(k.drawFn());
        }
        k.ui.finger({400, 600}, false);
        k.ui.frame(k.drawFn());
    }
    // One picture slot per picture option, captioned with what the picture shows.
    for (std::size_t i = 0; i < item->options.size(); ++i) {
        const auto* w = k.ui.recorder.findById("trainer:image:" + uuid + ":" + std::to_string(i));
        REQUIRE(w);
        const auto* asset = k.quizzes.front().findAsset(item->options[i].image);
        REQUIRE(asset);
        CHECK(w->label == asset->alt.get("fr"));
    }
    CHECK(k.ui.recorder.findById("trainer:replay:" + uuid));

    // The stimulus file the listening item played.
    k.act(ui::trainer::ReplayStimulus{uuid});
    CHECK(k.sound.service->isPlaying());
    CHECK(k.audited("listen-stimulus"));
}

TEST_CASE("trainer area: a stimulus whose file is gone is read from its transcript or said missing",
          "[trainer]") {
    const auto gone = [](bool keepTranscript) {
        return [keepTranscript](quiz::Quiz& q) {
            const auto ids = listeningSounds(q);
            for (auto& a : q.assets)
                if (ids.count(a.id)) {
                    a.path = "media/audio/absent.ogg";
                    if (!keepTranscript)
                        a.transcript.clear();
                }
        };
    };
    {
        Kiosk k(gone(true));
        const auto [uuid, item] = listeningAnswer(k);
        REQUIRE(item);
        k.tap("Formateur");
        k.login("482157");
        const int before = k.sound.synth->calls.load();
        k.act(ui::trainer::ReplayStimulus{uuid});
        CHECK(k.sound.service->waitForSpeech(std::chrono::milliseconds(5000)));
        CHECK(k.sound.synth->calls.load() == before + 1);
        CHECK(k.controller->trainerArea().message().empty());
        CHECK(k.audited("listen-stimulus"));
    }
    {
        Kiosk k(gone(false));
        const auto [uuid, item] = listeningAnswer(k);
        REQUIRE(item);
        k.tap("Formateur");
        k.login("482157");
        k.act(ui::trainer::ReplayStimulus{uuid});
        CHECK(k.controller->trainerArea().message() ==
              "Le son de cette question est introuvable sur la borne.");
        CHECK_FALSE(k.sound.service->isPlaying());
        CHECK_FALSE(k.audited("listen-stimulus"));
    }
}
