// The engine and the store together: an attempt stored answer by answer is rebuilt at the
// same item, and its finished result carries levels and competence scores to the export.
#include "engine/attempt_result.hpp"
#include "engine_fixtures.hpp"
#include "store/engine_bridge.hpp"
#include "store/export.hpp"
#include "store_test_util.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace repere::store;
using namespace repere::testing;

namespace {

repere::quiz::Quiz bridgeQuiz() {
    std::vector<repere::quiz::Item> items;
    for (int i = 0; i < 12; ++i) {
        auto item = choiceItem("q" + std::to_string(i), "reading", -1.0 + 0.2 * i);
        item.competence = i < 6 ? "read-sign" : "read-form";
        items.push_back(item);
    }
    auto section = linearSection("lecture", std::move(items), "reading");
    section.shuffle = true;
    auto q = makeQuiz({section, adaptiveSection("ecoute", "listening", 20)});
    q.contentHash = std::string(64, 'e');
    return q;
}

} // namespace

TEST_CASE("a stored engine attempt resumes at the same item with the same state",
          "[store][engine]") {
    const auto quiz = bridgeQuiz();
    test::TempDir dir;
    std::string uuid;
    std::string code;
    std::string shownWhenStopped;
    double thetaWhenStopped = 0;
    {
        auto db = Database::open(dir / "k.sqlite");
        code = db->registerNewBeneficiary().code;
        const auto record = startStoredAttempt(*db, quiz, code, "kiosk-1", 0xFEEDFACECAFEBEEFULL);
        uuid = record.uuid;
        CHECK(record.quizHash == quiz.contentHash);
        auto attempt = rebuildStoredAttempt(*db, quiz, record);
        for (int i = 0; i < 9; ++i) {
            db->storeResponse(attempt.answer(pick(i % 3 ? "a" : "b"), 1000));
        }
        db->pauseAttempt(uuid);
        shownWhenStopped = attempt.current()->item->id;
        thetaWhenStopped = attempt.estimate("reading").theta;
    }
    auto db = Database::open(dir / "k.sqlite");
    const auto record = db->findResumableAttempt(code);
    REQUIRE(record);
    // The seed survives the round trip through a signed column.
    CHECK(static_cast<std::uint64_t>(record->seed) == 0xFEEDFACECAFEBEEFULL);
    auto attempt = rebuildStoredAttempt(*db, quiz, *record);
    REQUIRE(attempt.current());
    CHECK(attempt.current()->item->id == shownWhenStopped);
    CHECK(attempt.current()->sequence == 9);
    CHECK(attempt.estimate("reading").theta == Approx(thetaWhenStopped));

    db->resumeAttempt(uuid);
    while (auto item = attempt.current()) {
        db->storeResponse(attempt.answer(pick("a"), 1000));
    }
    const auto result = repere::engine::toJson(repere::engine::attemptResult(attempt));
    db->finishAttempt(uuid, result);
    CHECK(result["levels"].contains("reading"));
    CHECK(result["levels"].contains("listening"));
    CHECK(result["competences"]["read-sign"]["max"] == 6.0);
    CHECK(result["competences"]["read-form"]["max"] == 6.0);

    std::ostringstream csv;
    exportResults(*db, {}, csv);
    CHECK_THAT(csv.str(),
               Catch::Contains("niveau écouter;niveau lire;score read-form;score read-sign"));

    auto other = quiz;
    other.version = "2.0.0";
    CHECK_THROWS_AS(rebuildStoredAttempt(*db, other, *record), StoreError);
}
