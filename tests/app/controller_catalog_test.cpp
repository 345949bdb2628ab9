// A new catalogue version arriving while the kiosk runs (the sync worker installed it and bumped
// its catalogue generation): the controller adds it between frames; the person mid-attempt
// keeps their version, the next person gets the new one, and a paused attempt resumed by code
// finishes on the version it started with ("attempts in progress finish on the version they
// started with", issue 7).
#include "app/controller.hpp"
#include "store/catalog_packages.hpp"
#include "support/quiz_versions.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace repere;
namespace I = ui::intent;
using versions::TempDir;

namespace {

// What the sync worker tells the app; the test moves the generation as a round would.
struct FakeSync final : app::SyncPort {
    app::SyncStatus s;
    int requests = 0;
    app::SyncStatus status() const override { return s; }
    void requestNow() override { ++requests; }
};

struct Kiosk {
    explicit Kiosk(std::uint64_t seed = 7) {
        versions::writePackage(tmp.path() / "bundled" / versions::kQuizId, versions::original());
        library.addBundled(tmp.path() / "bundled");
        db = store::Database::openDataDir(tmp.path() / "data");
        app::ControllerDeps d;
        d.library = &library;
        d.db = db.get();
        d.clock = &clock;
        d.sync = &sync;
        d.seed = seed;
        d.dataDir = tmp.path() / "data";
        controller = std::make_unique<app::Controller>(d);
    }
    // What pullCatalog does after validating a package: its folder, then one transaction.
    void syncInstalls(const nlohmann::json& q) {
        const std::string version = q["version"];
        const auto dir =
            tmp.path() / "data/catalog" / versions::kQuizId / (version + "-0123456789ab");
        versions::writePackage(dir, q);
        store::CatalogUpdate u;
        u.version = ++catalogVersion;
        u.quizzes.push_back({versions::kQuizId, version, "0123456789ab", dir.string(), 0});
        db->applyCatalog(u);
        ++sync.s.catalogGeneration;
    }
    // Welcome -> a new code -> the quiz card -> past the profile question, to the first question.
    std::string newPerson() {
        REQUIRE(controller->screen() == app::Screen::Welcome);
        controller->apply(I::Start{});
        controller->apply(I::ChooseLanguage{"fr"});
        controller->apply(I::AcceptConsent{});
        controller->apply(I::NoCode{});
        REQUIRE(controller->screen() == app::Screen::QuizChoice);
        controller->apply(I::ChooseQuiz{versions::kQuizId});
        REQUIRE(controller->screen() == app::Screen::Item);
        REQUIRE(item() == "prof-telephone");
        controller->apply(I::Answer{{{"selected", {"souvent"}}}});
        return controller->code();
    }
    std::string item() const { return controller->attempt()->current()->item->id; }
    std::string instruction() const { return controller->itemView().instruction; }
    void stopForToday() {
        controller->apply(I::Pause{});
        controller->apply(I::StopForToday{});
        controller->apply(I::GoodbyeDone{});
        REQUIRE(controller->screen() == app::Screen::Welcome);
    }
    std::set<std::string> answeredItems(const std::string& uuid) const {
        std::set<std::string> out;
        for (const auto& r : db->responsesOf(uuid))
            out.insert(r.itemId);
        return out;
    }

    TempDir tmp;
    quiz::QuizLibrary library;
    platform::ManualClock clock;
    FakeSync sync;
    std::int64_t catalogVersion = 0;
    std::unique_ptr<store::Database> db;
    std::unique_ptr<app::Controller> controller;
};

} // namespace

