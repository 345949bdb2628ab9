// "Synchroniser maintenant" in the trainer's kiosk panel: the screen returns the intent and shows
// the round's progress; the controller asks the sync worker for a round; and, end to end with a
// real SyncWorker and a real repere-server on 127.0.0.1, tapping the button sends what was pending.
#include "app/controller.hpp"
#include "app/sync_worker.hpp"
#include "core/store_test_util.hpp"
#include "support/controller_driver.hpp"
#include "support/server_fixture.hpp"
#include "sync/client/database_state.hpp"
#include "ui/screens/trainer_screens.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

using namespace repere;

namespace {

template <class A> const A* action(const ui::Intent& i) {
    const auto* t = std::get_if<ui::intent::Trainer>(&i);
    return t ? std::get_if<A>(&t->action) : nullptr;
}

// Stands in for the worker: counts requests, reports the status the test sets.
struct FakeSync final : app::SyncPort {
    app::SyncStatus current;
    int requests = 0;
    app::SyncStatus status() const override { return current; }
    void requestNow() override {
        ++requests;
        current.requested = true;
    }
};

// The real controller, store and screens (no window), logged in on the kiosk panel.
struct Kiosk : test::ControllerDriver {
    store::test::TempDir dir;
    std::unique_ptr<store::Database> db = store::Database::openDataDir(dir.path());
    std::vector<quiz::Quiz> quizzes;
    platform::ManualClock clock;

    explicit Kiosk(app::SyncPort* sync) {
        db->addTrainer("Mme Benali", "482157", store::PinHashParams::minimum());
        app::ControllerDeps deps;
        deps.quizzes = &quizzes;
        deps.db = db.get();
        deps.clock = &clock;
        deps.dataDir = dir.path();
        deps.sync = sync;
        controller = std::make_unique<app::Controller>(deps);
    }
    ~Kiosk() { controller.reset(); }
    void openKioskPanel() {
        controller->apply(ui::intent::Trainer{ui::trainer::OpenLogin{}});
        ui.type("Mme Benali");
        tap("Suivant");
        for (char c : std::string("482157"))
            tap(std::string(1, c));
        tap("Valider");
        REQUIRE(controller->trainerArea().loggedIn());
        controller->apply(ui::intent::Trainer{ui::trainer::OpenKioskPanel{}});
        REQUIRE(controller->trainerArea().page() == app::TrainerArea::Page::Kiosk);
    }
};

} // namespace

TEST_CASE("trainer kiosk panel: sync progress and the button's states", "[trainer][sync]") {
    test::UiHarness ui;
    ui::TrainerKioskView v;
    v.trainer = "Mme Benali";
    v.sync.available = true;
    v.sync.pending = 40;
    ui::TrainerKioskScratch s;
    auto draw = [&](ui::UiContext& ctx) {
        return ui::drawTrainerKiosk(v, s, ctx);
    };

    CHECK(action<ui::trainer::SyncNow>(ui.tap("Synchroniser maintenant", draw)));

    v.sync.requested = true; // tapped: no second request while it starts
    v.sync.progress = "Synchronisation demandée…";
    ui.frame(draw);
    CHECK(ui.recorder.showsText("Synchronisation demandée"));
    CHECK(ui.recorder.findByLabel("Synchroniser maintenant") == nullptr);

    v.sync.requested = false;
    v.sync.running = true;
    v.sync.progress = "Envoi en cours : 12 sur 40";
    v.sync.fraction = 0.3f;
    v.sync.lastError =
        "cannot connect to the server"; // from an earlier round: hidden while running
    ui.frame(draw);
    CHECK(ui.recorder.showsText("Envoi en cours : 12 sur 40"));
    CHECK_FALSE(ui.recorder.showsText("cannot connect"));
    CHECK(ui.recorder.findByLabel("Synchroniser maintenant") == nullptr);

    v.sync.running = false;
    v.sync.progress.clear();
    v.sync.next = "Nouvel essai automatique vers 14:32";
    ui.frame(draw);
    CHECK(ui.recorder.showsText("Dernière erreur : cannot connect to the server"));
    CHECK(ui.recorder.showsText("Nouvel essai automatique vers 14:32"));
    CHECK(ui.recorder.findByLabel("Synchroniser maintenant") != nullptr);

    v.sync.enrolled = false;
    ui.frame(draw);
    CHECK(ui.recorder.showsText("pas encore inscrite"));
}

