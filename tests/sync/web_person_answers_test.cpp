// Issue 18: every answer on a person's page reads as words. For each bundled package
// (quizzes/numerique, quizzes/francais), one person answers every item of it twice, once right and
// once wrong (engine::rightAnswer / wrongAnswer, the answer shapes the kiosk stores), plus one
// "Je ne sais pas"; the records reach a real repere-server on 127.0.0.1 and the counsellor opens
// /beneficiaires/CODE. No « Réponse » cell may be empty, hold raw JSON or an untranslated key.
// A multiple choice among pictures (« réussi 1/1 » with an empty cell before) names the pictures.
#include "engine/scoring.hpp"
#include "engine/simulation.hpp"
#include "quiz/loader.hpp"
#include "store/beneficiary_code.hpp"
#include "support/records.hpp"
#include "support/server_fixture.hpp"
#include "support/web_client.hpp"
#include "sync/server/web_users.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <set>

using namespace repere;
namespace fs = std::filesystem;

namespace {

const fs::path kQuizzes = fs::path(REPERE_SOURCE_DIR) / "quizzes";

std::vector<const quiz::Item*> itemsOf(const quiz::Quiz& q) {
    std::vector<const quiz::Item*> out;
    for (const auto& s : q.sections)
        for (const auto& i : s.items)
            out.push_back(&i);
    return out;
}

// One attempt of `code` answering every item of `q` with `answerOf`, as the kiosk syncs it.
std::vector<sync::WireRecord>
attemptRecords(const quiz::Quiz& q, const std::string& code, const std::string& tag,
               std::int64_t startedAt,
               const std::function<nlohmann::json(const quiz::Item&)>& answerOf,
               std::size_t count = SIZE_MAX) {
    const std::string att = "att-" + tag;
    std::vector<sync::WireRecord> out;
    std::int64_t seq = 1;
    out.push_back(test::jsonRecord(att, "attempt",
                                   {{"uuid", att},
                                    {"code", code},
                                    {"quizId", q.id},
                                    {"quizVersion", q.version},
                                    {"startedAtMs", startedAt}},
                                   seq++));
    int n = 0;
    for (const auto* item : itemsOf(q)) {
        if (out.size() > count)
            break;
        const auto answer = answerOf(*item);
        auto score = engine::ItemScore{0, 0, engine::ResponseStatus::DontKnow};
        if (!answer.is_null())
            score = engine::scoreAnswer(*item, answer);
        const std::string id = "r-" + tag + "-" + std::to_string(n);
        out.push_back(test::jsonRecord(id, "response",
                                       {{"uuid", id},
                                        {"attemptUuid", att},
                                        {"sequence", n++},
                                        {"itemId", item->id},
                                        {"itemRev", item->rev},
                                        {"answer", answer},
                                        {"score", score.score},
                                        {"maxScore", score.maxScore},
                                        {"status", engine::toString(score.status)}},
                                       seq++));
    }
    return out;
}

std::string textOf(std::string html) {
    html = std::regex_replace(html, std::regex("<[^>]*>"), " ");
    html = std::regex_replace(html, std::regex("\\s+"), " ");
    const auto b = html.find_first_not_of(' ');
    return b == std::string::npos ? std::string()
                                  : html.substr(b, html.find_last_not_of(' ') - b + 1);
}

} // namespace

