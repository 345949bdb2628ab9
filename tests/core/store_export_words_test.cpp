// The attempts table as a French counsellor reads it: French skill names in the headers, French
// status words and level titles in the cells, and "pas évalué" for a skill of the diagnostic
// the person could not be placed in (speaking without sound), instead of an empty cell that
// reads like a missing value.
#include "store/attempt_table.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace repere::store;

namespace {

nlohmann::json frenchResult(const nlohmann::json& speakingLevel) {
    nlohmann::json skills = nlohmann::json::array();
    for (const char* s : {"listening", "reading", "writing", "speaking"}) {
        skills.push_back({{"skill", s}, {"levelId", ""}});
    }
    nlohmann::json levels{{"listening", "a2"}, {"reading", "pre-a1"}, {"writing", "a1.1"}};
    if (speakingLevel.is_string()) {
        levels["speaking"] = speakingLevel;
    }
    return {{"skills", skills}, {"levels", levels}};
}

AttemptRow finishedRow(const std::string& quizId, const std::string& version,
                       nlohmann::json result) {
    AttemptRow row;
    row.code = "ABC234R";
    row.quizId = quizId;
    row.quizVersion = version;
    row.uuid = "a-1";
    row.status = "finished";
    row.result = std::move(result);
    return row;
}

std::vector<std::string> lines(const std::string& csv) {
    std::vector<std::string> out;
    std::istringstream in(csv.substr(3)); // after the byte-order mark
    for (std::string line; std::getline(in, line);) {
        out.push_back(line);
    }
    return out;
}

} // namespace

TEST_CASE("export: French headers, status words, level titles and 'pas évalué' for speaking") {
    const AttemptRow noSound = finishedRow("francais", "2.0.0", frenchResult(nullptr));
    AttemptRow spoken = noSound;
    spoken.uuid = "a-2";
    spoken.result = frenchResult("a1");
    AttemptRow running = noSound;
    running.uuid = "a-3";
    running.status = "in_progress";
    running.result = nullptr;

    std::ostringstream out;
    CHECK(writeAttemptsCsv({noSound, spoken, running}, {}, out) == 3);
    const auto rows = lines(out.str());
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == "code;questionnaire;version;tentative;statut;début;fin;durée (min);réponses;"
                     "niveau écouter;niveau lire;niveau parler;niveau écrire\r");
    CHECK_THAT(rows[1], Catch::Contains(";terminé;"));
    CHECK_THAT(rows[1], Catch::EndsWith(";A2;Pré-A1;pas évalué;A1.1\r"));
    CHECK_THAT(rows[2], Catch::EndsWith(";A2;Pré-A1;A1;A1.1\r"));
    CHECK_THAT(rows[3], Catch::Contains(";en cours;"));
    CHECK_THAT(rows[3], Catch::EndsWith(";;;;\r")); // not finished: no level, no "pas évalué"
}

TEST_CASE("export: a skill or level the strings table does not know keeps its id") {
    const AttemptRow r = finishedRow("autre", "1.0.0", {{"levels", {{"cuisine", "niveau-3"}}}});
    std::ostringstream out;
    writeAttemptsCsv({r}, {}, out);
    const auto rows = lines(out.str());
    REQUIRE(rows.size() == 2);
    CHECK_THAT(rows[0], Catch::EndsWith(";niveau cuisine\r"));
    CHECK_THAT(rows[1], Catch::EndsWith(";niveau-3\r"));
}