TEST_CASE("trainer kiosk panel: the button asks the sync worker for a round and shows its status",
          "[trainer][sync]") {
    FakeSync sync;
    sync.current.started = true;
    sync.current.enrolled = true;
    sync.current.pending = 7;
    Kiosk k(&sync);
    k.openKioskPanel();
    CHECK(k.shows("7 enregistrement(s) en attente d'envoi"));
    CHECK(k.shows("Dernier envoi réussi : jamais"));

    k.tap("Synchroniser maintenant");
    CHECK(sync.requests == 1);
    CHECK(k.shows("Synchronisation demandée"));
    CHECK_FALSE(k.canTap("Synchroniser maintenant"));

    sync.current.requested = false;
    sync.current.running = true;
    sync.current.pushed = 5;
    sync.current.roundTotal = 7;
    CHECK(k.shows("Envoi en cours : 5 sur 7"));

    sync.current.running = false;
    sync.current.lastError = "cannot connect to the server";
    sync.current.lastErrorKind = app::SyncErrorKind::Network;
    CHECK(k.shows("Dernière erreur : le serveur central ne répond pas."));
    CHECK(k.shows("cannot connect to the server")); // the detail, for IT
    sync.current.lastError.clear();
    sync.current.lastErrorKind = app::SyncErrorKind::None;
    sync.current.pending = 0;
    sync.current.lastSuccessMs = 1795870800000; // 2026-11-28 11:00 UTC
    CHECK(k.shows("0 enregistrement(s) en attente d'envoi"));
    CHECK_FALSE(k.shows("Dernier envoi réussi : jamais"));
    CHECK(k.shows("28/11"));
    sync.current.pushed = 7;
    sync.current.lastRoundMs = 1795870800000;
    CHECK(k.shows("Dernière synchronisation terminée : 7 enregistrement(s) envoyé(s)."));
    CHECK(k.canTap("Synchroniser maintenant"));
    CHECK(sync.requests == 1);
}

TEST_CASE("trainer kiosk panel: a full disk, an unreachable server and a refused code each say "
          "their own French sentence",
          "[trainer][sync]") {
    FakeSync sync;
    sync.current.started = true;
    sync.current.enrolled = true;
    sync.current.pending = 3;
    Kiosk k(&sync);
    k.openKioskPanel();
    using K = app::SyncErrorKind;
    const std::vector<std::pair<K, std::string>> said{
        {K::DiskFull, "Dernière erreur : la borne n'a plus de place (disque plein)."},
        {K::Network, "Dernière erreur : le serveur central ne répond pas."},
        {K::CodeRefused, "Dernière erreur : le code d'inscription est refusé"},
        {K::Refused, "Dernière erreur : le serveur refuse cette borne"},
    };
    for (const auto& [kind, sentence] : said) {
        INFO(sync::toString(kind));
        sync.current.lastError = "detail for IT";
        sync.current.lastErrorKind = kind;
        CHECK(k.shows(sentence));
        for (const auto& [other, otherSentence] : said)
            if (other != kind)
                CHECK_FALSE(k.shows(otherSentence));
        CHECK(k.shows("detail for IT"));
    }
}

TEST_CASE("trainer kiosk panel: without sync on this kiosk the button is off and says why",
          "[trainer][sync]") {
    Kiosk k(nullptr);
    k.openKioskPanel();
    CHECK_FALSE(k.canTap("Synchroniser maintenant"));
    CHECK(k.shows("pas encore configurée"));
}

TEST_CASE("trainer kiosk panel: Synchroniser maintenant sends the pending records to a real server",
          "[trainer][sync]") {
    test::ServerFixture srv;
    Kiosk k(nullptr); // rebuilt below with the worker
    {
        sync::DatabaseSyncState state(*k.db);
        REQUIRE(sync::SyncClient::enrol(state, srv.url(), srv.newCode(), "kiosk-trainer").ok);
    }
    for (int i = 0; i < 25; ++i)
        k.db->registerNewBeneficiary();

    app::SyncWorkerOptions o;
    o.dataDir = k.dir.path();
    o.pollMs = 50;
    o.validate = [](const std::filesystem::path&) {
        return std::vector<std::string>{};
    };
    app::SyncWorker worker(o);
    worker.start();
    auto waitFor = [&](auto pred) {
        const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (!pred(worker.status()) && std::chrono::steady_clock::now() < end)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        return worker.status();
    };
    // The worker's own first round goes at once (records pending, no failure): let it finish,
    // then store more so that something is pending when the button is tapped (back-off: 1 min).
    auto first = waitFor(
        [](const app::SyncStatus& s) { return s.started && s.lastSuccessMs && s.pending == 0; });
    REQUIRE(first.lastSuccessMs);
    const auto firstSuccess = *first.lastSuccessMs;
    for (int i = 0; i < 12; ++i)
        k.db->registerNewBeneficiary();
    auto waiting = waitFor([](const app::SyncStatus& s) { return s.pending == 12; });
    REQUIRE(waiting.pending == 12);

    app::ControllerDeps deps;
    deps.quizzes = &k.quizzes;
    deps.db = k.db.get();
    deps.clock = &k.clock;
    deps.dataDir = k.dir.path();
    deps.sync = &worker;
    k.controller = std::make_unique<app::Controller>(deps);
    k.openKioskPanel();
    CHECK(k.shows("12 enregistrement(s) en attente d'envoi"));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    CHECK(worker.status().pending == 12); // still waiting for its back-off minute

    k.tap("Synchroniser maintenant");
    const auto done = waitFor([&](const app::SyncStatus& s) {
        return s.pending == 0 && !s.running && s.lastSuccessMs &&
               *s.lastSuccessMs >= firstSuccess && !s.requested;
    });
    worker.stop();
    CHECK(done.pending == 0);
    CHECK(done.lastError.empty());
    CHECK(srv.storage->records().size() == 37);
    CHECK(k.shows("0 enregistrement(s) en attente d'envoi"));
    CHECK_FALSE(k.shows("Dernier envoi réussi : jamais"));
}
