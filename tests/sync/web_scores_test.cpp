// Issue 18: a written answer scored by a trainer in the back office reaches the kiosk of the
// answer's agency at its next catalogue pull, so kiosk and server agree. A real repere-server
// (HttpServer, SQLite) on 127.0.0.1 with the bundled quizzes; real kiosk databases filled by
// `repere simulate` and synced by the kiosk's SyncClient; the score posted through the
// back-office form like a browser does (log-in, CSRF token). Then the kiosk's bilan (the kiosk's
// code, its own database) and the server's (the back office's code, the synced records) show the
// same score, the same levels and nothing waiting; the score is not sent back; a second kiosk of
// the agency (which does not hold the answer) and a kiosk of another agency store nothing. The
// score is given per rubric criterion: the criteria reach the kiosk too, and both bilans list them.
#include "i18n/strings.hpp"
#include "quiz/loader.hpp"
#include "report/bilan_store.hpp"
#include "store/database.hpp"
#include "support/server_fixture.hpp"
#include "support/web_client.hpp"
#include "sync/client/database_state.hpp"
#include "sync/client/sync_client.hpp"
#include "sync/server/web_html.hpp"
#include "sync/server/web_person.hpp"
#include "sync/server/web_users.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <map>

using namespace repere;
namespace fs = std::filesystem;

namespace {

const fs::path kQuizzes = fs::path(REPERE_SOURCE_DIR) / "quizzes";

// A kiosk data folder filled by `repere simulate`, enrolled and synced like a real kiosk.
struct Kiosk {
    test::TempDir dir;
    std::unique_ptr<store::Database> db;
    std::unique_ptr<sync::DatabaseSyncState> state;

    Kiosk(test::ServerFixture& srv, const std::string& agency, int candidates, int seed) {
        const std::string cmd = std::string(REPERE_BIN_DIR) + "/repere simulate --quiz '" +
                                (kQuizzes / "francais").string() + "' --candidates " +
                                std::to_string(candidates) + " --seed " + std::to_string(seed) +
                                " --data-dir '" + dir.path().string() + "' >/dev/null";
        REQUIRE(std::system(cmd.c_str()) == 0);
        db = store::Database::openDataDir(dir.path());
        state = std::make_unique<sync::DatabaseSyncState>(*db);
        REQUIRE(sync::SyncClient::enrol(*state, srv.url(), srv.newCode(agency), "borne").ok);
    }
    sync::RoundReport round() {
        sync::SyncClient client(*db, *state, dir.path());
        auto r = client.round([](const fs::path&) { return std::vector<std::string>{}; },
                              test::wallMs());
        INFO(r.error());
        REQUIRE(r.ok());
        return r;
    }
};

// The first written answer still waiting for a trainer: (attempt, response).
std::pair<store::AttemptRecord, engine::Response> pendingWritten(store::Database& db) {
    for (const auto& a : db.listAttempts())
        for (const auto& r : db.responsesOf(a.uuid))
            if (r.status == engine::ResponseStatus::PendingManual && r.answer.is_object() &&
                r.answer.contains("text"))
                return {a, r};
    FAIL("no written answer waits for a trainer");
    return {};
}

// What a bilan says per skill, and its manual scores.
std::map<std::string, std::string> levels(const report::Bilan& b) {
    std::map<std::string, std::string> out;
    for (const auto& s : b.skills)
        out[s.skillId] = s.levelTitle + (s.pendingManual ? " (en attente)" : "");
    return out;
}

std::size_t serverScores(sync::server::Storage& s) {
    sync::server::RecordQuery q;
    q.kinds = {"manual_score"};
    return s.findRecords(q).size();
}

} // namespace

