// The test-wise guesser and the random tapper of `repere simulate --guesser` (issue 17).
#include "engine/guesser.hpp"
#include "engine_fixtures.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace repere;
using namespace repere::testing;
using engine::Strategy;

namespace {

quiz::Item fourWords(const char* a, const char* b, const char* c, const char* d) {
    quiz::Item item = choiceItem("q");
    item.options = {option("a", a), option("b", b), option("c", c), option("d", d)};
    return item;
}

std::string selected(const nlohmann::json& answer) {
    return answer.at("selected").at(0).get<std::string>();
}

// Every item's key is its longest answer: the give-away the guesser exploits.
quiz::Quiz longestKeyBank(bool keyLongest) {
    auto q = makeQuiz({adaptiveSection("lecture", "reading", 30, -3.75, 3.75)});
    for (auto& item : q.sections[0].items) {
        item.options = {option("a", keyLongest ? "la réponse juste, bien détaillée" : "juste"),
                        option("b", "faux un"), option("c", "faux deux")};
    }
    return q;
}

} // namespace

TEST_CASE("the guesser taps the longest answer, else a middle one, the tapper anything") {
    engine::Rng rng(5);
    CHECK(selected(engine::strategyAnswer(fourWords("oui", "non", "peut-être bien", "si"),
                                          Strategy::Guesser, rng)) == "c");
    // Equal lengths (or pictures): the second or third place, never the first or last.
    std::set<std::string> middle, any;
    for (int i = 0; i < 200; ++i) {
        middle.insert(selected(
            engine::strategyAnswer(fourWords("un", "de", "ab", "cd"), Strategy::Guesser, rng)));
        any.insert(selected(
            engine::strategyAnswer(fourWords("un", "de", "ab", "cd"), Strategy::Tapper, rng)));
    }
    CHECK(middle == std::set<std::string>{"b", "c"});
    CHECK(any == std::set<std::string>{"a", "b", "c", "d"});
}

TEST_CASE("the guesser calls every message a scam, a tapper opens, reports or deletes") {
    quiz::Item sms;
    sms.id = "sms";
    sms.type = quiz::ItemType::Sim;
    sms.scenario = quiz::SimScenario::PhishingMessage;
    sms.endStates = {{"deleted", 0.0}, {"reported", 0.0}, {"opened_link", 1.0}};
    engine::Rng rng(3);
    std::set<std::string> tapped;
    for (int i = 0; i < 100; ++i) {
        CHECK(engine::strategyAnswer(sms, Strategy::Guesser, rng).at("state") == "deleted");
        tapped.insert(engine::strategyAnswer(sms, Strategy::Tapper, rng).at("state"));
    }
    CHECK(tapped.size() == 3);
}

TEST_CASE("the guesser is placed above the tapper only when keys are the longest answers") {
    const auto given = longestKeyBank(true);
    const double g1 = engine::meanPlacedLevels(given, Strategy::Guesser, 60, 1).at("reading");
    const double r1 = engine::meanPlacedLevels(given, Strategy::Tapper, 60, 1).at("reading");
    CHECK(g1 > r1 + 1.0);
    const auto fair = longestKeyBank(false);
    const double g2 = engine::meanPlacedLevels(fair, Strategy::Guesser, 60, 1).at("reading");
    const double r2 = engine::meanPlacedLevels(fair, Strategy::Tapper, 60, 1).at("reading");
    CHECK(g2 <= r2 + 0.3);
    // Deterministic for a seed.
    CHECK(engine::meanPlacedLevels(fair, Strategy::Tapper, 60, 1).at("reading") == r2);
}
