// The controller's sound logic on fake devices: plays counted and limited by maxPlays, a spoken
// answer saved as a file and referenced from the stored response, "unavailable" (not wrong)
// when nothing could be heard or recorded, every sound stopped when the screen changes, and the
// calm save error when the store refuses an answer.
#include "app/controller.hpp"
#include "audio/audio_test_support.hpp"
#include "i18n/strings.hpp"
#include "quiz/loader.hpp"
#include "store/errors.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <functional>

using namespace repere;
namespace fs = std::filesystem;
namespace I = ui::intent;
namespace It = ui::items;

namespace {

std::vector<quiz::Quiz> loadOral() {
    std::vector<quiz::Quiz> out;
    for (auto& r :
         quiz::loadPackages(fs::path(REPERE_SOURCE_DIR) / "tests/fixtures/kiosk-audio/quizzes"))
        if (r.ok())
            out.push_back(std::move(*r.quiz));
    REQUIRE(out.size() == 1);
    return out;
}

// A kiosk without a window: real store and engine, the audio service on fake devices.
struct Kiosk {
    using Tweak = std::function<void(app::ControllerDeps&, audio::AudioSettings&)>;
    explicit Kiosk(bool withAudio = true, store::OpenOptions dbOptions = {},
                   const Tweak& tweak = {}) {
        audio::AudioSettings s;
        s.autoPlayInstructions = true;
        s.recordPreRollS = 1;
        app::ControllerDeps d;
        if (tweak)
            tweak(d, s);
        rig = std::make_unique<audio::test::Rig>(s);
        quizzes = loadOral();
        db = store::Database::openDataDir(rig->dir.path, dbOptions);
        d.quizzes = &quizzes;
        d.db = db.get();
        d.clock = &clock;
        d.audio = withAudio ? rig->service.get() : nullptr;
        d.seed = 7;
        controller = std::make_unique<app::Controller>(d);
    }
    void apply(const ui::Intent& i) {
        controller->apply(i);
        rig->service->update();
    }
    void item(const It::ItemIntent& i) { apply(I::Item{i}); }
    void toFirstItem() {
        apply(I::Start{});
        apply(I::ChooseLanguage{"fr"});
        apply(I::AcceptConsent{});
        apply(I::NoCode{});
        apply(I::ChooseQuiz{"demo-oral"});
        REQUIRE(controller->screen() == app::Screen::Item);
    }
    std::string currentItem() const { return controller->attempt()->current()->item->id; }
    std::vector<engine::Response> responses() const {
        return db->responsesOf(controller->attempt()->options().attemptUuid);
    }

    std::unique_ptr<audio::test::Rig> rig;
    platform::ManualClock clock;
    std::vector<quiz::Quiz> quizzes;
    std::unique_ptr<store::Database> db;
    std::unique_ptr<app::Controller> controller;
};

const nlohmann::json kOui = {{"selected", {"oui"}}};

} // namespace

TEST_CASE("a listening item counts each play and stops at maxPlays", "[app][audio]") {
    Kiosk k;
    k.toFirstItem();
    REQUIRE(k.currentItem() == "eco-son");
    // The instruction started by itself (auto-play setting) through the fake synthesizer.
    REQUIRE(k.rig->service->waitForSpeech(std::chrono::seconds(5)));
    k.rig->service->update();
    CHECK(k.rig->synth->calls >= 1);

    const It::PlayAudio play{"snd-message", true};
    k.item(play);
    CHECK(k.controller->attempt()->current()->playsUsed == 1);
    CHECK(k.controller->itemView().item.stimulusPlaying);
    k.rig->playThrough();
    k.item(play);
    k.rig->playThrough();
    CHECK(k.controller->attempt()->current()->playsUsed == 2);
    const int startsBefore = k.rig->out->starts();
    k.item(play); // maxPlays is 2: refused, nothing plays
    CHECK(k.controller->attempt()->current()->playsUsed == 2);
    CHECK(k.rig->out->starts() == startsBefore);
    CHECK_FALSE(k.controller->itemView().item.stimulusUnavailable);

    k.apply(I::Answer{kOui});
    const auto rs = k.responses();
    REQUIRE(rs.size() == 1);
    CHECK(rs[0].plays == 2);
    CHECK(rs[0].status == engine::ResponseStatus::Ok);
}