TEST_CASE("web scores: a score given in the back office reaches the agency's kiosk at its next "
          "catalogue pull, and kiosk and server agree") {
    sync::server::ServerOptions options;
    options.quizzesDir = kQuizzes;
    options.rateLimitPerMinute = 0;
    test::ServerFixture srv(options);
    Kiosk bondy(srv, "ALI Bondy", 3, 11);
    Kiosk bondy2(srv, "ALI Bondy", 2, 12);
    Kiosk pantin(srv, "ALI Pantin", 2, 13);
    bondy.round();
    bondy2.round();
    pantin.round();
    const auto [attempt, answer] = pendingWritten(*bondy.db);
    std::vector<quiz::Quiz> quizzes;
    for (auto& r : quiz::loadPackages(kQuizzes))
        if (r.ok())
            quizzes.push_back(std::move(*r.quiz));
    const auto kioskBilan = [&] {
        return report::bilanFromStore(*bondy.db, quizzes,
                                      report::chooseAttempt(*bondy.db, attempt.code), {});
    };
    const auto before = kioskBilan();
    REQUIRE(before.pendingManual > 0);

    // The counsellor scores the written answer on the person's page, as a browser does: one
    // choice per criterion of the item's rubric (the first criterion full, the others 0).
    const quiz::Item* item = nullptr;
    for (const auto& q : quizzes)
        if (q.id == attempt.quizId && q.version == attempt.quizVersion)
            item = q.findItem(answer.itemId);
    REQUIRE(item);
    REQUIRE(item->scoring.rubric.size() >= 2);
    httplib::Params form{{"response", answer.uuid}};
    nlohmann::json points = nlohmann::json::object();
    double total = 0;
    for (const auto& c : item->scoring.rubric) {
        const double p = &c == &item->scoring.rubric.front() ? c.points : 0.0;
        form.emplace("c." + c.id, i18n::frenchNumber(p));
        points[c.id] = p;
        total += p;
    }
    sync::server::addWebUser(*srv.storage, "ALI Bondy", "awa", "counsellor", "mot de passe awa",
                             test::wallMs());
    test::WebClient web(srv.port());
    web.logIn("awa", "mot de passe awa");
    auto page = web.get("/beneficiaires/" + attempt.code);
    REQUIRE(page->status == 200);
    REQUIRE(page->body.find(answer.uuid) != std::string::npos);
    for (const auto& c : item->scoring.rubric)
        CHECK(page->body.find("name=\"c." + c.id + "\"") != std::string::npos);
    // A criterion above its points is refused, and nothing is stored.
    auto tooMuch = form;
    tooMuch.erase("c." + item->scoring.rubric.back().id);
    tooMuch.emplace("c." + item->scoring.rubric.back().id, "9");
    tooMuch.emplace("csrf", test::WebClient::csrf(page->body));
    CHECK(web.post("/beneficiaires/" + attempt.code + "/scores", tooMuch)->status == 400);
    CHECK(serverScores(*srv.storage) == 0);
    form.emplace("csrf", test::WebClient::csrf(page->body));
    auto scored = web.post("/beneficiaires/" + attempt.code + "/scores", form);
    REQUIRE(scored->status == 303);
    REQUIRE(serverScores(*srv.storage) == 1);
    // The page lists the criteria with their points.
    page = web.get("/beneficiaires/" + attempt.code);
    for (const auto& c : item->scoring.rubric)
        CHECK(page->body.find(sync::server::web::escape(
                  c.label.get("fr") + " : " + i18n::frenchNumber(points[c.id].get<double>()) +
                  " / " + i18n::frenchNumber(c.points))) != std::string::npos);

    // The kiosk's next round pulls it.
    CHECK(bondy.round().pull.scoresReceived == 1);
    const auto scores = bondy.db->manualScoresOf(attempt.uuid);
    REQUIRE(scores.size() == 1);
    CHECK(scores[0].responseUuid == answer.uuid);
    CHECK(scores[0].trainer == "awa");
    CHECK(scores[0].score == total);
    CHECK(scores[0].points == points); // each criterion, as the kiosk's own scoring stores it
    // Kiosk and server agree: the same bilan from both sides.
    const auto onKiosk = kioskBilan();
    sync::server::web::QuizShelf shelf(kQuizzes);
    const auto onServer = sync::server::web::loadBilan(*srv.storage, shelf, attempt.code,
                                                       std::string("ALI Bondy"), "awa");
    REQUIRE(onServer);
    CHECK(levels(onKiosk) == levels(*onServer));
    CHECK(onKiosk.pendingManual == before.pendingManual - 1);
    CHECK(onServer->pendingManual == onKiosk.pendingManual);
    REQUIRE(onKiosk.manualScores.size() == 1);
    REQUIRE(onServer->manualScores.size() == 1);
    CHECK(onKiosk.manualScores[0].responseUuid == onServer->manualScores[0].responseUuid);
    CHECK(onKiosk.manualScores[0].score == onServer->manualScores[0].score);
    CHECK(onKiosk.manualScores[0].trainer == "awa");
    // The same criteria on both bilans, as the back office's page listed them.
    const auto criteria = [](const report::ManualScoreLine& m) {
        std::vector<std::string> out;
        for (const auto& c : m.criteria)
            out.push_back(c.label + " : " + i18n::frenchNumber(c.points) + " / " +
                          i18n::frenchNumber(c.maxPoints));
        return out;
    };
    CHECK(criteria(onKiosk.manualScores[0]).size() == item->scoring.rubric.size());
    CHECK(criteria(onKiosk.manualScores[0]) == criteria(onServer->manualScores[0]));
    for (const auto& line : criteria(onKiosk.manualScores[0]))
        CHECK(page->body.find(sync::server::web::escape(line)) != std::string::npos);

    // Pulled once: the next rounds bring nothing, and nothing goes back up.
    CHECK(bondy.round().pull.scoresReceived == 0);
    CHECK(serverScores(*srv.storage) == 1);
    CHECK(bondy.db->manualScoresOf(attempt.uuid).size() == 1);
    // Another kiosk of the agency gets it in its catalogue but holds no such answer: nothing
    // stored, the round succeeds. A kiosk of another agency is not sent it at all.
    CHECK(bondy2.round().pull.scoresReceived == 1);
    for (const auto& a : bondy2.db->listAttempts())
        CHECK(bondy2.db->manualScoresOf(a.uuid).empty());
    CHECK(pantin.round().pull.scoresReceived == 0);
}
