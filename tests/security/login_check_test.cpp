// The trainer's PIN is checked off the UI thread (issue 14): a server account's Argon2id check
// takes about 2 s and 256 MiB, and on the UI thread it froze the screen. Through the real
// controller, store and log-in page, with ImGui input, and a verifier the test holds: while it
// is held, frames keep being drawn, the page says « Vérification… » and ignores every tap, and
// when it is let go the right PIN opens the area and a wrong one counts once toward lock-out.
#include "app/controller.hpp"
#include "core/store_test_util.hpp"
#include "report/bilan_fixture.hpp"
#include "ui/ui_harness.hpp"

#include <catch2/catch.hpp>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace repere;
using repere::store::test::TempDir;

namespace {

// A PIN verifier that waits until the test lets it go (no timing: a gate), then answers with
// the real Argon2id check. It notes whether it ran on the test's thread, which draws the frames:
// there it does not wait (the test would hang), it says so and the test fails.
struct HeldVerifier {
    std::mutex m;
    std::condition_variable cv;
    bool open = false;
    int calls = 0;
    bool ranOnUiThread = false;
    std::thread::id uiThread = std::this_thread::get_id();

    bool operator()(const std::string& hash, const std::string& pin) {
        std::unique_lock lock(m);
        ++calls;
        cv.notify_all(); // waitForCall
        if (std::this_thread::get_id() == uiThread) {
            ranOnUiThread = true;
        } else {
            cv.wait(lock, [this] { return open; });
        }
        return store::verifyPinHash(hash, pin);
    }
    void letGo() {
        std::lock_guard lock(m);
        open = true;
        cv.notify_all();
    }
    int callCount() {
        std::lock_guard lock(m);
        return calls;
    }
    // The worker runs when the scheduler lets it: on a loaded machine it may not have reached
    // the verifier yet when the test looks. Waits (no timing) until it has been called.
    void waitForCall() {
        std::unique_lock lock(m);
        cv.wait(lock, [this] { return calls > 0; });
    }
};

struct Kiosk {
    TempDir dir;
    std::unique_ptr<store::Database> db = store::Database::openDataDir(dir.path());
    std::vector<quiz::Quiz> quizzes{report::test::loadFrancais()};
    platform::ManualClock clock;
    HeldVerifier verifier;
    std::unique_ptr<app::Controller> controller;
    test::UiHarness ui;

    Kiosk() {
        db->addTrainer("Mme Benali", "482157", store::PinHashParams::minimum());
        app::ControllerDeps deps;
        deps.quizzes = &quizzes;
        deps.db = db.get();
        deps.clock = &clock;
        deps.dataDir = dir.path();
        deps.verifyPin = [this](const std::string& hash, const std::string& pin) {
            return verifier(hash, pin);
        };
        controller = std::make_unique<app::Controller>(deps);
    }
    ~Kiosk() { verifier.letGo(); } // a check still held must end before the area goes
    test::UiHarness::DrawFn drawFn() {
        return [this](ui::UiContext& ctx) {
            return controller->draw(ctx);
        };
    }
    // One turn of the app's loop: timers (the check's answer is taken there), a frame, its
    // intent applied.
    void turn() {
        controller->tick();
        controller->apply(ui.frame(drawFn()));
    }
    void tap(const std::string& label) { controller->apply(ui.tap(label, drawFn())); }
    // Taps a widget by id even when it is drawn disabled (the page must ignore it).
    void tapId(const std::string& id) { controller->apply(ui.tapId(id, drawFn())); }
    void typeNameAndPin(const std::string& pin) {
        ui.frame(drawFn());
        if (!ui.recorder.findById("trainer:pin")) {
            ui.type("Mme Benali");
            tap("Suivant");
        }
        for (char d : pin)
            tap(std::string(1, d));
    }
    const app::TrainerArea& area() const { return controller->trainerArea(); }
    store::TrainerInfo benali() {
        for (auto& t : db->listTrainers())
            if (t.name == "Mme Benali")
                return t;
        FAIL("no account Mme Benali");
        return {};
    }
    int audited(const std::string& action) {
        int n = 0;
        for (const auto& e : db->auditLog(500))
            n += e.action == action ? 1 : 0;
        return n;
    }
    // Lets the check go and runs the loop until the area has taken its answer.
    void finishCheck() {
        verifier.letGo();
        while (area().checking()) {
            std::this_thread::yield();
            turn();
        }
        turn();
    }
};

} // namespace

TEST_CASE("while a PIN is checked the page keeps drawing, shows Vérification… and ignores taps, "
          "then a wrong PIN counts once",
          "[security]") {
    Kiosk k;
    k.tap("Formateur");
    k.typeNameAndPin("111111");
    k.tap("Valider");
    CHECK(!k.verifier.ranOnUiThread);
    REQUIRE(k.area().checking());

    // Frames go on being drawn while the check is held, with the word and no way to act.
    std::int64_t lastNow = 0;
    for (int i = 0; i < 30; ++i) {
        k.ui.nowMs += 40; // the arc turns with the clock of the frames
        k.turn();
        lastNow = k.ui.nowMs;
        CHECK(k.ui.recorder.showsText("Vérification…"));
    }
    CHECK(lastNow == 30 * 40);
    CHECK(k.ui.recorder.findByLabel("Valider") == nullptr);
    CHECK(k.ui.recorder.findByLabel("Retour à l'accueil") == nullptr);
    CHECK(k.ui.recorder.findByLabel("Changer de nom") == nullptr);
    CHECK(k.ui.recorder.findByLabel("1") == nullptr);
    // Taps on the keypad, typing, Enter and Escape change nothing and start no second check.
    for (const char* id : {"pad:4", "pad:8", "pad:2", "pad:1", "pad:5", "pad:7", "trainer:login",
                           "trainer:leave", "trainer:change_name"})
        k.tapId(id);
    k.ui.type("482157");
    k.ui.press(true);
    k.turn();
    k.ui.press(false, false, true);
    k.turn();
    CHECK(k.controller->screen() == app::Screen::Trainer);
    CHECK(k.area().checking());
    CHECK(!k.area().loggedIn());
    k.verifier.waitForCall();
    CHECK(k.verifier.callCount() == 1);
    CHECK(k.benali().failures == 0); // not counted before the answer

    k.finishCheck();
    CHECK(!k.area().loggedIn());
    CHECK(k.verifier.callCount() == 1);
    CHECK(k.benali().failures == 1); // exactly once
    CHECK(k.audited("login-failed") == 1);
    CHECK(k.ui.recorder.showsText("Nom ou code PIN incorrect"));
    CHECK(!k.ui.recorder.showsText("Vérification…"));
    // The page is usable again, and empty: nothing typed during the check was kept.
    CHECK(k.ui.recorder.findByLabel("1") != nullptr);
    CHECK(k.ui.recorder.findByLabel("Valider") == nullptr);
}

TEST_CASE("the right PIN, checked on the worker, opens the trainer area when the check answers",
          "[security]") {
    Kiosk k;
    k.tap("Formateur");
    k.typeNameAndPin("482157");
    k.tap("Valider");
    CHECK(!k.verifier.ranOnUiThread);
    for (int i = 0; i < 10; ++i) {
        k.turn();
        CHECK(k.ui.recorder.showsText("Vérification…"));
        CHECK(!k.area().loggedIn());
    }
    k.finishCheck();
    REQUIRE(k.area().loggedIn());
    CHECK(k.area().trainer() == "Mme Benali");
    CHECK(k.audited("login-ok") == 1);
    CHECK(k.benali().failures == 0);
    CHECK(k.ui.recorder.showsText("Passations du jour"));
}