TEST_CASE("a version installed during the run goes to new people and a paused attempt finishes on "
          "its own",
          "[app][catalog]") {
    Kiosk k;
    // Person A starts on the bundled 1.0.0.
    const std::string codeA = k.newPerson();
    const std::string uuidA = k.controller->attempt()->options().attemptUuid;
    const quiz::Quiz* v1 = &k.controller->attempt()->quiz();
    CHECK(v1->version == "1.0.0");
    CHECK(k.item() == "inf-chercher");
    CHECK(k.instruction() == versions::kV1Question);

    // Mid-attempt, sync installs 1.1.0; the next loop turn picks it up.
    k.syncInstalls(versions::revised("1.1.0"));
    k.controller->tick();
    REQUIRE(k.library.newest(versions::kQuizId));
    CHECK(k.library.newest(versions::kQuizId)->version == "1.1.0");
    // Person A does not notice: same item, same text, same package object.
    CHECK(&k.controller->attempt()->quiz() == v1);
    CHECK(k.item() == "inf-chercher");
    CHECK(k.instruction() == versions::kV1Question);
    k.controller->apply(I::Answer{{{"selected", {"a"}}}});
    CHECK(k.item() == "inf-site"); // 1.0.0's next question (1.1.0 would ask inf-web later too)
    k.stopForToday();

    // Person B, after the update: 1.1.0, with its reworded question.
    const std::string codeB = k.newPerson();
    CHECK(codeB != codeA);
    const std::string uuidB = k.controller->attempt()->options().attemptUuid;
    CHECK(k.controller->attempt()->quiz().version == "1.1.0");
    CHECK(k.instruction() == versions::kV2Question);
    const auto recB = k.db->findAttempt(uuidB);
    REQUIRE(recB);
    CHECK(recB->quizVersion == "1.1.0");
    CHECK(recB->quizHash == k.library.newest(versions::kQuizId)->contentHash);
    k.stopForToday();

    // Person A comes back with the code: exactly 1.0.0, at the item where they stopped.
    k.controller->apply(I::OpenResume{});
    k.controller->apply(I::ResumeCode{codeA});
    REQUIRE(k.controller->screen() == app::Screen::Item);
    CHECK(k.controller->attempt()->options().attemptUuid == uuidA);
    CHECK(&k.controller->attempt()->quiz() == v1);
    CHECK(k.item() == "inf-site");
    int guard = 0;
    while (k.controller->screen() == app::Screen::Item && ++guard < 50)
        k.controller->apply(I::DontKnow{});
    REQUIRE(k.controller->screen() == app::Screen::Result);

    const auto recA = k.db->findAttempt(uuidA);
    REQUIRE(recA);
    CHECK(recA->status == store::AttemptStatus::Finished);
    CHECK(recA->quizVersion == "1.0.0");
    CHECK(recA->quizHash == v1->contentHash);
    const auto itemsA = k.answeredItems(uuidA);
    CHECK(itemsA.count("inf-chercher") == 1);
    CHECK(itemsA.count("com-email") == 1);
    CHECK(itemsA.count(versions::kV2NewItem) == 0); // never shown a 1.1.0 question
    for (const auto& id : itemsA)
        CHECK(v1->findItem(id) != nullptr);
}

TEST_CASE("the screen's orders come from the attempt: the same after a pause, other for the next "
          "person",
          "[app][order]") {
    Kiosk k(0); // 0: a fresh random seed per attempt, as on a real kiosk
    const std::string codeA = k.newPerson();
    const auto seedA = k.controller->itemView().item.attemptSeed;
    CHECK(seedA == k.controller->attempt()->options().seed);
    k.stopForToday();
    k.newPerson();
    CHECK(k.controller->itemView().item.attemptSeed != seedA);
    k.stopForToday();
    k.controller->apply(I::OpenResume{});
    k.controller->apply(I::ResumeCode{codeA});
    REQUIRE(k.controller->screen() == app::Screen::Item);
    CHECK(k.controller->itemView().item.attemptSeed == seedA);
}

TEST_CASE("the choice screen and the trainer panel show the newest version once it is installed",
          "[app][catalog]") {
    Kiosk k;
    CHECK(k.library.newestPerId().size() == 1);
    k.syncInstalls(versions::revised("2.0.0"));
    // Nothing happens before the controller's turn: the worker's thread never touches the library.
    CHECK(k.library.newest(versions::kQuizId)->version == "1.0.0");
    k.controller->tick();
    CHECK(k.library.newest(versions::kQuizId)->version == "2.0.0");
    CHECK(k.library.newestPerId().size() == 1); // still one card
    // A tick without a new generation does not read the catalogue again.
    const auto gen = k.library.generation();
    k.controller->tick();
    CHECK(k.library.generation() == gen);
}

