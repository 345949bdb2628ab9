// The bilan model and its PDF on the real French diagnostic: levels recomputed with the trainer's
// manual scores, strengths first, and the PDF's text (pdftotext) shows code, levels and scores.
#include "bilan_fixture.hpp"
#include "core/store_test_util.hpp"
#include "report/bilan_store.hpp"
#include "report_pdf/bilan_pdf.hpp"
#include "store/beneficiary_code.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace repere;
using repere::store::test::TempDir;

namespace {

double rubricMax(const quiz::Quiz& quiz, store::Database& db, const std::string& responseUuid) {
    const auto r = db.findResponse(responseUuid);
    double max = 0;
    for (const auto& c : quiz.findItem(r->itemId)->scoring.rubric)
        max += c.points;
    return max;
}

using repere::report::test::runCommand;

// pdftotext joins nothing across lines reliably; compare on a text with whitespace collapsed.
std::string collapse(const std::string& s) {
    std::string out;
    for (char c : s) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
        if (space) {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

TEST_CASE("bilan: levels per skill with strengths first and pending manual answers counted",
          "[report]") {
    TempDir dir;
    auto db = store::Database::openDataDir(dir.path());
    const auto quiz = report::test::loadFrancais();
    const auto code = db->registerNewBeneficiary(std::string("Awa")).code;
    const auto taken = report::test::takeFrancais(*db, quiz, code);
    REQUIRE(!taken.writeResponses.empty());
    REQUIRE(!taken.speakResponses.empty());

    const auto bilan = report::bilanFromStore(*db, {quiz}, report::chooseAttempt(*db, code), {});
    CHECK(bilan.code == code);
    REQUIRE(bilan.firstName == std::optional<std::string>("Awa"));
    CHECK(bilan.quizTitle == "Diagnostic de français");
    CHECK(bilan.quizVersion == quiz.version);
    REQUIRE(bilan.skills.size() == quiz.framework.skills.size());
    CHECK(bilan.pendingManual ==
          static_cast<int>(taken.writeResponses.size() + taken.speakResponses.size()));
    CHECK(bilan.manualScores.empty());
    for (std::size_t i = 1; i < bilan.skills.size(); ++i) {
        const auto& a = bilan.skills[i - 1];
        const auto& b = bilan.skills[i];
        // Strengths first: a placed skill never follows an unplaced one, steps never go up.
        if (b.level) {
            REQUIRE(a.level);
            CHECK(*a.level >= *b.level);
        }
    }
    for (const auto& s : bilan.skills) {
        CHECK(s.levelTitles.size() == quiz.framework.levels.size());
        if (s.level) {
            CHECK(s.levelTitle == quiz.framework.levels[*s.level].title.get("fr"));
            CHECK(!s.canDo.empty());
        } else {
            // Waiting for the trainer's score is not "not assessed".
            CHECK(s.levelTitle ==
                  (s.pendingManual > 0 ? "Votre conseiller va l'évaluer" : "Pas évalué"));
        }
    }
}

TEST_CASE("bilan: each skill reads its own can-do line so Lire at B1 speaks of reading",
          "[report]") {
    TempDir dir;
    auto db = store::Database::openDataDir(dir.path());
    const auto quiz = report::test::loadFrancais();
    const auto code = db->registerNewBeneficiary(std::string("Awa")).code;
    report::test::takeFrancais(*db, quiz, code); // every choice right: reading reaches B1
    const auto bilan = report::bilanFromStore(*db, {quiz}, report::chooseAttempt(*db, code), {});
    const auto& fw = quiz.framework;
    const report::SkillLine* reading = nullptr;
    for (const auto& s : bilan.skills)
        if (s.skillId == "reading")
            reading = &s;
    REQUIRE(reading);
    REQUIRE(reading->level);
    REQUIRE(fw.levels[*reading->level].id == "b1");
    CHECK(reading->canDo == fw.canDo.at("reading").at("b1").get("fr"));
    CHECK(reading->canDo.find("Je lis") == 0);
    // Not the level's all-skills text, and not another skill's line.
    CHECK(reading->canDo != fw.levels[*reading->level].canDo.get("fr"));
    CHECK(reading->canDo != fw.canDo.at("speaking").at("b1").get("fr"));
    // A placed skill reads its own line; one placed on too few real answers (writing here: its
    // typed answers wait for a trainer) says so instead of claiming a can-do.
    for (const auto& s : bilan.skills) {
        if (!s.level)
            continue;
        if (s.canDoShown)
            CHECK(s.canDo == fw.canDo.at(s.skillId).at(fw.levels[*s.level].id).get("fr"));
        else if (s.skipped)
            CHECK(s.canDo == "Pas proposé aujourd'hui : une formation vous aidera à commencer.");
        else
            CHECK(s.canDo == "Pas assez de réponses pour conclure.");
    }
    CHECK(reading->canDoShown);
}

TEST_CASE("bilan PDF: every can-do line of both bundled diagnostics takes one line", "[report]") {
    for (const char* pkg : {"francais", "numerique"}) {
        const auto loaded =
            quiz::loadPackage(std::filesystem::path(REPERE_SOURCE_DIR) / "quizzes" / pkg);
        REQUIRE(loaded.ok());
        const auto& fw = loaded.quiz->framework;
        // Complete: a line for every skill at every level.
        for (const auto& skill : fw.skills) {
            INFO(pkg << " " << skill.id);
            REQUIRE(fw.canDo.count(skill.id) == 1);
            CHECK(fw.canDo.at(skill.id).size() == fw.levels.size());
        }
        for (const auto& [skill, lines] : fw.canDo)
            for (const auto& [level, text] : lines)
                for (const auto& [locale, words] : text.byLocale) {
                    INFO(pkg << " " << skill << " " << level << " " << locale << ": " << words);
                    const bool firstPerson =
                        words.rfind("Je ", 0) == 0 || words.rfind("J'", 0) == 0;
                    CHECK((firstPerson || locale != "fr"));
                    CHECK(report::canDoLineCount(words) == 1);
                }
    }
    // A typical sentence at the loader's limit fits too; a paragraph does not.
    const std::string limit =
        "Je comprends une explication claire et je réponds : un entretien, une réunion, la radio.";
    REQUIRE(limit.size() >= 88);
    CHECK(report::canDoLineCount(limit) == 1);
    CHECK(report::canDoLineCount(limit + " " + limit) == 2);
}

TEST_CASE("bilan: a trainer manual score is applied and the latest one counts", "[report]") {
    TempDir dir;
    auto db = store::Database::openDataDir(dir.path());
    const auto quiz = report::test::loadFrancais();
    const auto code = db->registerNewBeneficiary(std::string("Awa")).code;
    const auto taken = report::test::takeFrancais(*db, quiz, code);
    const auto attempt = report::chooseAttempt(*db, code);

    const auto before = report::replayWithManualScores(quiz, attempt, db->responsesOf(attempt.uuid),
                                                       db->manualScoresOf(attempt.uuid));
    const double writingBefore = before.results().skill("writing")->score;

    const auto w = taken.writeResponses.front();
    const double wMax = rubricMax(quiz, *db, w);
    db->addManualScore(w, "Mme Benali", nlohmann::json::object(), 0.0, wMax);
    db->addManualScore(w, "Mme Benali", nlohmann::json::object(), wMax,
                       wMax); // corrected: latest wins
    const auto s = taken.speakResponses.front();
    db->addManualScore(s, "Mme Benali", nlohmann::json::object(), 1.0, rubricMax(quiz, *db, s));

    const auto after = report::replayWithManualScores(quiz, attempt, db->responsesOf(attempt.uuid),
                                                      db->manualScoresOf(attempt.uuid));
    CHECK(after.results().skill("writing")->score == writingBefore + wMax);
    CHECK(after.results().pendingManual == before.results().pendingManual - 2);

    const auto bilan = report::bilanFromStore(*db, {quiz}, attempt, {});
    REQUIRE(bilan.manualScores.size() == 2);
    CHECK(bilan.manualScores[0].itemType == "write");
    CHECK(bilan.manualScores[0].score == wMax);
    CHECK(bilan.manualScores[1].itemType == "speak");
    CHECK(bilan.trainer == "Mme Benali"); // nobody named: the latest scorer signs

    db->addNote(code, attempt.uuid, "M. Okafor", store::NoteKind::NextStep, "FLE");
    const auto withStep = report::bilanFromStore(*db, {quiz}, attempt, {});
    CHECK(withStep.nextStep == std::optional<std::string>("FLE"));
    CHECK(withStep.trainer == "M. Okafor");
}

TEST_CASE("bilan: an attempt taken with a package that is not loaded is a clear error",
          "[report]") {
    TempDir dir;
    auto db = store::Database::openDataDir(dir.path());
    const auto quiz = report::test::loadFrancais();
    const auto code = db->registerNewBeneficiary(std::string("Awa")).code;
    report::test::takeFrancais(*db, quiz, code);
    CHECK_THROWS_WITH(report::bilanFromStore(*db, std::vector<quiz::Quiz>{},
                                             report::chooseAttempt(*db, code), {}),
                      "the quiz package francais " + quiz.version +
                          " this attempt was taken with is not loaded");
    CHECK_THROWS(report::chooseAttempt(*db, "not a code"));
}

TEST_CASE("bilan PDF: code and levels and the trainer score are in the text and repere report "
          "makes the same",
          "[report]") {
    TempDir dir;
    auto db = store::Database::openDataDir(dir.path());
    const auto quiz = report::test::loadFrancais();
    const auto code = db->registerNewBeneficiary(std::string("Awa")).code;
    const auto taken = report::test::takeFrancais(*db, quiz, code);
    const auto w = taken.writeResponses.front();
    const double wMax = rubricMax(quiz, *db, w);
    db->addManualScore(w, "Mme Benali", nlohmann::json::object(), wMax, wMax);
    const auto attempt = report::chooseAttempt(*db, code);
    db->addNote(code, attempt.uuid, "Mme Benali", store::NoteKind::NextStep, "Formation FLE");

    report::BilanContext context;
    context.agency = "ALI Saint-Denis";
    const auto bilan = report::bilanFromStore(*db, {quiz}, attempt, context);
    const auto pdf = dir / "bilan.pdf";
    report::writeBilanPdf(bilan, pdf);
    REQUIRE(std::filesystem::file_size(pdf) > 1000);
    CHECK(!std::filesystem::exists(pdf.string() + ".partial"));

    const auto textOf = [&](const std::filesystem::path& file) {
        return collapse(runCommand("pdftotext -layout '" + file.string() + "' - 2>&1"));
    };
    const auto checkText = [&](const std::string& text) {
        INFO(text);
        CHECK(text.find("Code : " + store::formatBeneficiaryCode(code)) != std::string::npos);
        CHECK(text.find("Awa") != std::string::npos);
        CHECK(text.find("Diagnostic de français") != std::string::npos);
        for (const auto& s : bilan.skills) {
            CHECK(text.find(s.title) != std::string::npos);
            CHECK(text.find("Niveau : " + s.levelTitle) != std::string::npos);
            if (!s.canDo.empty())
                CHECK(text.find(s.canDo) != std::string::npos); // this skill's own words
        }
        CHECK(text.find("Mme Benali") != std::string::npos);
        CHECK(text.find(" / ") != std::string::npos);
        CHECK(text.find("Prochaine étape : Formation FLE") != std::string::npos);
        CHECK(text.find("ALI Saint-Denis") != std::string::npos);
    };
    const auto text = textOf(pdf);
    checkText(text);
    // The written answer's line: "Écrit (red-0x) : 3 / 3 point(s) — Mme Benali".
    const auto item = db->findResponse(w)->itemId;
    char expected[160];
    std::snprintf(expected, sizeof expected, "Écrit (%s) : %g / %g point(s) — Mme Benali",
                  item.c_str(), wMax, wMax);
    CHECK(text.find(expected) != std::string::npos);
    CHECK(runCommand("pdfinfo '" + pdf.string() + "' | grep Pages").find("1") != std::string::npos);

    // The command line makes the same bilan.
    db.reset();
    const auto cliPdf = dir / "cli.pdf";
    const std::string cmd = std::string(REPERE_BIN_DIR) + "/repere report --data-dir '" +
                            dir.path().string() + "' --quizzes '" + REPERE_SOURCE_DIR +
                            "/quizzes' --code " + code + " --agency 'ALI Saint-Denis' --out '" +
                            cliPdf.string() + "' 2>&1";
    INFO(runCommand(cmd));
    REQUIRE(std::filesystem::exists(cliPdf));
    checkText(textOf(cliPdf));
    auto reopened = store::Database::openDataDir(dir.path());
    bool audited = false;
    for (const auto& e : reopened->auditLog())
        audited = audited || (e.action == "report" && e.detail.find(code) == 0);
    CHECK(audited);
    // A code with no attempt: exit status 1 and a message, no file.
    const auto none = reopened->registerNewBeneficiary().code;
    reopened.reset();
    const auto out = runCommand(std::string(REPERE_BIN_DIR) + "/repere report --data-dir '" +
                                dir.path().string() + "' --code " + none + " --out '" +
                                (dir / "none.pdf").string() + "' 2>&1; echo rc=$?");
    CHECK(out.find("no attempt for code " + none) != std::string::npos);
    CHECK(out.find("rc=1") != std::string::npos);
    CHECK(!std::filesystem::exists(dir / "none.pdf"));
}

TEST_CASE("bilan: two finished sittings of the same diagnostic are compared skill by skill, on "
          "paper too",
          "[report]") {
    TempDir dir;
    // A month between the two sittings, on a clock the test moves.
    report::test::ClockedKiosk kiosk(dir.path());
    auto& db = kiosk.db;
    auto& now = kiosk.now;
    const auto quiz = report::test::loadFrancais();
    const auto code = db->registerNewBeneficiary(std::string("Awa")).code;
    report::test::takeFrancais(*db, quiz, code, 5, /*knows=*/false);
    const auto first = report::chooseAttempt(*db, code);
    // With one sitting, nothing is compared.
    CHECK_FALSE(report::bilanFromStore(*db, {quiz}, first, {}).previous);
    *now += 30LL * 24 * 3600 * 1000;
    report::test::takeFrancais(*db, quiz, code, 11, /*knows=*/true);
    // An unfinished third sitting is not what the bilan is about (nor what it compares with).
    store::NewAttempt na;
    na.code = code;
    na.quizId = quiz.id;
    na.quizVersion = quiz.version;
    na.quizHash = quiz.contentHash;
    na.kioskId = "kiosk-test";
    *now += 3600 * 1000;
    db->startAttempt(na);

    const auto latest = report::chooseAttempt(*db, code);
    REQUIRE(latest.uuid != first.uuid);
    const auto bilan = report::bilanFromStore(*db, {quiz}, latest, {});
    const auto alone = report::bilanFromStore(*db, {quiz}, first, {}); // the first, by itself
    REQUIRE(bilan.previous);
    CHECK(bilan.previous->attemptUuid == first.uuid);
    CHECK(bilan.previous->dateMs == alone.dateMs);
    REQUIRE(bilan.previous->levels.size() == alone.skills.size());
    int rose = 0;
    for (const auto& s : alone.skills) {
        const auto* then = bilan.previous->of(s.skillId);
        REQUIRE(then);
        CHECK(then->levelTitle == s.levelTitle);
        CHECK(then->level == s.level);
        for (const auto& n : bilan.skills)
            rose += n.skillId == s.skillId && n.level && (!s.level || *n.level > *s.level);
    }
    CHECK(rose > 0); // the second sitting went better: the comparison shows a change

    const auto pdf = dir / "bilan-deux-passages.pdf";
    report::writeBilanPdf(bilan, pdf);
    const auto text = collapse(runCommand("pdftotext -layout '" + pdf.string() + "' - 2>&1"));
    INFO(text);
    CHECK(text.find("Deux passages comparés : le " + report::formatDate(alone.dateMs)) !=
          std::string::npos);
    for (const auto& s : bilan.skills) {
        CHECK(text.find("Niveau : " + s.levelTitle) != std::string::npos);
        const auto* then = bilan.previous->of(s.skillId);
        CHECK(text.find("Le " + report::formatDate(alone.dateMs) + " : " + then->levelTitle) !=
              std::string::npos);
    }
    CHECK(runCommand("pdfinfo '" + pdf.string() + "' | grep Pages").find("1") != std::string::npos);
    // For a person to look at: the page as an image (build/test-output/report/).
    const auto out = std::filesystem::path(REPERE_BIN_DIR) / ".." / "test-output" / "report";
    std::filesystem::create_directories(out);
    std::filesystem::copy_file(pdf, out / "bilan-deux-passages.pdf",
                               std::filesystem::copy_options::overwrite_existing);
    runCommand("pdftoppm -png -r 80 -singlefile '" + pdf.string() + "' '" +
               (out / "bilan-deux-passages").string() + "' 2>&1");
    CHECK(std::filesystem::exists(out / "bilan-deux-passages.png"));
}

TEST_CASE("bilan: an earlier sitting whose package is gone is named with the reason, not dropped",
          "[report]") {
    TempDir dir;
    report::test::ClockedKiosk kiosk(dir.path());
    auto& db = kiosk.db;
    const auto quiz = report::test::loadFrancais();
    // The first sitting was taken with a version of the diagnostic this kiosk no longer has.
    auto retired = quiz;
    retired.version = "0.9";
    retired.contentHash = "retired-" + quiz.contentHash;
    const auto code = db->registerNewBeneficiary(std::string("Awa")).code;
    report::test::takeFrancais(*db, retired, code, 5, /*knows=*/false);
    const auto first = report::chooseAttempt(*db, code);
    kiosk.advanceDays(30);
    report::test::takeFrancais(*db, quiz, code, 11, /*knows=*/true);
    const auto latest = report::chooseAttempt(*db, code);

    const auto bilan = report::bilanFromStore(*db, {quiz}, latest, {});
    CHECK_FALSE(bilan.previous);
    REQUIRE(bilan.uncompared);
    CHECK(bilan.uncompared->packageMissing);
    CHECK(bilan.uncompared->dateMs == first.finishedAtMs.value_or(first.startedAtMs));
    const auto pdf = dir / "bilan-passage-retire.pdf";
    report::writeBilanPdf(bilan, pdf);
    const auto text = collapse(runCommand("pdftotext -layout '" + pdf.string() + "' - 2>&1"));
    INFO(text);
    CHECK(text.find("Passage du " + report::formatDate(bilan.uncompared->dateMs) +
                    " : questionnaire retiré, comparaison impossible") != std::string::npos);
    CHECK(text.find("Deux passages comparés") == std::string::npos);
    for (const auto& s : bilan.skills)
        CHECK(text.find("Niveau : " + s.levelTitle) != std::string::npos); // today's still print
    CHECK(runCommand("pdfinfo '" + pdf.string() + "' | grep Pages").find("1") != std::string::npos);

    // With the old package back, the two sittings are compared again.
    const auto both = report::bilanFromStore(*db, {quiz, retired}, latest, {});
    CHECK(both.previous);
    CHECK_FALSE(both.uncompared);
    // Answers that no longer fit their package: said too, with that reason.
    auto changed = retired;
    changed.sections.front().items.clear();
    const auto unreadable = report::bilanFromStore(*db, {quiz, changed}, latest, {});
    CHECK_FALSE(unreadable.previous);
    REQUIRE(unreadable.uncompared);
    CHECK_FALSE(unreadable.uncompared->packageMissing);
}
