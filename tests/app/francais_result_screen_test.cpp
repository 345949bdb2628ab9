// The French diagnostic (quizzes/francais) played through the kiosk's screens with ImGui input
// (taps found by their labels, as a finger would): the real controller, engine and store, no
// window. Two people the result screen must be honest with:
// - a kiosk without sound: the listening and speaking parts are one "Cette partie demande du
//   son" screen (not item after item of "Son indisponible"), and the result says "Pas évalué"
//   for those skills, stored as not assessed (never as failed);
// - a person who answers nothing right (every "Je ne sais pas"): nothing under "Ce que vous
//   savez déjà bien faire", an encouraging next step instead, and no sentence claiming a skill.
#include "app/controller.hpp"
#include "audio/audio_test_support.hpp"
#include "i18n/strings.hpp"
#include "quiz/loader.hpp"
#include "ui/ui_harness.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace repere;
namespace fs = std::filesystem;

namespace {

std::vector<quiz::Quiz> loadFrancais() {
    std::vector<quiz::Quiz> out;
    for (auto& r : quiz::loadPackages(fs::path(REPERE_SOURCE_DIR) / "quizzes"))
        if (r.ok() && r.quiz->id == "francais")
            out.push_back(std::move(*r.quiz));
    REQUIRE(out.size() == 1);
    return out;
}

struct FrenchKiosk {
    explicit FrenchKiosk(bool withSound) {
        audio::AudioSettings s;
        s.autoPlayInstructions = false;
        rig = std::make_unique<audio::test::Rig>(s);
        quizzes = loadFrancais();
        db = store::Database::openDataDir(rig->dir.path);
        app::ControllerDeps d;
        d.quizzes = &quizzes;
        d.db = db.get();
        d.clock = &clock;
        d.audio = withSound ? rig->service.get() : nullptr;
        d.seed = 11;
        controller = std::make_unique<app::Controller>(d);
    }

    ui::Intent draw(ui::UiContext& ctx) { return controller->draw(ctx); }
    // Taps the widget showing `label` on the screen as drawn now, then applies what it asked
    // (choosing an option asks nothing yet: the selection lives in the item's scratch state).
    void tap(const std::string& label) {
        const auto intent = ui.tap(label, [this](ui::UiContext& c) { return draw(c); });
        controller->apply(intent);
        rig->service->update();
        seen.push_back(controller->screen());
        if (controller->screen() == app::Screen::Item)
            itemsShown.insert(controller->attempt()->current()->item->id);
    }
    // Every text drawn on the current screen (scrolled-out lines included).
    std::string screenText() {
        ui.frame([this](ui::UiContext& c) { return draw(c); });
        std::string all;
        for (const auto& t : ui.recorder.texts())
            all += t.text + "\n";
        return all;
    }
    void toProfile() {
        tap("Commencer");
        tap("Français");
        tap("D'accord");
        tap("Je n'ai pas de code");
        tap("Diagnostic de français");
        REQUIRE(controller->screen() == app::Screen::Item);
        tap("Continuer"); // the introduction
    }
    void answerProfile(const std::string& alphabet) {
        for (const auto& option : {alphabet, std::string("Pas d'école"), std::string("Arabe")}) {
            tap(option);
            tap("Valider");
        }
    }
    int timesSeen(app::Screen s) const {
        return static_cast<int>(std::count(seen.begin(), seen.end(), s));
    }
    const engine::SkillResult* skill(const std::string& id) const {
        static engine::Results r;
        r = controller->attempt()->results();
        return r.skill(id);
    }

    test::UiHarness ui;
    std::unique_ptr<audio::test::Rig> rig;
    platform::ManualClock clock;
    std::vector<quiz::Quiz> quizzes;
    std::unique_ptr<store::Database> db;
    std::unique_ptr<app::Controller> controller;
    std::vector<app::Screen> seen;
    std::set<std::string> itemsShown;
};

} // namespace

