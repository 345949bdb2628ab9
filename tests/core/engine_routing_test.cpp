#include "engine_fixtures.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace repere;
using namespace repere::testing;
using engine::Attempt;
using nlohmann::json;

namespace {
// Answers every item right (choice "a", profile option given) and returns the item ids seen.
std::vector<std::string> run(Attempt& attempt, const std::string& profileChoice = "yes") {
    std::vector<std::string> seen;
    while (auto cur = attempt.current()) {
        seen.push_back(cur->item->id);
        attempt.answer(cur->item->type == quiz::ItemType::Profile ? pick(profileChoice) : pick("a"),
                       10);
    }
    return seen;
}

std::vector<quiz::Item> items(const std::string& prefix, int n,
                              const std::string& skill = "reading") {
    std::vector<quiz::Item> out;
    for (int i = 0; i < n; ++i) {
        out.push_back(choiceItem(prefix + std::to_string(i), skill));
    }
    return out;
}
} // namespace

TEST_CASE("showIf skips sections from profile answers - the skipped skill gets skipLevel") {
    auto profile = linearSection("profil", {profileItem("p-lit", "reads", {"yes", "no"})});
    auto reading = linearSection("lecture", items("lec", 2), "reading");
    reading.showIf = json::parse(R"({"==": [{"var": "profile.reads"}, "yes"]})");
    reading.skipLevel = "pre-a1";
    auto listening = linearSection("ecoute", items("eco", 2, "listening"), "listening");
    const auto quiz = makeQuiz({profile, reading, listening});

    Attempt reader(quiz, testOptions());
    CHECK(run(reader, "yes") == std::vector<std::string>{"p-lit", "lec0", "lec1", "eco0", "eco1"});
    CHECK(reader.skippedSections().empty());
    CHECK(reader.results().skill("reading")->estimated);

    Attempt nonReader(quiz, testOptions());
    CHECK(run(nonReader, "no") == std::vector<std::string>{"p-lit", "eco0", "eco1"});
    CHECK(nonReader.skippedSections() == std::vector<std::string>{"lecture"});
    const auto results = nonReader.results(); // skill() points into it: keep it alive
    const auto* r = results.skill("reading");
    CHECK_FALSE(r->estimated);
    CHECK(r->skipped);
    REQUIRE(r->level);
    CHECK(*r->level == 0);
    CHECK(r->levelId == "pre-a1");
    CHECK(*nonReader.variable("level.reading") == 0);
}

TEST_CASE("next rules: first true wins, goto jumps forward, end finishes, none -> following") {
    auto s1 = linearSection("s1", items("a", 2), "reading");
    s1.next = {{json::parse(R"({"<": [{"var": "percent.section.s1"}, 50]})"), "s3"},
               {json::parse(R"({">=": [{"var": "score.section.s1"}, 2]})"), "s4"}};
    auto s2 = linearSection("s2", items("b", 1), "reading");
    s2.next = {{nullptr, "end"}};
    auto s3 = linearSection("s3", items("c", 1), "listening");
    s3.skipLevel = "a1";
    auto s4 = linearSection("s4", items("d", 1), "listening");
    const auto quiz = makeQuiz({s1, s2, s3, s4});

    SECTION("all right: the second rule sends to s4, jumping over s2 and s3") {
        Attempt attempt(quiz, testOptions());
        CHECK(run(attempt) == std::vector<std::string>{"a0", "a1", "d0"});
        CHECK(attempt.skippedSections() == std::vector<std::string>{"s2", "s3"});
    }
    SECTION("all wrong: the first rule sends to s3, then s4") {
        Attempt attempt(quiz, testOptions());
        attempt.answer(pick("b"), 1);
        attempt.answer(pick("b"), 1);
        CHECK(attempt.current()->item->id == "c0");
        CHECK(attempt.skippedSections() == std::vector<std::string>{"s2"});
    }
    SECTION("half right: no rule holds, the following section runs, and its end rule finishes") {
        Attempt attempt(quiz, testOptions());
        attempt.answer(pick("a"), 1);
        attempt.answer(pick("b"), 1);
        CHECK(attempt.current()->item->id == "b0");
        attempt.answer(pick("a"), 1);
        CHECK(attempt.finished());
        CHECK(attempt.skippedSections() == std::vector<std::string>{"s3", "s4"});
        // s3 was skipped by routing: listening gets its skipLevel
        CHECK(attempt.results().skill("listening")->levelId == "a1");
    }
}

TEST_CASE("backward and unknown gotos are ignored, so routing cannot loop") {
    auto s1 = linearSection("s1", items("a", 1));
    auto s2 = linearSection("s2", items("b", 1));
    s2.next = {{nullptr, "s1"}, {nullptr, "s2"}, {nullptr, "nowhere"}};
    auto s3 = linearSection("s3", items("c", 1));
    const auto quiz = makeQuiz({s1, s2, s3});
    Attempt attempt(quiz, testOptions());
    CHECK(run(attempt) == std::vector<std::string>{"a0", "b0", "c0"});
    CHECK(attempt.finished());
}

