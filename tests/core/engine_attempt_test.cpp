#include "engine/shown_order.hpp"
#include "engine_fixtures.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace repere;
using namespace repere::testing;
using engine::Attempt;
using engine::AttemptState;
using engine::ResponseStatus;

namespace {
quiz::Quiz threeItems() {
    return makeQuiz(
        {linearSection("s1", {choiceItem("q1"), choiceItem("q2"), choiceItem("q3")}, "reading")});
}
} // namespace

TEST_CASE("an attempt presents items in order, records responses and finishes") {
    const auto quiz = threeItems();
    Attempt attempt(quiz, testOptions());
    REQUIRE(attempt.current());
    CHECK(attempt.current()->item->id == "q1");
    CHECK(attempt.current()->sequence == 0);

    auto r1 = attempt.answer(pick("a"), 1200);
    CHECK(r1.itemId == "q1");
    CHECK(r1.sectionId == "s1");
    CHECK(r1.attemptUuid == "attempt-1");
    CHECK(r1.uuid == "r0");
    CHECK(r1.status == ResponseStatus::Ok);
    CHECK(r1.score == 1.0);
    CHECK(r1.durationMs == 1200);
    CHECK(r1.answeredAtMs == 1'700'000'000'000);

    CHECK(attempt.current()->item->id == "q2");
    auto r2 = attempt.dontKnow(300);
    CHECK(r2.status == ResponseStatus::DontKnow);
    CHECK(r2.maxScore == 1.0);
    auto r3 = attempt.answer(pick("b"), 500);
    CHECK(r3.status == ResponseStatus::Ko);
    CHECK(r3.sequence == 2);

    CHECK(attempt.finished());
    CHECK_FALSE(attempt.current());
    CHECK_THROWS_AS(attempt.answer(pick("a"), 1), engine::AttemptError);

    const auto res = attempt.results();
    const auto* reading = res.skill("reading");
    REQUIRE(reading);
    CHECK(reading->itemsUsed == 3);
    CHECK(reading->dontKnow == 1);
    CHECK(reading->score == 1.0);
    CHECK(reading->maxScore == 3.0);
    CHECK(reading->percent == Approx(100.0 / 3));
    CHECK(reading->estimated);
    CHECK(reading->level.has_value());
    CHECK_FALSE(res.skill("listening")->level.has_value());
}

TEST_CASE("a malformed answer is refused and changes nothing") {
    const auto quiz = threeItems();
    Attempt attempt(quiz, testOptions());
    CHECK_THROWS_AS(attempt.answer({{"selected", {"zz"}}}, 10), engine::AnswerError);
    CHECK_THROWS_AS(attempt.answer({{"selected", {"a", "b"}}}, 10), engine::AnswerError);
    CHECK_THROWS_AS(attempt.answer(nlohmann::json::array(), 10), engine::AnswerError);
    CHECK(attempt.responses().empty());
    CHECK(attempt.current()->item->id == "q1");
}

TEST_CASE("pause blocks answers until resume - finish ends at once") {
    const auto quiz = threeItems();
    Attempt attempt(quiz, testOptions());
    attempt.answer(pick("a"), 10);
    attempt.pause();
    CHECK(attempt.state() == AttemptState::Paused);
    CHECK(attempt.current()->item->id == "q2"); // still shown behind the pause screen
    CHECK_THROWS_AS(attempt.answer(pick("a"), 10), engine::AttemptError);
    CHECK_THROWS_AS(attempt.dontKnow(10), engine::AttemptError);
    CHECK(attempt.responses().size() == 1);
    attempt.resume();
    CHECK(attempt.state() == AttemptState::Running);
    attempt.answer(pick("a"), 10);
    attempt.finish();
    CHECK(attempt.finished());
    CHECK_FALSE(attempt.current());
    CHECK_THROWS_AS(attempt.resume(), engine::AttemptError);
    CHECK(attempt.results().skill("reading")->itemsUsed == 2);
}

TEST_CASE("replays are counted and limited by maxPlays") {
    auto quiz = threeItems();
    quiz.sections[0].items[0].stimulus.audio = "snd";
    quiz.sections[0].items[0].stimulus.maxPlays = 2;
    Attempt attempt(quiz, testOptions());
    CHECK(attempt.current()->playsLeft == 2);
    CHECK(attempt.play());
    CHECK(attempt.play());
    CHECK_FALSE(attempt.play());
    CHECK(attempt.current()->playsUsed == 2);
    CHECK(attempt.current()->playsLeft == 0);
    auto r = attempt.answer(pick("a"), 10);
    CHECK(r.plays == 2);
    CHECK(attempt.current()->playsUsed == 0); // next item starts afresh
    CHECK(attempt.current()->playsLeft == -1);
    CHECK(attempt.play());
    auto r2 = attempt.answer(pick("a"), 10, 5); // caller-counted plays win
    CHECK(r2.plays == 5);
}