TEST_CASE("a play the device refused is not charged and the item is stored unavailable",
          "[app][audio]") {
    Kiosk k;
    k.toFirstItem();
    k.rig->out->failNextStart = "no sound card";
    k.item(It::PlayAudio{"snd-message", true});
    CHECK(k.controller->attempt()->current()->playsUsed == 0);
    const auto v = k.controller->itemView();
    CHECK(v.item.stimulusUnavailable);
    CHECK(v.soundUnavailable);
    CHECK(v.allowDontKnow);
    // Even a guess is not scored: the person could not hear the question.
    k.apply(I::Answer{kOui});
    const auto rs = k.responses();
    REQUIRE(rs.size() == 1);
    CHECK(rs[0].status == engine::ResponseStatus::Unavailable);
}

TEST_CASE("a spoken answer is saved as a file and referenced from the stored response",
          "[app][audio]") {
    Kiosk k;
    k.toFirstItem();
    k.apply(I::Answer{kOui});
    REQUIRE(k.currentItem() == "ora-nom");
    using S = It::RecordingStatus::State;
    CHECK(k.controller->itemView().item.recording.state == S::Idle);

    k.item(It::StartRecording{20});
    CHECK(k.controller->itemView().item.recording.state == S::Countdown);
    CHECK(k.controller->animating());
    k.rig->clock.advance(std::chrono::milliseconds(1100));
    k.rig->service->update();
    REQUIRE(k.controller->itemView().item.recording.state == S::Recording);
    REQUIRE(k.rig->in->feedTone(2.0, 0.4f));
    k.rig->service->update();
    CHECK(k.controller->itemView().item.recording.level > 0.1f);
    k.item(It::StopRecording{});
    auto v = k.controller->itemView();
    CHECK(v.item.recording.state == S::Recorded);
    CHECK(v.item.recording.canListenBack);
    k.item(It::ListenBack{});
    CHECK(k.rig->service->isPlaying());

    k.apply(I::Answer{nlohmann::json::object()}); // "Valider": the provisional answer is replaced
    const auto rs = k.responses();
    REQUIRE(rs.size() == 2);
    CHECK(rs[1].itemId == "ora-nom");
    CHECK(rs[1].status == engine::ResponseStatus::PendingManual);
    const std::string rec = rs[1].answer.at("recording");
    CHECK(rec.rfind("rec/", 0) == 0);
    CHECK(fs::file_size(k.rig->dir.path / rec) > 1000);
    CHECK(rs[1].answer.at("durationS").get<double>() == Approx(2.0).margin(0.05));
}

TEST_CASE("without any sound the oral items pass behind one screen, stored unavailable",
          "[app][audio]") {
    Kiosk k(/*withAudio=*/false);
    k.apply(I::Start{});
    k.apply(I::ChooseLanguage{"fr"});
    k.apply(I::AcceptConsent{});
    k.apply(I::NoCode{});
    k.apply(I::ChooseQuiz{"demo-oral"});
    // Not item after item of "Son indisponible": one screen, then on.
    REQUIRE(k.controller->screen() == app::Screen::SoundNeeded);
    k.apply(I::Answer{kOui}); // an answer from another screen changes nothing here
    CHECK(k.controller->screen() == app::Screen::SoundNeeded);
    k.apply(I::SoundNeededContinue{});
    CHECK(k.controller->screen() == app::Screen::Result);
    const auto rs = k.responses();
    REQUIRE(rs.size() == 2);
    CHECK(rs[0].itemId == "eco-son");
    CHECK(rs[0].status == engine::ResponseStatus::Unavailable);
    CHECK(rs[1].itemId == "ora-nom");
    CHECK(rs[1].status == engine::ResponseStatus::Unavailable);
    // Not assessed, never failed.
    const auto results = k.controller->attempt()->results();
    for (const auto& skill : results.skills) {
        INFO(skill.skillId);
        CHECK(skill.notAssessed);
        CHECK(skill.unavailable == 1);
        CHECK_FALSE(skill.level.has_value());
    }
}