TEST_CASE("pick and shuffle are drawn from the seed: same seed, same items") {
    auto section = linearSection("s", items("q", 10));
    section.pick = 4;
    const auto picked = makeQuiz({section});
    section.pick = 0;
    section.shuffle = true;
    const auto shuffled = makeQuiz({section});
    section.pick = 4;
    const auto both = makeQuiz({section});

    std::set<std::vector<std::string>> pickedRuns;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        Attempt a(picked, testOptions(seed));
        Attempt b(picked, testOptions(seed));
        const auto ra = run(a);
        CHECK(ra == run(b));
        REQUIRE(ra.size() == 4);
        CHECK(std::is_sorted(ra.begin(), ra.end())); // picked, kept in authored order
        CHECK(std::set<std::string>(ra.begin(), ra.end()).size() == 4);
        pickedRuns.insert(ra);

        Attempt c(shuffled, testOptions(seed));
        auto rc = run(c);
        CHECK(rc.size() == 10);
        std::sort(rc.begin(), rc.end());
        std::vector<std::string> all;
        for (int i = 0; i < 10; ++i) {
            all.push_back("q" + std::to_string(i));
        }
        std::sort(all.begin(), all.end());
        CHECK(rc == all); // a permutation of every item

        Attempt d(both, testOptions(seed));
        CHECK(run(d).size() == 4);
    }
    CHECK(pickedRuns.size() > 5); // different seeds give different draws

    Attempt s1(shuffled, testOptions(1));
    Attempt s2(shuffled, testOptions(2));
    CHECK(run(s1) != run(s2));
}

TEST_CASE("practice items are shown first, never scored, never picked away") {
    auto practice = choiceItem("practice");
    practice.practice = true;
    auto section = linearSection("s", items("q", 5));
    section.items.push_back(practice);
    section.pick = 2;
    const auto quiz = makeQuiz({section});
    Attempt attempt(quiz, testOptions());
    const auto seen = run(attempt);
    REQUIRE(seen.size() == 3);
    CHECK(seen[0] == "practice");
    CHECK(attempt.responses()[0].status == engine::ResponseStatus::Unscored);
    CHECK(attempt.results().skill("reading")->itemsUsed == 2);
    CHECK(attempt.results().skill("reading")->maxScore == 2.0);
}

TEST_CASE("a section's introduction comes before its practice items") {
    // Issue 17: the digital diagnostic showed its practice items, then "Ce test montre ...".
    quiz::Item intro;
    intro.id = "intro";
    intro.type = quiz::ItemType::Info;
    auto practice = choiceItem("practice");
    practice.practice = true;
    auto later = intro;
    later.id = "later-info";
    auto section = linearSection("s", items("q", 2));
    section.items.insert(section.items.begin(), intro);
    section.items.push_back(later);
    section.items.push_back(practice);
    const auto quiz = makeQuiz({section});
    Attempt attempt(quiz, testOptions());
    CHECK(run(attempt) == std::vector<std::string>{"intro", "practice", "q0", "q1", "later-info"});
}

TEST_CASE("expression variables reflect the attempt so far") {
    auto profile = linearSection("profil", {profileItem("p1", "devices", {"phone", "pc", "tv"})});
    profile.items[0].multiple = true;
    auto s = linearSection("lecture", items("q", 3));
    const auto quiz = makeQuiz({profile, s});
    Attempt attempt(quiz, testOptions());
    CHECK(attempt.variable("profile.devices")->is_null());
    attempt.answer({{"selected", {"phone", "tv"}}}, 1);
    CHECK(*attempt.variable("profile.devices") == json::array({"phone", "tv"}));
    CHECK(*attempt.variable("answer.p1") == json::array({"phone", "tv"}));
    attempt.answer(pick("a"), 1);
    attempt.answer(pick("b"), 1);
    attempt.dontKnow(1);
    CHECK(*attempt.variable("score.item.q0") == 1.0);
    CHECK(*attempt.variable("score.item.q1") == 0.0);
    CHECK(attempt.variable("answer.q2")->is_null()); // don't-know: no answer
    CHECK(*attempt.variable("score.section.lecture") == 1.0);
    CHECK(*attempt.variable("percent.section.lecture") == Approx(100.0 / 3));
    CHECK(*attempt.variable("percent.skill.reading") == Approx(100.0 / 3));
    CHECK(*attempt.variable("dontknow.section.lecture") == 1);
    CHECK(attempt.variable("level.reading")->is_number_integer());
    CHECK(attempt.variable("level.listening")->is_null());
    CHECK(attempt.variable("score.section.nowhere")->is_null());
    CHECK_FALSE(attempt.variable("bogus.path"));
}