TEST_CASE("don't-know is refused where the item does not offer it") {
    auto quiz = threeItems();
    quiz.sections[0].items[0].dontKnow = false;
    Attempt attempt(quiz, testOptions());
    CHECK_THROWS_AS(attempt.dontKnow(10), engine::AttemptError);
    CHECK(attempt.responses().empty());
}

TEST_CASE("unavailable items are neither right nor wrong") {
    const auto quiz = threeItems();
    Attempt attempt(quiz, testOptions());
    auto r = attempt.unavailable(10);
    CHECK(r.status == ResponseStatus::Unavailable);
    attempt.answer(pick("a"), 10);
    CHECK(attempt.results().skill("reading")->itemsUsed == 1);
    CHECK(attempt.results().skill("reading")->maxScore == 1.0);
}

TEST_CASE("progress counts answered items against an estimate of the total") {
    const auto quiz = threeItems();
    Attempt attempt(quiz, testOptions());
    CHECK(attempt.progress().answered == 0);
    CHECK(attempt.progress().expectedTotal == 3);
    attempt.answer(pick("a"), 10);
    CHECK(attempt.progress().answered == 1);
    CHECK(attempt.progress().fraction() == Approx(1.0 / 3));
}

TEST_CASE("manual scores from a trainer update the response and the results") {
    quiz::Item write;
    write.id = "w1";
    write.type = quiz::ItemType::Write;
    write.skill = "reading";
    write.scoring.rule = quiz::ScoringRule::Manual;
    write.scoring.rubric = {{"r1", {}, 1.0}, {"r2", {}, 2.0}};
    auto quiz = makeQuiz({linearSection("s", {write}, "reading")});
    Attempt attempt(quiz, testOptions());
    auto r = attempt.answer({{"text", "Bonjour, je viens lundi."}}, 10);
    CHECK(r.status == ResponseStatus::PendingManual);
    CHECK(r.maxScore == 3.0);
    CHECK(attempt.results().pendingManual == 1);
    CHECK_FALSE(attempt.results().skill("reading")->estimated);
    auto scored = attempt.applyManualScore(r.uuid, 2.0);
    CHECK(scored.status == ResponseStatus::Partial);
    CHECK(scored.score == 2.0);
    CHECK(attempt.results().pendingManual == 0);
    CHECK(attempt.results().skill("reading")->percent == Approx(200.0 / 3));
    CHECK(attempt.results().skill("reading")->estimated);
    CHECK_THROWS_AS(attempt.applyManualScore("nope", 1.0), engine::AttemptError);
}

namespace {
// A quiz exercising every routing decision: profile, seeded pick+shuffle, adaptive draws.
quiz::Quiz routedQuiz() {
    auto linear = linearSection(
        "lin",
        {choiceItem("l1"), choiceItem("l2"), choiceItem("l3"), choiceItem("l4"), choiceItem("l5")},
        "reading");
    linear.pick = 3;
    linear.shuffle = true;
    return makeQuiz({linearSection("profile", {profileItem("p1", "reads", {"yes", "no"})}), linear,
                     adaptiveSection("ada", "listening", 30)});
}

// Answers deterministically from the item id so two runs give the same answers.
nlohmann::json answerFor(const quiz::Item& item) {
    if (item.type == quiz::ItemType::Profile) {
        return pick("yes");
    }
    return pick(item.id.back() % 2 == 0 ? "a" : "b");
}
} // namespace

