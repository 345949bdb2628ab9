#include "engine/irt.hpp"
#include "engine_fixtures.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace repere;
using namespace repere::testing;
using engine::Attempt;

namespace {
quiz::Quiz readingBank(int n = 40) {
    return makeQuiz({adaptiveSection("lecture", "reading", n)});
}

// Answers right exactly when the item is easier than `theta` (a perfectly consistent person).
std::vector<std::string> takeAs(Attempt& attempt, double theta,
                                std::vector<double>* ses = nullptr) {
    std::vector<std::string> seen;
    while (auto cur = attempt.current()) {
        seen.push_back(cur->item->id);
        attempt.answer(pick(cur->item->difficulty < theta ? "a" : "b"), 10);
        if (ses) {
            ses->push_back(attempt.estimate("reading").se);
        }
    }
    return seen;
}
} // namespace

TEST_CASE("EAP: symmetric answers centre on the items, more answers shrink the SE") {
    using namespace repere::engine;
    const auto none = estimateAbility({}, 0.0, 1.5);
    CHECK(none.theta == Approx(0.0).margin(1e-6));
    CHECK(none.se == Approx(1.5).margin(0.02));
    std::vector<Observation> obs;
    for (int i = 0; i < 10; ++i) {
        obs.push_back({{1.0, 1.0}, 1.0});
        obs.push_back({{1.0, 1.0}, 0.0});
    }
    const auto e = estimateAbility(obs, 0.0, 1.5);
    CHECK(e.theta == Approx(1.0).margin(0.15)); // pulled a little toward the prior mean 0
    CHECK(e.theta < 1.0);
    CHECK(e.se < 0.5);
    const auto allRight = estimateAbility({{{1.0, 0.0}, 1.0}, {{1.0, 1.0}, 1.0}}, 0.0, 1.5);
    CHECK(allRight.theta > 0.5); // finite where maximum likelihood would diverge
    CHECK(probability({1.0, 0.0}, 0.0) == Approx(0.5));
    CHECK(information({2.0, 0.0}, 0.0) == Approx(1.0));
    CHECK(information({1.0, 0.0}, 3.0) < information({1.0, 0.0}, 0.0));
    const auto probs = estimateAbility(obs, 0.0, 1.5, {}, {-0.75, 0.75, 2.25}).levelProbabilities;
    REQUIRE(probs.size() == 4);
    CHECK(probs[2] > 0.5); // theta ~1.0 sits in [0.75, 2.25)
    CHECK(probs[0] + probs[1] + probs[2] + probs[3] == Approx(1.0));
}

TEST_CASE("a candidate who answers everything right is placed at the top level") {
    for (std::uint64_t seed : {1, 2, 3}) {
        const auto quiz = readingBank();
        Attempt attempt(quiz, testOptions(seed));
        while (auto cur = attempt.current()) {
            attempt.answer(pick("a"), 10);
        }
        const auto results = attempt.results(); // skill() points into it: keep it alive
        const auto* r = results.skill("reading");
        REQUIRE(r->level);
        CHECK(*r->level == 4);
        CHECK(r->levelId == "b1");
        CHECK(r->percent == 100.0);
        CHECK(r->itemsUsed <= quiz.adaptive.maxItems);
        CHECK(r->itemsUsed >= quiz.adaptive.minItems);
    }
}

TEST_CASE("a candidate who answers nothing right is placed at the bottom level") {
    for (std::uint64_t seed : {1, 2, 3}) {
        const auto quiz = readingBank();
        Attempt attempt(quiz, testOptions(seed));
        while (attempt.current()) {
            attempt.dontKnow(10);
        }
        const auto results = attempt.results(); // skill() points into it: keep it alive
        const auto* r = results.skill("reading");
        REQUIRE(r->level);
        CHECK(*r->level == 0);
        CHECK(r->dontKnow == r->itemsUsed);
        CHECK(r->percent == 0.0);
    }
}

