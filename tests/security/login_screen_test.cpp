// Point 7 of issue 14: the trainer log-in page lists no trainer names (the name is typed), a
// wrong name and a wrong PIN get the same message, and drawing the page reads nothing from the
// store. Through the real controller, store and screens, without a window.
#include "app/controller.hpp"
#include "core/store_test_util.hpp"
#include "report/bilan_fixture.hpp"
#include "support/controller_driver.hpp"

#include <catch2/catch.hpp>

using namespace repere;
using repere::store::test::TempDir;

namespace {

struct Kiosk : test::ControllerDriver {
    TempDir dir;
    std::unique_ptr<store::Database> db = store::Database::openDataDir(dir.path());
    std::vector<quiz::Quiz> quizzes{report::test::loadFrancais()};
    platform::ManualClock clock;

    Kiosk() {
        for (const char* name : {"Mme Benali", "M. Okafor", "Awa Diallo"})
            db->addTrainer(name, "482157", store::PinHashParams::minimum());
        app::ControllerDeps deps;
        deps.quizzes = &quizzes;
        deps.db = db.get();
        deps.clock = &clock;
        deps.dataDir = dir.path();
        controller = std::make_unique<app::Controller>(deps);
    }
    ~Kiosk() { controller.reset(); }
    bool onPinStep() {
        ui.frame(drawFn());
        return ui.recorder.findById("trainer:pin") != nullptr;
    }
    // Types the name on the name step (after "Changer de nom" when needed), then the PIN.
    void login(const std::string& name, const std::string& pin) {
        if (onPinStep())
            tap("Changer de nom");
        ui.type(name);
        tap("Suivant");
        for (char d : pin)
            tap(std::string(1, d));
        tap("Valider");
    }
    std::string message() {
        ui.frame(drawFn());
        for (const auto& t : ui.recorder.texts())
            if (t.text.find("incorrect") != std::string::npos)
                return t.text;
        return {};
    }
};

} // namespace

TEST_CASE("the trainer log-in page shows no trainer's name, on either step", "[security]") {
    Kiosk k;
    k.tap("Formateur");
    REQUIRE(k.shows("Qui êtes-vous ?"));
    for (const char* part : {"Benali", "Okafor", "Diallo", "Awa"}) {
        INFO(part);
        CHECK(!k.ui.recorder.showsText(part));
    }
    k.ui.type("x");
    k.tap("Suivant");
    REQUIRE(k.onPinStep());
    for (const char* part : {"Benali", "Okafor", "Diallo"})
        CHECK(!k.ui.recorder.showsText(part));
}

TEST_CASE("a trainer logs in by typing the name, in any case, then the PIN", "[security]") {
    Kiosk k;
    k.tap("Formateur");
    k.login("m. okafor", "482157");
    REQUIRE(k.controller->trainerArea().loggedIn());
    CHECK(k.controller->trainerArea().trainer() == "M. Okafor");
}

TEST_CASE("a wrong name, a wrong PIN and a locked account get the same message", "[security]") {
    Kiosk k;
    k.tap("Formateur");
    k.login("Mme Personne", "482157");
    CHECK(!k.controller->trainerArea().loggedIn());
    const std::string unknown = k.message();
    REQUIRE(!unknown.empty());
    k.login("Mme Benali", "111111");
    CHECK(!k.controller->trainerArea().loggedIn());
    CHECK(k.message() == unknown);
    for (int i = 1; i < store::kMaxPinFailures; ++i)
        k.login("Mme Benali", "111111");
    k.login("Mme Benali", "482157"); // locked: the right PIN is refused, in the same words
    CHECK(!k.controller->trainerArea().loggedIn());
    CHECK(k.message() == unknown);
    // The store still tells IT which it was.
    bool unknownAudited = false, lockAudited = false;
    for (const auto& e : k.db->auditLog(100)) {
        unknownAudited |= e.action == "login-failed" && e.detail == "unknown trainer";
        lockAudited |= e.action == "login-locked";
    }
    CHECK(unknownAudited);
    CHECK(lockAudited);
}

TEST_CASE("drawing the log-in page and the trainer pages reads nothing from the store",
          "[security]") {
    Kiosk k;
    k.tap("Formateur");
    k.ui.frame(k.drawFn());
    auto before = k.db->accessCount();
    for (int i = 0; i < 20; ++i)
        k.ui.frame(k.drawFn());
    CHECK(k.db->accessCount() == before);

    k.login("Mme Benali", "482157");
    REQUIRE(k.controller->trainerArea().loggedIn());
    k.tap("La borne"); // the kiosk panel, without sync on this kiosk
    k.ui.frame(k.drawFn());
    before = k.db->accessCount();
    for (int i = 0; i < 20; ++i)
        k.ui.frame(k.drawFn());
    CHECK(k.db->accessCount() == before);
}
