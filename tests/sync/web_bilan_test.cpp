// Issue 18: two sittings compared in the back office's bilan.pdf, by the kiosk's own code. A
// kiosk database where one person took the French diagnostic twice, a month apart (less well the
// first time), synced by the kiosk's SyncClient to a real repere-server on 127.0.0.1; the
// counsellor downloads /beneficiaires/CODE/bilan.pdf. Its text is the text of the bilan the kiosk
// prints for the same person (same choice of sittings, same levels side by side). When the first
// sitting's package is on neither side, both bilans name that sitting and say why there is no
// comparison.
#include "report/bilan_fixture.hpp"
#include "report/bilan_store.hpp"
#include "report_pdf/bilan_pdf.hpp"
#include "store/beneficiary_code.hpp"
#include "support/server_fixture.hpp"
#include "support/web_client.hpp"
#include "sync/client/database_state.hpp"
#include "sync/client/sync_client.hpp"
#include "sync/server/web_users.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>

using namespace repere;
namespace fs = std::filesystem;

namespace {

using report::test::runCommand;

// One person took the French diagnostic twice, a month apart (less well the first time, with
// `firstQuiz`); the kiosk syncs to a real server that has only the bundled packages. Returns the
// kiosk's bilan, and the texts of the kiosk's PDF and of the server's bilan.pdf.
struct TwoPdfs {
    report::Bilan onKiosk;
    std::string kioskText, serverText;
    fs::path serverPdf;
};

TwoPdfs twoSittings(test::TempDir& kioskDir, const quiz::Quiz& firstQuiz) {
    const fs::path quizzes = fs::path(REPERE_SOURCE_DIR) / "quizzes";
    sync::server::ServerOptions options;
    options.quizzesDir = quizzes;
    options.rateLimitPerMinute = 0;
    test::ServerFixture srv(options);

    report::test::ClockedKiosk kiosk(kioskDir.path());
    auto& db = kiosk.db;
    const auto quiz = report::test::loadFrancais();
    const auto code = db->registerNewBeneficiary(std::string("Awa")).code;
    report::test::takeFrancais(*db, firstQuiz, code, 5, /*knows=*/false);
    kiosk.advanceDays(30);
    report::test::takeFrancais(*db, quiz, code, 11, /*knows=*/true);
    sync::DatabaseSyncState state(*db);
    REQUIRE(sync::SyncClient::enrol(state, srv.url(), srv.newCode("ALI Bondy"), "borne").ok);
    sync::SyncClient client(*db, state, kioskDir.path());
    const auto round =
        client.round([](const fs::path&) { return std::vector<std::string>{}; }, test::wallMs());
    INFO(round.error());
    REQUIRE(round.ok());

    // The kiosk's bilan (with the kiosk's packages), signed by the counsellor who will download
    // the server's.
    TwoPdfs out;
    report::BilanContext context;
    context.trainer = "awa";
    out.onKiosk = report::bilanFromStore(*db, {quiz}, report::chooseAttempt(*db, code), context);
    const auto kioskPdf = kioskDir / "kiosk.pdf";
    report::writeBilanPdf(out.onKiosk, kioskPdf);

    sync::server::addWebUser(*srv.storage, "ALI Bondy", "awa", "counsellor", "mot de passe awa",
                             test::wallMs());
    test::WebClient web(srv.port());
    web.logIn("awa", "mot de passe awa");
    auto pdf = web.get("/beneficiaires/" + code + "/bilan.pdf");
    REQUIRE(pdf->status == 200);
    out.serverPdf = kioskDir / "server.pdf";
    std::ofstream(out.serverPdf, std::ios::binary) << pdf->body;

    const auto textOf = [](const fs::path& p) {
        return runCommand("pdftotext -layout '" + p.string() + "' - 2>&1");
    };
    out.kioskText = textOf(kioskPdf);
    out.serverText = textOf(out.serverPdf);
    return out;
}

} // namespace

TEST_CASE("web bilan: the back office's bilan.pdf compares two sittings, as the kiosk's does") {
    test::TempDir kioskDir;
    const auto pdfs = twoSittings(kioskDir, report::test::loadFrancais());
    const auto& serverText = pdfs.serverText;
    INFO(serverText);
    REQUIRE(pdfs.onKiosk.previous);
    CHECK(serverText == pdfs.kioskText);
    CHECK(serverText.find("Deux passages comparés") != std::string::npos);
    for (const auto& l : pdfs.onKiosk.previous->levels)
        CHECK(serverText.find("Le " + report::formatDate(pdfs.onKiosk.previous->dateMs) + " : " +
                              l.levelTitle) != std::string::npos);
    // For a person to look at: the server's page as an image (build/test-output/web/).
    const auto out = fs::path(REPERE_BIN_DIR) / ".." / "test-output" / "web";
    fs::create_directories(out);
    runCommand("pdftoppm -png -r 80 -singlefile '" + pdfs.serverPdf.string() + "' '" +
               (out / "backoffice-bilan-deux-passages").string() + "' 2>&1");
    CHECK(fs::exists(out / "backoffice-bilan-deux-passages.png"));
}

TEST_CASE("web bilan: an earlier sitting whose package is on neither side is named, as on the "
          "kiosk") {
    test::TempDir kioskDir;
    auto retired = report::test::loadFrancais();
    retired.version = "0.9";
    retired.contentHash = "retired-" + retired.contentHash;
    const auto pdfs = twoSittings(kioskDir, retired);
    INFO(pdfs.serverText);
    REQUIRE(pdfs.onKiosk.uncompared);
    CHECK(pdfs.serverText == pdfs.kioskText);
    CHECK(pdfs.serverText.find("Passage du " + report::formatDate(pdfs.onKiosk.uncompared->dateMs) +
                               " : questionnaire retiré, comparaison impossible") !=
          std::string::npos);
    CHECK(pdfs.serverText.find("Deux passages comparés") == std::string::npos);
}
