// One place decides how a result is told (kiosk/core/report/result_presenter): the kiosk's result
// screen and the bilan (its model and its PDF) list the same skills under "Ce que vous savez
// déjà bien faire" and under "Ce que vous pouvez encore apprendre".
#include "app/controller.hpp"
#include "bilan_fixture.hpp"
#include "i18n/strings.hpp"
#include "report/bilan_store.hpp"
#include "report/result_presenter.hpp"
#include "report_pdf/bilan_pdf.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <memory>

using namespace repere;
using repere::test::TempDir;

namespace {

std::vector<std::string> titles(const std::vector<ui::SkillResult>& list) {
    std::vector<std::string> out;
    for (const auto& s : list)
        out.push_back(s.title);
    return out;
}

std::vector<std::string> titles(const std::vector<const report::SkillLine*>& list) {
    std::vector<std::string> out;
    for (const auto* s : list)
        out.push_back(s->title);
    return out;
}

quiz::Quiz loadNumerique() {
    auto r = quiz::loadPackage(std::string(REPERE_SOURCE_DIR) + "/quizzes/numerique");
    REQUIRE(r.ok());
    return std::move(*r.quiz);
}

engine::SkillResult placed(const char* id, std::size_t level, int used = 4, int dontKnow = 0) {
    engine::SkillResult s;
    s.skillId = id;
    s.level = level;
    s.itemsUsed = used;
    s.dontKnow = dontKnow;
    s.score = used - dontKnow; // something right: a strength needs it
    return s;
}

const std::vector<const char*> kDomains = {"environnement", "information", "communication",
                                           "creation", "protection"};

} // namespace

// Issue 17: a novice saw "Utiliser un appareil — Découverte" as a strength (the upper half of
// their own domains), an expert saw "Autonome" under what they can still learn.
TEST_CASE("presenter: a domain is a strength by its level, not by its rank",
          "[report][presenter]") {
    const quiz::Quiz quiz = loadNumerique();
    REQUIRE(quiz.framework.strengthLevel == "en-progres");
    engine::Results novice, expert, mixed;
    for (const char* d : kDomains) {
        novice.skills.push_back(placed(d, 0));
        expert.skills.push_back(placed(d, 3));
    }
    const auto n = report::presentResult(quiz, novice, "fr");
    CHECK(n.inGroup(report::SkillGroup::Strength).empty());
    CHECK(n.inGroup(report::SkillGroup::ToLearn).size() == 5);
    const auto e = report::presentResult(quiz, expert, "fr");
    CHECK(e.inGroup(report::SkillGroup::Strength).size() == 5);
    CHECK(e.inGroup(report::SkillGroup::ToLearn).empty());
    // Premiers pas is not yet "bien faire"; En progrès is.
    mixed.skills = {placed("environnement", 1), placed("information", 2)};
    const auto m = report::presentResult(quiz, mixed, "fr");
    CHECK(titles(m.inGroup(report::SkillGroup::Strength)) ==
          std::vector<std::string>{"Chercher une information"});
    CHECK(titles(m.inGroup(report::SkillGroup::ToLearn)) ==
          std::vector<std::string>{"Utiliser un appareil"});
}

// Issue 17: "Je reconnais un message douteux simple" was shown after the only phishing item was
// skipped. The numerique package asks 3 answers (not "Je ne sais pas") per domain.
TEST_CASE("presenter: a can-do line only with enough answers in that domain",
          "[report][presenter]") {
    const quiz::Quiz quiz = loadNumerique();
    REQUIRE(quiz.framework.canDoMinAnswers == 3);
    engine::Results results;
    results.skills = {placed("protection", 1, 4, 2), placed("creation", 1, 4, 1)};
    const auto p = report::presentResult(quiz, results, "fr");
    for (const auto& line : p.skills) {
        INFO(line.skillId);
        if (line.skillId == "protection") {
            CHECK(line.answered == 2);
            CHECK_FALSE(line.canDoShown);
            CHECK(line.canDo == "Pas assez de réponses pour conclure.");
        } else if (line.skillId == "creation") {
            CHECK(line.canDoShown);
            CHECK(line.canDo == "Je prends une photo avec mon téléphone et je la retrouve.");
        }
    }
}

// A non-reader's reading and writing are placed by routing (the sections' skipLevel), not by
// answers: the line says the part was not offered, never "too few answers" nor a can-do.
TEST_CASE("presenter: a skill placed by a skipped section says it was not offered",
          "[report][presenter]") {
    quiz::Quiz quiz = report::test::loadFrancais();
    engine::Results results;
    engine::SkillResult reading;
    reading.skillId = "reading";
    reading.level = 0;
    reading.skipped = true;
    results.skills = {placed("listening", 1, 6, 1), reading};
    const auto p = report::presentResult(quiz, results, "fr");
    const report::SkillLine* line = nullptr;
    for (const auto& s : p.skills)
        if (s.skillId == "reading")
            line = &s;
    REQUIRE(line);
    CHECK(line->skipped);
    CHECK_FALSE(line->canDoShown);
    CHECK(line->canDo == i18n::text("result.skipped_part", "fr"));
    CHECK(line->canDo != i18n::text("result.not_enough_answers", "fr"));
    CHECK(line->group == report::SkillGroup::ToLearn);
}