TEST_CASE("placement follows the ability of a consistent candidate") {
    const auto quiz = readingBank(60);
    for (double theta : {-3.0, -1.5, 0.0, 1.5, 3.0}) {
        Attempt attempt(quiz, testOptions(11));
        takeAs(attempt, theta);
        const auto results = attempt.results(); // skill() points into it: keep it alive
        const auto* r = results.skill("reading");
        INFO("theta " << theta << " estimated " << r->theta);
        CHECK(r->theta == Approx(theta).margin(0.6));
        CHECK(*r->level == quiz.framework.levelForAbility(theta));
    }
}

TEST_CASE("adaptive selection is deterministic for a seed and spreads exposure across seeds") {
    const auto quiz = readingBank();
    std::set<std::string> firstItems;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        Attempt a(quiz, testOptions(seed));
        Attempt b(quiz, testOptions(seed));
        const auto ra = takeAs(a, 0.7);
        CHECK(ra == takeAs(b, 0.7));
        CHECK(std::set<std::string>(ra.begin(), ra.end()).size() == ra.size()); // never twice
        firstItems.insert(ra.front());
    }
    CHECK(firstItems.size() >= 2); // chosen among the top K, not always the same item
    CHECK(firstItems.size() <= 3); // ... and only among the top K = 3 at the prior mean
}

TEST_CASE("the standard error decreases as answers come in") {
    auto quiz = readingBank(60);
    quiz.adaptive.levelConfidence = 0.0;
    quiz.adaptive.seTarget = 0.01;
    quiz.adaptive.maxItems = 15;
    Attempt attempt(quiz, testOptions(5));
    std::vector<double> ses;
    takeAs(attempt, 0.4, &ses);
    REQUIRE(ses.size() == 15);
    for (std::size_t i = 1; i < ses.size(); ++i) {
        CHECK(ses[i] <= ses[i - 1] + 1e-9);
    }
    CHECK(ses.back() < 0.7);
    CHECK(ses.back() < ses.front() - 0.5);
}

TEST_CASE("stopping: SE threshold after minItems, maxItems, level confidence") {
    auto quiz = readingBank(60);
    SECTION("a loose SE target stops at minItems, never before") {
        quiz.adaptive.levelConfidence = 0.0;
        quiz.adaptive.seTarget = 5.0;
        quiz.adaptive.minItems = 5;
        Attempt attempt(quiz, testOptions());
        CHECK(takeAs(attempt, 0.0).size() == 5);
    }
    SECTION("an unreachable SE target stops at maxItems") {
        quiz.adaptive.levelConfidence = 0.0;
        quiz.adaptive.seTarget = 0.01;
        quiz.adaptive.maxItems = 9;
        Attempt attempt(quiz, testOptions());
        CHECK(takeAs(attempt, 0.0).size() == 9);
    }
    SECTION("a person in the middle of a level stops before one near a cut-point") {
        quiz.adaptive.seTarget = 0.01;
        quiz.adaptive.maxItems = 30;
        quiz.adaptive.levelConfidence = 0.8;
        Attempt middle(quiz, testOptions());
        Attempt nearCut(quiz, testOptions());
        const auto m = takeAs(middle, 0.0);   // centre of [-0.75, 0.75)
        const auto n = takeAs(nearCut, 0.75); // on a cut-point
        CHECK(m.size() < n.size());
        const auto results = middle.results(); // skill() points into it: keep it alive
        const auto* r = results.skill("reading");
        CHECK(r->levelProbabilities[*r->level] >= 0.8);
    }
    SECTION("by default no SE target: the level decides, or maxItems (issue 19)") {
        quiz.adaptive.seTarget = 0.0;
        quiz.adaptive.levelConfidence = 0.0;
        quiz.adaptive.maxItems = 11;
        Attempt undecided(quiz, testOptions());
        CHECK(takeAs(undecided, 0.0).size() == 11); // nothing else stops it: not even se < 0
        quiz.adaptive.levelConfidence = 0.75;
        Attempt decided(quiz, testOptions());
        const auto used = takeAs(decided, 0.0).size();
        CHECK(used >= 4);
        CHECK(used < 11);
        const auto results = decided.results();
        const auto* r = results.skill("reading");
        CHECK(r->levelProbabilities[*r->level] >= 0.75);
    }
    SECTION("a small bank stops when items run out") {
        auto small = readingBank(4);
        small.adaptive.levelConfidence = 0.0;
        small.adaptive.levelGates = false; // the b = 4 item is two levels up: gated otherwise
        small.adaptive.seTarget = 0.01;
        Attempt attempt(small, testOptions());
        CHECK(takeAs(attempt, 0.0).size() == 4);
    }
}