TEST_CASE("without sound the listening and speaking parts are one screen and 'pas évalué'",
          "[app][francais][screen]") {
    FrenchKiosk k(false);
    k.toProfile();
    k.answerProfile("Non, pas encore"); // has not learnt to read yet: no reading, no writing
    REQUIRE(k.controller->screen() == app::Screen::SoundNeeded);
    const auto needed = k.screenText();
    CHECK(needed.find(i18n::text("sound_needed.title", "fr")) != std::string::npos);
    CHECK(needed.find("Écoutez") == std::string::npos); // no listening item behind it
    k.tap("Continuer");
    REQUIRE(k.controller->screen() == app::Screen::Result);
    CHECK(k.timesSeen(app::Screen::SoundNeeded) == 1);
    // No listening or speaking item was shown: only the introduction and the profile.
    CHECK(k.itemsShown ==
          std::set<std::string>{"intro", "prof-alphabet", "prof-ecole", "prof-langues"});

    // The engine: listening and speaking not assessed (no level), never a failed level.
    for (const auto* id : {"listening", "speaking"}) {
        INFO(id);
        const auto* s = k.skill(id);
        REQUIRE(s);
        CHECK(s->notAssessed);
        CHECK_FALSE(s->level.has_value());
        CHECK(s->score == 0.0);
        CHECK(s->dontKnow == 0);
    }
    CHECK(k.skill("listening")->unavailable > 0);
    for (const auto& r : k.controller->attempt()->responses())
        if (r.sectionId.rfind("ecoute", 0) == 0 || r.sectionId.rfind("parler", 0) == 0)
            CHECK(r.status == engine::ResponseStatus::Unavailable);

    const auto result = k.screenText();
    INFO(result);
    CHECK(result.find("Comprendre à l'oral") != std::string::npos);
    CHECK(result.find("Parler") != std::string::npos);
    const auto notAssessed = i18n::text("result.not_placed_level", "fr");
    CHECK(notAssessed == "Pas évalué");
    std::size_t count = 0;
    for (auto at = result.find(notAssessed); at != std::string::npos;
         at = result.find(notAssessed, at + 1))
        ++count;
    CHECK(count == 2);
    // Reading and writing were not offered to a person who has not learnt to read: the result
    // says so for both, and never that there were too few answers.
    const auto notOffered = i18n::text("result.skipped_part", "fr");
    CHECK(result.find(notOffered) != std::string::npos);
    CHECK(result.find(notOffered, result.find(notOffered) + 1) != std::string::npos);
    CHECK(result.find(i18n::text("result.not_enough_answers", "fr")) == std::string::npos);
    // "Je ne lis pas encore" is not a strength; the summary claims no listening.
    CHECK(result.find(i18n::text("result.strengths", "fr")) == std::string::npos);
    CHECK(result.find(i18n::text("result.first_step", "fr")) != std::string::npos);
    CHECK(result.find("Vous comprenez") == std::string::npos);
    CHECK(result.find("Vous parlez") == std::string::npos);
}

TEST_CASE("a person who answers nothing right sees no strength and an encouraging next step",
          "[app][francais][screen]") {
    FrenchKiosk k(true);
    k.toProfile();
    k.answerProfile("Oui, avec ces lettres"); // reads Latin letters: every part runs
    int items = 0;
    while (k.controller->screen() == app::Screen::Item && items < 200) {
        k.tap("Je ne sais pas");
        ++items;
    }
    REQUIRE(k.controller->screen() == app::Screen::Result);
    CHECK(k.timesSeen(app::Screen::SoundNeeded) == 0);
    CHECK(items >= 10);
    for (const auto* id : {"listening", "reading", "writing"}) {
        INFO(id);
        const auto* s = k.skill(id);
        REQUIRE(s);
        CHECK(s->level.has_value());
        CHECK(s->score == 0.0);
    }
    const auto result = k.screenText();
    INFO(result);
    CHECK(result.find(i18n::text("result.strengths", "fr")) == std::string::npos);
    CHECK(result.find(i18n::text("result.to_work", "fr")) != std::string::npos);
    CHECK(result.find(i18n::text("result.first_step", "fr")) != std::string::npos);
    // Every spoken task got "Je ne sais pas": nothing says the person speaks or understands.
    CHECK(result.find("Vous parlez") == std::string::npos);
    CHECK(result.find("Vous comprenez") == std::string::npos);
}