TEST_CASE("web person: every answer of every item type of both packages reads as words") {
    sync::server::ServerOptions options;
    options.quizzesDir = kQuizzes;
    options.rateLimitPerMinute = 0;
    test::ServerFixture srv(options);
    const auto device = test::enrolledDevice(*srv.storage, "ALI Bondy");
    sync::server::addWebUser(*srv.storage, "ALI Bondy", "awa", "counsellor", "mot de passe awa",
                             test::wallMs());
    test::WebClient web(srv.port());
    web.logIn("awa", "mot de passe awa");

    int packages = 0;
    std::set<quiz::ItemType> types;
    std::set<quiz::SimScenario> scenarios;
    for (const char* name : {"numerique", "francais"}) {
        auto loaded = quiz::loadPackage(kQuizzes / name);
        REQUIRE(loaded.ok());
        const quiz::Quiz& q = *loaded.quiz;
        ++packages;
        const std::string code = store::generateBeneficiaryCode();
        const std::int64_t now = test::wallMs();
        auto records = attemptRecords(q, code, std::string(name) + "-right", now - 3'600'000,
                                      engine::rightAnswer);
        for (auto& r : attemptRecords(q, code, std::string(name) + "-wrong", now - 1'800'000,
                                      engine::wrongAnswer))
            records.push_back(std::move(r));
        // One "Je ne sais pas" (no answer at all).
        for (auto& r : attemptRecords(
                 q, code, std::string(name) + "-dk", now,
                 [](const auto&) { return nlohmann::json(); }, 1))
            records.push_back(std::move(r));
        srv.storage->ingestBatch(device, std::string("b-") + name, records, now);

        auto page = web.get("/beneficiaires/" + code);
        REQUIRE(page->status == 200);
        const std::regex cell(R"(<td data-l="Réponse">([\s\S]*?)</td>)");
        std::size_t cells = 0;
        for (std::sregex_iterator it(page->body.begin(), page->body.end(), cell), end; it != end;
             ++it) {
            ++cells;
            const std::string words = textOf((*it)[1]);
            INFO(name << " cell " << cells << ": " << (*it)[1]);
            CHECK(!words.empty());
            CHECK(words.find('{') == std::string::npos);         // raw JSON
            CHECK(words.find("answer.") == std::string::npos);   // a key missing from the table
            CHECK(words.find("\"state\"") == std::string::npos); // a sim's end state as given
        }
        // Every item twice, and the "Je ne sais pas".
        CHECK(cells == 2 * itemsOf(q).size() + 1);
        CHECK(page->body.find("« Je ne sais pas »") != std::string::npos);
        for (const auto* i : itemsOf(q)) {
            types.insert(i->type);
            if (i->type == quiz::ItemType::Sim)
                scenarios.insert(i->scenario);
        }
    }
    CHECK(packages == 2);
    // Between them, the two packages hold every item type and every simulation.
    CHECK(types.size() == 12);
    CHECK(scenarios.size() == 9);

    // The picture options of « Qu'est-ce que la personne achète ? (2 réponses) » by what they show.
    auto loaded = quiz::loadPackage(kQuizzes / "francais");
    const quiz::Item* ec16 = loaded.quiz->findItem("ec-16");
    REQUIRE(ec16);
    REQUIRE(ec16->multiple);
    const std::string code = store::generateBeneficiaryCode();
    srv.storage->ingestBatch(device, "b-ec16",
                             {test::jsonRecord("att-ec16", "attempt",
                                               {{"uuid", "att-ec16"},
                                                {"code", code},
                                                {"quizId", loaded.quiz->id},
                                                {"quizVersion", loaded.quiz->version},
                                                {"startedAtMs", test::wallMs()}},
                                               1),
                              test::jsonRecord("r-ec16", "response",
                                               {{"uuid", "r-ec16"},
                                                {"attemptUuid", "att-ec16"},
                                                {"sequence", 0},
                                                {"itemId", "ec-16"},
                                                {"answer", {{"selected", {"a", "c"}}}},
                                                {"score", 1},
                                                {"maxScore", 1},
                                                {"status", "ok"}},
                                               2)},
                             test::wallMs());
    auto page = web.get("/beneficiaires/" + code);
    REQUIRE(page->status == 200);
    std::smatch m;
    REQUIRE(
        std::regex_search(page->body, m, std::regex(R"(<td data-l="Réponse">([\s\S]*?)</td>)")));
    const auto words = textOf(m[1]);
    INFO(words);
    CHECK(words.find("image : " + loaded.quiz->findAsset("img-tomates")->alt.get("fr")) !=
          std::string::npos);
    CHECK(words.find("image : " + loaded.quiz->findAsset("img-oeufs")->alt.get("fr")) !=
          std::string::npos);
}