TEST_CASE("presenter: without strengthLevel the upper half are strengths, unplaced skills last",
          "[report][presenter]") {
    quiz::Quiz quiz = report::test::loadFrancais();
    engine::Results results;
    // listening A2, reading Pré-A1, writing A1, speaking not placed.
    auto skill = [](const char* id, std::optional<std::size_t> level) {
        engine::SkillResult s;
        s.skillId = id;
        s.level = level;
        s.score = level.value_or(0);
        s.notAssessed = !level;
        return s;
    };
    results.skills = {skill("listening", 3), skill("reading", 0), skill("writing", 2),
                      skill("speaking", std::nullopt)};
    const auto p = report::presentResult(quiz, results, "fr");
    REQUIRE(p.skills.size() == 4);
    CHECK(titles(p.inGroup(report::SkillGroup::Strength)) ==
          std::vector<std::string>{"Comprendre à l'oral", "Écrire"});
    CHECK(titles(p.inGroup(report::SkillGroup::ToLearn)) == std::vector<std::string>{"Lire"});
    CHECK(titles(p.inGroup(report::SkillGroup::NotPlaced)) == std::vector<std::string>{"Parler"});
    CHECK(p.skills.back().levelTitle == "Pas évalué");
    CHECK(p.skills.front().levelTitle == "A2");
    CHECK(!p.skills.front().canDo.empty());
    CHECK(i18n::text(report::groupHeadingKey(report::SkillGroup::Strength), "fr") ==
          "Ce que vous savez déjà bien faire");
}

TEST_CASE("presenter: the lowest step, a skipped part or nothing right is never a strength",
          "[report][presenter]") {
    const quiz::Quiz quiz = report::test::loadFrancais();
    engine::Results results;
    auto skill = [](const char* id, std::optional<std::size_t> level, double score) {
        engine::SkillResult s;
        s.skillId = id;
        s.level = level;
        s.score = score;
        s.notAssessed = !level;
        return s;
    };
    // Nothing right: every placed skill on a step, none earned.
    results.skills = {skill("listening", 1, 0), skill("reading", 0, 0), skill("writing", 0, 0),
                      skill("speaking", std::nullopt, 0)};
    auto p = report::presentResult(quiz, results, "fr");
    CHECK(p.inGroup(report::SkillGroup::Strength).empty());
    CHECK(p.firstStep == i18n::text("result.first_step", "fr"));
    // "Je ne lis pas encore" (reading skipped at the lowest step) beside a real A1 in listening.
    results.skills = {skill("listening", 2, 5), skill("reading", 0, 0), skill("writing", 0, 0),
                      skill("speaking", std::nullopt, 0)};
    results.skills[1].skipped = true;
    p = report::presentResult(quiz, results, "fr");
    CHECK(titles(p.inGroup(report::SkillGroup::Strength)) ==
          std::vector<std::string>{"Comprendre à l'oral"});
    CHECK(p.firstStep.empty());
    CHECK(p.skills.back().canDo == i18n::text("result.not_assessed_next", "fr"));
}

TEST_CASE("presenter: a result message about a skill that was not assessed is left out",
          "[report][presenter]") {
    quiz::Quiz quiz = report::test::loadFrancais();
    quiz::ResultMessage claim;
    claim.condition = nlohmann::json::parse(R"({">=": [{"var": "level.listening"}, 0]})");
    claim.text.byLocale = {{"fr", "Vous comprenez déjà."}};
    quiz::ResultMessage thanks;
    thanks.text.byLocale = {{"fr", "Merci !"}};
    engine::Results results;
    engine::SkillResult listening;
    listening.skillId = "listening";
    listening.notAssessed = true;
    results.skills = {listening};
    results.messages = {&claim, &thanks};
    CHECK(report::presentResult(quiz, results, "fr").message == "Merci !");
    results.skills[0].notAssessed = false;
    results.skills[0].level = 1;
    CHECK(report::presentResult(quiz, results, "fr").message == "Vous comprenez déjà. Merci !");
}

TEST_CASE("presenter: the kiosk's result screen and the bilan PDF list the same strengths",
          "[report][presenter]") {
    TempDir dir;
    auto db = store::Database::openDataDir(dir.path());
    const auto quiz = report::test::loadFrancais();
    const auto code = db->registerNewBeneficiary(std::string("Awa")).code;
    const auto taken = report::test::takeFrancais(*db, quiz, code);
    const auto rec = report::chooseAttempt(*db, code);

    // The kiosk's screen, from the same replayed answers the bilan reads.
    const auto replay =
        report::replayWithManualScores(quiz, rec, db->responsesOf(rec.uuid), {}, nullptr);
    const auto screen = app::resultView(report::presentResult(quiz, replay.results(), "fr"));
    const auto bilan = report::bilanFromStore(*db, {quiz}, rec, {});
    report::ResultPresentation fromBilan;
    fromBilan.skills = bilan.skills;
    const auto strengths = titles(fromBilan.inGroup(report::SkillGroup::Strength));
    REQUIRE(!strengths.empty());
    CHECK(titles(screen.strengths) == strengths);
    CHECK(titles(screen.toWork) == titles(fromBilan.inGroup(report::SkillGroup::ToLearn)));

    // The PDF prints them under the same heading, before "Ce que vous pouvez encore apprendre".
    const auto pdf = dir.path() / "bilan.pdf";
    report::writeBilanPdf(bilan, pdf);
    const auto text = report::test::runCommand("pdftotext -raw '" + pdf.string() + "' - 2>&1");
    INFO(text);
    const auto head = text.find("Ce que vous savez déjà bien faire");
    REQUIRE(head != std::string::npos);
    const auto learn = text.find("Ce que vous pouvez encore apprendre");
    for (const auto& s : strengths) {
        const auto at = text.find(s, head);
        REQUIRE(at != std::string::npos);
        if (learn != std::string::npos)
            CHECK(at < learn);
    }
    if (learn != std::string::npos)
        for (const auto& s : screen.toWork)
            CHECK(text.find(s.title, learn) != std::string::npos);
}
