// Issue 18: two sittings compared in the back office's bilan.pdf, by the kiosk's own code. A
// kiosk database where one person took the French diagnostic twice, a month apart (less well the
// first time), synced by the kiosk's SyncClient to a real repere-server on 127.0.0.1; the
// counsellor downloads /beneficiaires/CODE/bilan.pdf. Its text is the text of the bilan the kiosk
// prints for the same person (same choice of sittings, same levels side by side).
#include "bilan_pdf.hpp"
#include "report/bilan_fixture.hpp"
#include "report/bilan_store.hpp"
#include "store/beneficiary_code.hpp"
#include "support/server_fixture.hpp"
#include "sync/client/database_state.hpp"
#include "sync/client/sync_client.hpp"
#include "sync/server/web_users.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <httplib.h>
#include <regex>

using namespace repere;
namespace fs = std::filesystem;

namespace {

std::string run(const std::string& command) {
    std::string out;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    REQUIRE(pipe);
    std::array<char, 4096> buf{};
    while (std::size_t n = fread(buf.data(), 1, buf.size(), pipe.get()))
        out.append(buf.data(), n);
    return out;
}

std::string cookieValue(const httplib::Result& res, const std::string& name) {
    for (const auto& [k, v] : res->headers)
        if (k == "Set-Cookie" && v.rfind(name + "=", 0) == 0)
            return v.substr(name.size() + 1, v.find(';') - name.size() - 1);
    return {};
}

std::string csrfOf(const std::string& html) {
    std::smatch m;
    REQUIRE(std::regex_search(html, m, std::regex("name=\"csrf\" value=\"([0-9a-f]+)\"")));
    return m[1];
}

} // namespace

TEST_CASE("web bilan: the back office's bilan.pdf compares two sittings, as the kiosk's does") {
    const fs::path quizzes = fs::path(REPERE_SOURCE_DIR) / "quizzes";
    sync::server::ServerOptions options;
    options.quizzesDir = quizzes;
    options.rateLimitPerMinute = 0;
    test::ServerFixture srv(options);

    test::TempDir kioskDir;
    auto now = std::make_shared<std::int64_t>(1'793'000'000'000); // November 2026
    store::OpenOptions open;
    open.clock = [now] {
        return *now;
    };
    auto db = store::Database::openDataDir(kioskDir.path(), open);
    const auto quiz = report::test::loadFrancais();
    const auto code = db->registerNewBeneficiary(std::string("Awa")).code;
    report::test::takeFrancais(*db, quiz, code, 5, /*knows=*/false);
    *now += 30LL * 24 * 3600 * 1000;
    report::test::takeFrancais(*db, quiz, code, 11, /*knows=*/true);
    sync::DatabaseSyncState state(*db);
    REQUIRE(sync::SyncClient::enrol(state, srv.url(), srv.newCode("ALI Bondy"), "borne").ok);
    sync::SyncClient client(*db, state, kioskDir.path());
    const auto round =
        client.round([](const fs::path&) { return std::vector<std::string>{}; }, test::wallMs());
    INFO(round.error());
    REQUIRE(round.ok());

    // The kiosk's bilan, signed by the counsellor who will download the server's.
    report::BilanContext context;
    context.trainer = "awa";
    const auto onKiosk =
        report::bilanFromStore(*db, {quiz}, report::chooseAttempt(*db, code), context);
    REQUIRE(onKiosk.previous);
    const auto kioskPdf = kioskDir / "kiosk.pdf";
    report::writeBilanPdf(onKiosk, kioskPdf);

    sync::server::addWebUser(*srv.storage, "ALI Bondy", "awa", "counsellor", "mot de passe awa",
                             test::wallMs());
    httplib::Client web("127.0.0.1", srv.port());
    auto form = web.Get("/login");
    REQUIRE(form);
    auto in = web.Post("/login", {{"Cookie", "repere_login=" + cookieValue(form, "repere_login")}},
                       httplib::Params{{"csrf", csrfOf(form->body)},
                                       {"name", "awa"},
                                       {"password", "mot de passe awa"}});
    REQUIRE(in);
    REQUIRE(in->status == 303);
    auto pdf = web.Get("/beneficiaires/" + code + "/bilan.pdf",
                       {{"Cookie", "repere_session=" + cookieValue(in, "repere_session")}});
    REQUIRE(pdf);
    REQUIRE(pdf->status == 200);
    const auto serverPdf = kioskDir / "server.pdf";
    std::ofstream(serverPdf, std::ios::binary) << pdf->body;

    const auto textOf = [](const fs::path& p) {
        return run("pdftotext -layout '" + p.string() + "' - 2>&1");
    };
    const auto serverText = textOf(serverPdf);
    INFO(serverText);
    CHECK(serverText == textOf(kioskPdf));
    CHECK(serverText.find("Deux passages comparés") != std::string::npos);
    for (const auto& l : onKiosk.previous->levels)
        CHECK(serverText.find("Le " + report::formatDate(onKiosk.previous->dateMs) + " : " +
                              l.levelTitle) != std::string::npos);
    // For a person to look at: the server's page as an image (build/test-output/web/).
    const auto out = fs::path(REPERE_BIN_DIR) / ".." / "test-output" / "web";
    fs::create_directories(out);
    run("pdftoppm -png -r 80 -singlefile '" + serverPdf.string() + "' '" +
        (out / "backoffice-bilan-deux-passages").string() + "' 2>&1");
    CHECK(fs::exists(out / "backoffice-bilan-deux-passages.png"));
}