TEST_CASE("leaving the screen stops the sound and a new person hears nothing of the last",
          "[app][audio]") {
    Kiosk k;
    k.toFirstItem();
    k.item(It::PlayAudio{"snd-message", true});
    REQUIRE(k.rig->service->isPlaying());
    k.apply(I::Pause{});
    CHECK(k.controller->screen() == app::Screen::Pause);
    CHECK_FALSE(k.rig->service->isPlaying());
    k.apply(I::ContinueAfterPause{});
    // The engine's count survives the pause: one play left, not two.
    CHECK(k.controller->attempt()->current()->playsUsed == 1);
    k.item(It::PlayAudio{"snd-message", true});
    CHECK(k.controller->attempt()->current()->playsUsed == 2);
    k.apply(I::StopForToday{});
    k.apply(I::GoodbyeDone{});
    CHECK(k.controller->screen() == app::Screen::Welcome);
    CHECK_FALSE(k.rig->service->isPlaying());
    CHECK_FALSE(k.rig->service->stimulus().active);
}

TEST_CASE("a refused save shows the calm error and the same answer is stored on retry",
          "[app][store]") {
    store::OpenOptions o;
    o.busyTimeoutMs = 50;
    Kiosk k(true, o);
    k.toFirstItem();
    {
        // Another writer holds the database (the same error path as a full disk).
        SQLite::Database other(k.db->path().string(), SQLite::OPEN_READWRITE);
        other.exec("BEGIN EXCLUSIVE");
        k.apply(I::Answer{kOui});
        CHECK(k.controller->screen() == app::Screen::Error);
        CHECK(k.controller->errorView().messageKey == "error.save");
        CHECK(k.controller->errorView().canRetry);
        CHECK(k.responses().empty());
        k.apply(I::ErrorRetry{}); // still locked: refused again, still the calm screen
        CHECK(k.controller->screen() == app::Screen::Error);
        other.exec("COMMIT");
    }
    k.apply(I::ErrorRetry{});
    CHECK(k.controller->screen() == app::Screen::Item);
    CHECK(k.currentItem() == "ora-nom");
    const auto rs = k.responses();
    REQUIRE(rs.size() == 1);
    CHECK(rs[0].itemId == "eco-son");
}

TEST_CASE("a full disk shows its own French message (disque plein), not the generic one",
          "[app][store]") {
    // SQLite's max_page_count at the size of a fresh kiosk database: the first write that needs
    // a new page fails with SQLITE_FULL, exactly as on a full disk (the same error code).
    std::int64_t freshPages = 0;
    {
        Kiosk probe(false);
        SQLite::Database raw(probe.db->path().string(), SQLite::OPEN_READONLY);
        freshPages = raw.execAndGet("PRAGMA page_count").getInt64();
    }
    store::OpenOptions o;
    o.maxPageCount = freshPages;
    Kiosk k(false, o);
    // People take the diagnostic one after the other ("Je ne sais pas" to every question) until
    // a write needs a page the disk does not have.
    int steps = 0;
    for (; steps < 2000 && k.controller->screen() != app::Screen::Error; ++steps) {
        switch (k.controller->screen()) {
        case app::Screen::Welcome:
            k.apply(I::Start{});
            break;
        case app::Screen::Language:
            k.apply(I::ChooseLanguage{"fr"});
            break;
        case app::Screen::Consent:
            k.apply(I::AcceptConsent{});
            break;
        case app::Screen::Code:
            k.apply(I::NoCode{});
            break;
        case app::Screen::QuizChoice:
            k.apply(I::ChooseQuiz{"demo-oral"});
            break;
        case app::Screen::Item:
            k.apply(I::DontKnow{});
            break;
        case app::Screen::SoundNeeded: // no sound: the oral parts are left for the trainer
            k.apply(I::SoundNeededContinue{});
            break;
        case app::Screen::Result:
            k.apply(I::FinishResult{});
            break;
        case app::Screen::Goodbye:
            k.apply(I::GoodbyeDone{});
            break;
        default:
            FAIL("unexpected screen " << app::toString(k.controller->screen()));
        }
    }
    INFO("steps before the refusal: " << steps);
    REQUIRE(k.controller->screen() == app::Screen::Error);
    const std::string key = k.controller->errorView().messageKey;
    CHECK(key == "error.store.disk_full");
    CHECK_THAT(i18n::text(key, "fr"), Catch::Contains("disque plein"));
    CHECK(i18n::text(key, "fr") != i18n::text("error.save", "fr"));
}