TEST_CASE("level gates keep items more than one level above the estimate away") {
    // Two easy items (level 0) and ten hard ones (level 3); the prior sits in level 0.
    quiz::Section s;
    s.id = "lecture";
    s.mode = quiz::Section::Mode::Adaptive;
    s.skill = "reading";
    s.items = {choiceItem("easy-0", "reading", -3.0), choiceItem("easy-1", "reading", -3.2)};
    for (int i = 0; i < 10; ++i) {
        s.items.push_back(choiceItem("hard-" + std::to_string(i), "reading", 1.5));
    }
    auto quiz = makeQuiz({s});
    quiz.adaptive.priorMean = -3.0;
    quiz.adaptive.topK = 3;
    quiz.adaptive.levelConfidence = 0.0;
    quiz.adaptive.minItems = 1;
    quiz.adaptive.seTarget = 0.01;

    bool hardFirstWithoutGates = false;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        quiz.adaptive.levelGates = true;
        Attempt gated(quiz, testOptions(seed));
        CHECK(gated.current()->item->id.rfind("easy", 0) == 0);
        gated.dontKnow(1); // stays at level 0: hard items remain out of reach
        if (gated.current()) {
            CHECK(gated.current()->item->id.rfind("easy", 0) == 0);
            gated.dontKnow(1);
        }
        CHECK(gated.finished()); // nothing left within the gate
        quiz.adaptive.levelGates = false;
        Attempt open(quiz, testOptions(seed));
        hardFirstWithoutGates |= open.current()->item->id.rfind("hard", 0) == 0;
    }
    CHECK(hardFirstWithoutGates);

    // An item's declared level counts, not only its difficulty.
    quiz.adaptive.levelGates = true;
    for (auto& item : quiz.sections[0].items) {
        item.difficulty = -3.0;
        item.level = item.id.rfind("hard", 0) == 0 ? "b1" : "pre-a1";
    }
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        Attempt gated(quiz, testOptions(seed));
        CHECK(gated.current()->item->id.rfind("easy", 0) == 0);
    }
}

TEST_CASE("adaptive sections show their practice items first and unscored") {
    auto section = adaptiveSection("lecture", "reading", 20);
    auto practice = choiceItem("practice", "reading", 0.0);
    practice.practice = true;
    section.items.push_back(practice);
    const auto quiz = makeQuiz({section});
    Attempt attempt(quiz, testOptions());
    CHECK(attempt.current()->item->id == "practice");
    attempt.answer(pick("b"), 1);
    CHECK(attempt.current()->item->id != "practice");
    CHECK(attempt.estimate("reading").se ==
          Approx(quiz.adaptive.priorSd).margin(0.05)); // not counted
}

TEST_CASE("two skills are placed separately") {
    const auto quiz = makeQuiz(
        {adaptiveSection("lecture", "reading", 30), adaptiveSection("ecoute", "listening", 30)});
    Attempt attempt(quiz, testOptions());
    while (auto cur = attempt.current()) {
        attempt.answer(pick(cur->item->skill == "reading" ? "a" : "b"), 1);
    }
    const auto res = attempt.results();
    CHECK(*res.skill("reading")->level == 4);
    CHECK(*res.skill("listening")->level == 0);
}