TEST_CASE("rebuilding from the saved responses gives the same state at every step") {
    const auto quiz = routedQuiz();
    Attempt live(quiz, testOptions(7));
    int steps = 0;
    while (auto cur = live.current()) {
        const auto saved = live.responses();
        Attempt rebuilt = Attempt::rebuild(quiz, testOptions(7), saved);
        REQUIRE(rebuilt.current());
        CHECK(rebuilt.current()->item->id == cur->item->id);
        CHECK(rebuilt.current()->sequence == cur->sequence);
        CHECK(rebuilt.estimate("listening").theta == live.estimate("listening").theta);
        CHECK(rebuilt.progress().expectedTotal == live.progress().expectedTotal);
        if (steps % 3 == 1) {
            live.dontKnow(5);
        } else {
            live.answer(answerFor(*cur->item), 5);
        }
        ++steps;
    }
    REQUIRE(steps > 5);
    Attempt rebuilt = Attempt::rebuild(quiz, testOptions(7), live.responses());
    CHECK(rebuilt.finished());
    const auto a = live.results();
    const auto b = rebuilt.results();
    REQUIRE(a.skills.size() == b.skills.size());
    for (std::size_t i = 0; i < a.skills.size(); ++i) {
        CHECK(a.skills[i].theta == b.skills[i].theta);
        CHECK(a.skills[i].level == b.skills[i].level);
        CHECK(a.skills[i].itemsUsed == b.skills[i].itemsUsed);
        CHECK(a.skills[i].score == b.skills[i].score);
    }
}

TEST_CASE("a paused attempt resumes after a rebuild at the item where it stopped") {
    const auto quiz = routedQuiz();
    Attempt live(quiz, testOptions(3));
    for (int i = 0; i < 6; ++i) {
        live.answer(answerFor(*live.current()->item), 5);
    }
    live.pause();
    const std::string stoppedAt = live.current()->item->id;
    Attempt resumed = Attempt::rebuild(quiz, testOptions(3), live.responses());
    CHECK(resumed.current()->item->id == stoppedAt);
    CHECK(resumed.current()->sequence == 6);
    resumed.answer(answerFor(*resumed.current()->item), 5);
    CHECK(resumed.responses().back().sequence == 6);
}

TEST_CASE("responses that do not fit the quiz are refused with a clear error") {
    const auto quiz = routedQuiz();
    Attempt live(quiz, testOptions(3));
    for (int i = 0; i < 4; ++i) {
        live.answer(answerFor(*live.current()->item), 5);
    }
    auto saved = live.responses();

    auto wrongItem = saved;
    wrongItem[2].itemId = "zz";
    CHECK_THROWS_WITH(Attempt::rebuild(quiz, testOptions(3), wrongItem),
                      Catch::Contains("response 2") && Catch::Contains("presents item"));

    auto gap = saved;
    gap.erase(gap.begin() + 1);
    CHECK_THROWS_AS(Attempt::rebuild(quiz, testOptions(3), gap), engine::RebuildError);

    auto rev = saved;
    rev[0].itemRev = 9;
    CHECK_THROWS_WITH(Attempt::rebuild(quiz, testOptions(3), rev), Catch::Contains("revision"));

    // Another seed picks other items: the saved responses no longer fit.
    bool anyMismatch = false;
    for (std::uint64_t seed = 100; seed < 110 && !anyMismatch; ++seed) {
        try {
            Attempt::rebuild(quiz, testOptions(seed), saved);
        } catch (const engine::RebuildError&) {
            anyMismatch = true;
        }
    }
    CHECK(anyMismatch);
}

TEST_CASE(
    "order cards: the first order is drawn from the attempt seed and read back from the answer",
    "[engine][order]") {
    quiz::Item item;
    item.id = "o1";
    item.type = quiz::ItemType::Order;
    for (const char* id : {"a", "b", "c", "d", "e"}) {
        quiz::Option o;
        o.id = id;
        item.options.push_back(o);
    }
    item.correct = {"a", "b", "c", "d", "e"};
    std::set<std::vector<std::string>> seen;
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        const auto order = engine::firstCardOrder(item, seed);
        CHECK(order == engine::firstCardOrder(item, seed)); // replayed identically
        CHECK(order != item.correct);
        CHECK(order.size() == 5);
        seen.insert(order);
    }
    CHECK(seen.size() > 20); // attempts differ
    // Another item of the same attempt is drawn from its own stream.
    auto other = item;
    other.id = "o2";
    int same = 0;
    for (std::uint64_t seed = 1; seed <= 40; ++seed)
        same += engine::firstCardOrder(item, seed) == engine::firstCardOrder(other, seed);
    CHECK(same < 10);

    const std::vector<std::string> authored{"a", "b", "c", "d", "e"};
    CHECK(engine::shownOptionOrder(item, {{"order", {"a"}}}) == authored);
    const nlohmann::json shown = {"c", "a", "e", "b", "d"};
    CHECK(engine::shownOptionOrder(item, {{"order", authored}, {"shown", shown}}) ==
          shown.get<std::vector<std::string>>());
    // A list that is not this item's options (another revision) is not trusted.
    CHECK(engine::shownOptionOrder(item, {{"shown", {"c", "a", "z", "b", "d"}}}) == authored);
}