TEST_CASE("result messages are chosen by their conditions") {
    auto quiz = makeQuiz({linearSection("s", items("q", 2))});
    quiz::ResultMessage always;
    always.text.byLocale = {{"fr", "Merci"}};
    quiz::ResultMessage good;
    good.condition = json::parse(R"({">=": [{"var": "percent.skill.reading"}, 100]})");
    good.text.byLocale = {{"fr", "Bravo"}};
    quiz::ResultMessage broken;
    broken.condition = json::parse(R"({"=>": [1, 2]})");
    quiz.resultMessages = {always, good, broken};
    Attempt attempt(quiz, testOptions());
    run(attempt);
    const auto res = attempt.results();
    REQUIRE(res.messages.size() == 2); // the malformed one is left out, the screen still shows
    CHECK(res.messages[1]->text.get("fr") == "Bravo");
}

TEST_CASE("a malformed showIf is reported with its location") {
    auto s = linearSection("s", items("q", 1));
    s.showIf = json::parse(R"({"==": [{"var": "levels.reading"}, 1]})");
    const auto quiz = makeQuiz({s});
    CHECK_THROWS_WITH(Attempt(quiz, testOptions()),
                      Catch::Contains("/==/0/var") && Catch::Contains("levels.reading"));
}

TEST_CASE("an empty section is passed over and a quiz without items finishes at once") {
    auto empty = linearSection("empty", {});
    empty.next = {{nullptr, "end"}};
    const auto quiz = makeQuiz(
        {linearSection("first", items("q", 1)), empty, linearSection("never", items("z", 1))});
    Attempt attempt(quiz, testOptions());
    CHECK(run(attempt) == std::vector<std::string>{"q0"});
    const auto none = makeQuiz({});
    Attempt nothing(none, testOptions());
    CHECK(nothing.finished());
    CHECK_FALSE(nothing.current());
}

namespace {
quiz::Item simItem(const std::string& id, quiz::SimScenario scenario, bool practice = false) {
    quiz::Item item;
    item.id = id;
    item.type = quiz::ItemType::Sim;
    item.skill = practice ? "" : "reading";
    item.scenario = scenario;
    item.practice = practice;
    item.endStates = {{"done", 1.0}, {"missed", 0.0}};
    return item;
}

// Answers sims "done" and choices "a"; returns the item ids seen.
std::vector<std::string> runSims(Attempt& attempt) {
    std::vector<std::string> seen;
    while (auto cur = attempt.current()) {
        seen.push_back(cur->item->id);
        attempt.answer(cur->item->type == quiz::ItemType::Sim ? json{{"state", "done"}} : pick("a"),
                       10);
    }
    return seen;
}
} // namespace

TEST_CASE("a practice sim comes just before the first scored sim of its kind, once") {
    using S = quiz::SimScenario;
    auto section = linearSection("s", items("q", 2));
    section.items.insert(section.items.begin() + 1, simItem("unlock-1", S::PhoneUnlock));
    section.items.push_back(simItem("unlock-2", S::PhoneUnlock));
    section.items.push_back(simItem("form-1", S::OnlineForm));
    section.items.push_back(simItem("try-unlock", S::PhoneUnlock, true));
    section.items.push_back(simItem("try-list", S::ListPopup, true)); // no list sim: never shown
    auto practice = choiceItem("try-choice");
    practice.practice = true;
    section.items.push_back(practice);
    const auto quiz = makeQuiz({section});
    Attempt attempt(quiz, testOptions());
    CHECK(runSims(attempt) == std::vector<std::string>{"try-choice", "q0", "try-unlock", "unlock-1",
                                                       "q1", "unlock-2", "form-1"});
    const auto& r = attempt.responses();
    CHECK(r[2].status == engine::ResponseStatus::Unscored);
    CHECK(r[2].maxScore == 0.0);
    // Rebuilt from its responses, the attempt is where it was (a paused person comes back).
    Attempt half(quiz, testOptions());
    for (int i = 0; i < 3; ++i)
        half.answer(half.current()->item->type == quiz::ItemType::Sim ? json{{"state", "done"}}
                                                                      : pick("a"),
                    10);
    const auto again = Attempt::rebuild(quiz, testOptions(), half.responses());
    REQUIRE(again.current());
    CHECK(again.current()->item->id == "unlock-1");
}

TEST_CASE("an adaptive section draws a sim after its practice try, which is not an observation") {
    auto section = adaptiveSection("a", "reading", 1);
    section.items.clear();
    for (int i = 0; i < 3; ++i) {
        auto sim = simItem("sim-" + std::to_string(i), quiz::SimScenario::DatePicker);
        sim.difficulty = -1.0 + i;
        section.items.push_back(sim);
    }
    section.items.push_back(simItem("try-date", quiz::SimScenario::DatePicker, true));
    auto quiz = makeQuiz({section});
    quiz.adaptive.minItems = 3;
    quiz.adaptive.maxItems = 3;
    quiz.adaptive.levelGates = false;
    Attempt attempt(quiz, testOptions());
    const auto seen = runSims(attempt);
    REQUIRE(seen.size() == 4);
    CHECK(seen[0] == "try-date");
    CHECK(attempt.results().skill("reading")->itemsUsed == 3);
}