TEST_CASE("sound check: Oui goes on with sound and two Non make sound unavailable",
          "[app][audio]") {
    const auto withCheck = [](app::ControllerDeps& d, audio::AudioSettings&) {
        d.soundCheck = true;
        d.soundCheckMusic = audio::test::asset("sounds/sound-check.ogg");
    };
    {
        Kiosk k(true, {}, withCheck);
        k.apply(I::Start{});
        k.apply(I::ChooseLanguage{"fr"});
        REQUIRE(k.controller->screen() == app::Screen::SoundCheck);
        CHECK(k.rig->service->soundCheck() == audio::SoundCheckState::Asking);
        CHECK(k.rig->service->isPlaying()); // the music opens the screen, no words over it
        k.apply(I::SoundCheckAnswer{true});
        CHECK(k.controller->screen() == app::Screen::Consent);
        CHECK_FALSE(k.controller->soundUnavailable());
    }
    {
        Kiosk k(true, {}, withCheck);
        k.apply(I::Start{});
        k.apply(I::ChooseLanguage{"fr"});
        k.apply(I::SoundCheckAnswer{false}); // once more: the music plays again
        CHECK(k.controller->screen() == app::Screen::SoundCheck);
        CHECK(k.rig->service->isPlaying());
        k.apply(I::SoundCheckAnswer{false});
        CHECK(k.controller->screen() == app::Screen::Consent);
        CHECK(k.controller->soundUnavailable());
        k.apply(I::AcceptConsent{});
        k.apply(I::NoCode{});
        k.apply(I::ChooseQuiz{"demo-oral"});
        // One screen for the whole oral part, then every item stored as unavailable.
        REQUIRE(k.controller->screen() == app::Screen::SoundNeeded);
        k.apply(I::SoundNeededContinue{});
        CHECK(k.controller->screen() == app::Screen::Result);
        CHECK(k.responses().at(0).status == engine::ResponseStatus::Unavailable);
    }
    {
        Kiosk k; // switched off: straight to consent
        k.apply(I::Start{});
        k.apply(I::ChooseLanguage{"fr"});
        CHECK(k.controller->screen() == app::Screen::Consent);
    }
}

TEST_CASE("option speaker buttons read the option and the next instruction is prepared",
          "[app][audio]") {
    Kiosk k(true, {},
            [](app::ControllerDeps&, audio::AudioSettings& s) { s.autoPlayInstructions = false; });
    k.toFirstItem();
    // Nothing talks by itself with auto-play off, but the next item's instruction is synthesised
    // into the cache in the background.
    REQUIRE(k.rig->service->waitForSpeech(std::chrono::seconds(5)));
    CHECK(k.rig->synth->calls == 1);
    CHECK_FALSE(k.rig->service->isPlaying());
    k.item(It::ReadOption{"non"});
    REQUIRE(k.rig->service->waitForSpeech(std::chrono::seconds(5)));
    k.rig->service->update();
    CHECK(k.rig->synth->calls == 2);
    CHECK(k.rig->service->isPlaying());
    k.item(It::ReadOption{"nope"}); // unknown option: nothing, no crash
    CHECK(k.rig->synth->calls == 2);
}