TEST_CASE("a resumed attempt whose version is gone goes on with the newest and keeps its record",
          "[app][catalog]") {
    Kiosk k;
    // A is on a catalogue 1.5.0 ...
    k.syncInstalls(versions::revised("1.5.0"));
    k.controller->tick();
    const std::string codeA = k.newPerson();
    const std::string uuidA = k.controller->attempt()->options().attemptUuid;
    CHECK(k.controller->attempt()->quiz().version == "1.5.0");
    k.stopForToday();
    // ... whose folder is deleted before the next start of the kiosk (a new controller and
    // library).
    std::filesystem::remove_all(k.tmp.path() / "data/catalog");
    quiz::QuizLibrary fresh;
    fresh.addBundled(k.tmp.path() / "bundled");
    fresh.addCatalog(store::catalogPackages(*k.db));
    CHECK(fresh.loadedCount() == 1); // the deleted version is left out, the bundled one runs
    app::ControllerDeps d;
    d.library = &fresh;
    d.db = k.db.get();
    d.clock = &k.clock;
    d.seed = 7;
    app::Controller again(d);
    again.apply(I::OpenResume{});
    again.apply(I::ResumeCode{codeA});
    REQUIRE(again.screen() == app::Screen::Item);
    CHECK(again.attempt()->quiz().version == "1.0.0");
    CHECK(again.attempt()->current()->item->id ==
          "inf-chercher"); // the profile answer was replayed
    const auto rec = k.db->findAttempt(uuidA);
    REQUIRE(rec);
    CHECK(rec->quizVersion == "1.5.0"); // the record still says what it started on
}

TEST_CASE("a package for authors is not offered on the choice screen") {
    // Issue 16: "Exemple : tous les types de questions" is for authors, not for beneficiaries.
    Kiosk k;
    nlohmann::json authors = versions::original();
    authors["id"] = "exemple-auteurs";
    authors["audience"] = "authors";
    versions::writePackage(k.tmp.path() / "authors" / "exemple-auteurs", authors);
    REQUIRE(k.library.addBundled(k.tmp.path() / "authors") == 1);
    REQUIRE(k.library.newest("exemple-auteurs"));
    CHECK(k.library.newest("exemple-auteurs")->forAuthors);
    k.controller->apply(I::Start{});
    k.controller->apply(I::ChooseLanguage{"fr"});
    k.controller->apply(I::AcceptConsent{});
    k.controller->apply(I::NoCode{});
    REQUIRE(k.controller->screen() == app::Screen::QuizChoice);
    std::set<std::string> offered;
    for (const auto& c : k.controller->quizChoiceView().cards)
        offered.insert(c.quizId);
    CHECK(offered == std::set<std::string>{versions::kQuizId});
}

TEST_CASE("an information screen offers Continuer only, never Je ne sais pas") {
    // Issue 17: the digital diagnostic's introduction showed "Je ne sais pas" beside "Continuer".
    Kiosk k;
    REQUIRE(k.library.addBundled(std::filesystem::path(REPERE_SOURCE_DIR) / "quizzes") >= 1);
    k.controller->apply(I::Start{});
    k.controller->apply(I::ChooseLanguage{"fr"});
    k.controller->apply(I::AcceptConsent{});
    k.controller->apply(I::NoCode{});
    k.controller->apply(I::ChooseQuiz{"numerique"});
    REQUIRE(k.controller->screen() == app::Screen::Item);
    REQUIRE(k.item() == "intro");
    CHECK_FALSE(k.controller->itemView().allowDontKnow);
    // The practice item after it still offers the quiet way out.
    k.controller->apply(I::Answer{nlohmann::json::object()});
    REQUIRE(k.item() == "ent-choix");
    CHECK(k.controller->itemView().allowDontKnow);
}
