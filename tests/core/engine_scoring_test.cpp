#include "engine/scoring.hpp"
#include "engine/sim_form.hpp"
#include "engine/simulation.hpp"
#include "engine_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace repere;
using namespace repere::testing;
using engine::AnswerError;
using engine::ResponseStatus;
using engine::scoreAnswer;
using nlohmann::json;
using quiz::ScoringRule;

namespace {
quiz::Item withRule(quiz::Item item, ScoringRule rule) {
    item.scoring.rule = rule;
    return item;
}

quiz::Item multipleChoice() {
    auto item = choiceItem("mc");
    item.multiple = true;
    item.options.push_back(option("d"));
    item.correct = {"a", "c"};
    return item;
}

quiz::Item hotspot() {
    quiz::Item item;
    item.id = "hs";
    item.type = quiz::ItemType::Hotspot;
    item.scoring.rule = ScoringRule::Area;
    quiz::Area door{"door", quiz::Area::Shape::Rect, {0.1, 0.2, 0.2, 0.3}};
    quiz::Area sign{"sign", quiz::Area::Shape::Circle, {0.7, 0.3, 0.1}};
    quiz::Area tri{"tri", quiz::Area::Shape::Polygon, {0.5, 0.6, 0.9, 0.6, 0.7, 0.9}};
    item.areas = {door, sign, tri};
    item.correct = {"sign"};
    return item;
}

quiz::Item matchItem() {
    quiz::Item item;
    item.id = "m";
    item.type = quiz::ItemType::Match;
    item.options = {option("l1"), option("l2"), option("l3")};
    item.right = {option("r1"), option("r2"), option("r3")};
    item.pairs = {{"l1", "r2"}, {"l2", "r3"}, {"l3", "r1"}};
    return item;
}

quiz::Item orderItem() {
    quiz::Item item;
    item.id = "o";
    item.type = quiz::ItemType::Order;
    item.options = {option("a"), option("b"), option("c")};
    item.correct = {"c", "a", "b"};
    return item;
}

quiz::Item gapsItem() {
    quiz::Item item;
    item.id = "g";
    item.type = quiz::ItemType::Gaps;
    item.text = "Je vais à la {{g1}} pour acheter du {{g2}}. J'habite à {{g3}}.";
    quiz::Gap g1{
        "g1", quiz::GapMode::Select, {option("pharmacie"), option("piscine")}, {"pharmacie"}};
    quiz::Gap g2{"g2", quiz::GapMode::Drag, {}, {"pain"}};
    quiz::Gap g3{"g3", quiz::GapMode::Typed, {}, {"Saint-Denis", "St Denis"}};
    item.gaps = {g1, g2, g3};
    item.options = {option("pain"), option("lait")};
    return item;
}

quiz::Item formItem() {
    quiz::Item item;
    item.id = "f";
    item.type = quiz::ItemType::Form;
    quiz::FormField name{"nom", "Nom", quiz::FieldKind::Text, {"Diallo"}, "", true};
    quiz::FormField cp{"cp", "Code postal", quiz::FieldKind::Postcode, {}, "", true};
    quiz::FormField tel{"tel", "Téléphone", quiz::FieldKind::Phone, {}, "", true};
    quiz::FormField mail{"mail", "E-mail", quiz::FieldKind::Email, {}, "", false};
    quiz::FormField ref{"ref", "Numéro", quiz::FieldKind::Text, {}, "^[A-Z]{2}[0-9]{4}$", true};
    item.fields = {name, cp, tel, mail, ref};
    return item;
}

json goodForm() {
    return {{"fields",
             {{"nom", "diallo"}, {"cp", "93200"}, {"tel", "06 12 34 56 78"}, {"ref", "AB1234"}}}};
}

quiz::Item markItem() {
    quiz::Item item;
    item.id = "mk";
    item.type = quiz::ItemType::Mark;
    item.text = "Le rendez-vous est lundi à 9 heures";
    item.correct = {"3", "5"};
    return item;
}

quiz::Item writeItem() {
    quiz::Item item;
    item.id = "w";
    item.type = quiz::ItemType::Write;
    item.scoring.rule = ScoringRule::Manual;
    item.scoring.rubric = {{"r1", {}, 1.0}, {"r2", {}, 1.0}, {"r3", {}, 0.5}};
    return item;
}

quiz::Item speakItem() {
    auto item = writeItem();
    item.id = "sp";
    item.type = quiz::ItemType::Speak;
    return item;
}

quiz::Item simItem() {
    quiz::Item item;
    item.id = "sim";
    item.type = quiz::ItemType::Sim;
    item.scenario = quiz::SimScenario::EmailAttachment;
    item.scoring.rule = ScoringRule::Map;
    item.endStates = {
        {"sent_with_attachment", 1.0}, {"sent_without_attachment", 0.5}, {"not_sent", 0.0}};
    return item;
}
} // namespace

TEST_CASE("choice: match is all or nothing, map adds points per option with clamping") {
    auto single = choiceItem("c");
    CHECK(scoreAnswer(single, pick("a")).status == ResponseStatus::Ok);
    CHECK(scoreAnswer(single, pick("b")).status == ResponseStatus::Ko);
    CHECK(scoreAnswer(single, {{"selected", json::array()}}).status == ResponseStatus::Ko);
    single.scoring.points = 2.0;
    CHECK(scoreAnswer(single, pick("a")).score == 2.0);
    CHECK(scoreAnswer(single, pick("a")).maxScore == 2.0);

    auto mc = multipleChoice();
    CHECK(scoreAnswer(mc, {{"selected", {"c", "a"}}}).status == ResponseStatus::Ok);
    CHECK(scoreAnswer(mc, {{"selected", {"a"}}}).status == ResponseStatus::Ko);
    CHECK(scoreAnswer(mc, {{"selected", {"a", "c", "d"}}}).status == ResponseStatus::Ko);

    mc.scoring.rule = ScoringRule::Map;
    mc.scoring.map = {{"a", 1.0}, {"c", 1.0}, {"b", -1.0}, {"d", -0.5}};
    auto s = scoreAnswer(mc, {{"selected", {"a", "c"}}});
    CHECK(s.score == 2.0);
    CHECK(s.maxScore == 2.0);
    CHECK(s.status == ResponseStatus::Ok);
    s = scoreAnswer(mc, {{"selected", {"a", "d"}}});
    CHECK(s.score == 0.5);
    CHECK(s.status == ResponseStatus::Partial);
    s = scoreAnswer(mc, {{"selected", {"b", "d"}}});
    CHECK(s.score == 0.0); // clamped at min 0
    CHECK(s.status == ResponseStatus::Ko);
    mc.scoring.min = -1.0;
    CHECK(scoreAnswer(mc, {{"selected", {"b", "d"}}}).score == -1.0);
    mc.scoring.max = 1.5;
    CHECK(scoreAnswer(mc, {{"selected", {"a", "c"}}}).score == 1.5);
    CHECK(scoreAnswer(mc, {{"selected", {"a", "c"}}}).status == ResponseStatus::Ok);
}

TEST_CASE("hotspot: area scores a tap in a correct rect, circle or polygon") {
    auto item = hotspot();
    CHECK(scoreAnswer(item, {{"x", 0.7}, {"y", 0.3}}).status == ResponseStatus::Ok);
    CHECK(scoreAnswer(item, {{"x", 0.78}, {"y", 0.3}}).status ==
          ResponseStatus::Ok); // inside r=0.1
    CHECK(scoreAnswer(item, {{"x", 0.78}, {"y", 0.38}}).status ==
          ResponseStatus::Ko); // outside circle
    CHECK(scoreAnswer(item, {{"x", 0.15}, {"y", 0.3}}).status ==
          ResponseStatus::Ko); // in the wrong area
    item.correct = {"door", "tri"};
    CHECK(scoreAnswer(item, {{"x", 0.15}, {"y", 0.3}}).status == ResponseStatus::Ok);
    CHECK(scoreAnswer(item, {{"x", 0.7}, {"y", 0.7}}).status ==
          ResponseStatus::Ok); // inside triangle
    CHECK(scoreAnswer(item, {{"x", 0.55}, {"y", 0.85}}).status ==
          ResponseStatus::Ko); // bbox, not triangle
    // match on a hotspot behaves as area
    CHECK(scoreAnswer(withRule(item, ScoringRule::Match), {{"x", 0.7}, {"y", 0.7}}).status ==
          ResponseStatus::Ok);
    // map: points of the areas containing the tap
    item.scoring.rule = ScoringRule::Map;
    item.scoring.map = {{"door", 1.0}, {"sign", 0.5}};
    CHECK(scoreAnswer(item, {{"x", 0.7}, {"y", 0.3}}).score == 0.5);
    CHECK(scoreAnswer(item, {{"x", 0.7}, {"y", 0.3}}).status == ResponseStatus::Partial);
    CHECK_THROWS_AS(scoreAnswer(item, {{"x", "left"}, {"y", 0.3}}), AnswerError);
    CHECK_THROWS_AS(scoreAnswer(item, {{"x", 0.1}}), AnswerError);
}

TEST_CASE("area geometry edges and malformed coordinates") {
    quiz::Area rect{"r", quiz::Area::Shape::Rect, {0.0, 0.0, 0.5, 0.5}};
    CHECK(engine::areaContains(rect, 0.5, 0.5)); // edges count
    CHECK_FALSE(engine::areaContains(rect, 0.51, 0.2));
    quiz::Area broken{"b", quiz::Area::Shape::Polygon, {0.1, 0.1, 0.2}};
    CHECK_FALSE(engine::areaContains(broken, 0.1, 0.1));
    quiz::Area concave{"c", quiz::Area::Shape::Polygon, {0, 0, 1, 0, 1, 1, 0.5, 0.4, 0, 1}};
    CHECK(engine::areaContains(concave, 0.5, 0.2));
    CHECK_FALSE(engine::areaContains(concave, 0.5, 0.8)); // in the notch
}

TEST_CASE("match: all pairs for match, points per pair for map") {
    auto item = matchItem();
    const json right = {{"pairs", {{"l1", "r2"}, {"l2", "r3"}, {"l3", "r1"}}}};
    const json twoRight = {{"pairs", {{"l1", "r2"}, {"l2", "r3"}, {"l3", "r3"}}}};
    CHECK(scoreAnswer(item, right).status == ResponseStatus::Ok);
    CHECK(scoreAnswer(item, twoRight).status == ResponseStatus::Ko);
    item.scoring.rule = ScoringRule::Map;
    item.scoring.map = {{"l1=r2", 1.0}, {"l2=r3", 1.0}, {"l3=r1", 1.0}};
    CHECK(scoreAnswer(item, twoRight).score == 2.0);
    CHECK(scoreAnswer(item, twoRight).status == ResponseStatus::Partial);
    CHECK(scoreAnswer(item, right).score == 3.0);
    CHECK_THROWS_AS(scoreAnswer(item, {{"pairs", {{"l9", "r1"}}}}), AnswerError);
    CHECK_THROWS_AS(scoreAnswer(item, {{"pairs", {{"l1", "r9"}}}}), AnswerError);
}

TEST_CASE("order: exact sequence for match, points per position for map") {
    auto item = orderItem();
    CHECK(scoreAnswer(item, {{"order", {"c", "a", "b"}}}).status == ResponseStatus::Ok);
    CHECK(scoreAnswer(item, {{"order", {"a", "c", "b"}}}).status == ResponseStatus::Ko);
    item.scoring.rule = ScoringRule::Map;
    item.scoring.map = {{"0:c", 1.0}, {"1:a", 1.0}, {"2:b", 1.0}};
    CHECK(scoreAnswer(item, {{"order", {"a", "c", "b"}}}).score == 1.0);
    CHECK_THROWS_AS(scoreAnswer(item, {{"order", {"a", "zz", "b"}}}), AnswerError);
}

TEST_CASE("gaps: select and drag compare ids, typed gaps use the tolerance") {
    auto item = gapsItem();
    json answer = {{"gaps", {{"g1", "pharmacie"}, {"g2", "pain"}, {"g3", "saint denis"}}}};
    CHECK(scoreAnswer(item, answer).status == ResponseStatus::Ok);
    answer["gaps"]["g3"] = "Saint-Dénis"; // accents not ignored by default
    CHECK(scoreAnswer(item, answer).status == ResponseStatus::Ko);
    item.scoring.tolerance.ignoreAccents = true;
    CHECK(scoreAnswer(item, answer).status == ResponseStatus::Ok);
    answer["gaps"]["g3"] = "St-Denis";
    CHECK(scoreAnswer(item, answer).status == ResponseStatus::Ok);
    answer["gaps"]["g1"] = "Pharmacie"; // select gaps compare option ids exactly
    CHECK(scoreAnswer(item, answer).status == ResponseStatus::Ko);

    item.scoring.rule = ScoringRule::Map;
    item.scoring.map = {{"g1", 1.0}, {"g2", 1.0}, {"g3", 2.0}};
    auto s =
        scoreAnswer(item, {{"gaps", {{"g2", "pain"}, {"g3", "saint denis"}}}}); // g1 left empty
    CHECK(s.score == 3.0);
    CHECK(s.maxScore == 4.0);
    CHECK(s.status == ResponseStatus::Partial);
    CHECK_THROWS_AS(scoreAnswer(item, {{"gaps", {{"g7", "x"}}}}), AnswerError);
    CHECK_THROWS_AS(scoreAnswer(item, {{"gaps", {{"g1", 3}}}}), AnswerError);
}

TEST_CASE("form: accepted values, patterns, field kinds and optional fields") {
    auto item = formItem();
    CHECK(scoreAnswer(item, goodForm()).status == ResponseStatus::Ok);
    auto bad = goodForm();
    bad["fields"]["cp"] = "9320";
    CHECK(scoreAnswer(item, bad).status == ResponseStatus::Ko);
    bad = goodForm();
    bad["fields"]["tel"] = "+33 6 12 34 56 78";
    CHECK(scoreAnswer(item, bad).status == ResponseStatus::Ok);
    bad["fields"]["tel"] = "12 34";
    CHECK(scoreAnswer(item, bad).status == ResponseStatus::Ko);
    bad = goodForm();
    bad["fields"]["mail"] = "pas-un-mail";
    CHECK(scoreAnswer(item, bad).status == ResponseStatus::Ko); // optional but wrong when given
    bad["fields"]["mail"] = "awa@exemple.fr";
    CHECK(scoreAnswer(item, bad).status == ResponseStatus::Ok);
    bad = goodForm();
    bad["fields"]["ref"] = "ab1234";
    CHECK(scoreAnswer(item, bad).status == ResponseStatus::Ko); // pattern is case-sensitive
    bad = goodForm();
    bad["fields"].erase("nom");
    CHECK(scoreAnswer(item, bad).status == ResponseStatus::Ko); // required field missing

    item.scoring.rule = ScoringRule::Map;
    item.scoring.map = {{"nom", 1.0}, {"cp", 1.0}, {"tel", 1.0}, {"ref", 1.0}};
    bad = goodForm();
    bad["fields"]["cp"] = "";
    CHECK(scoreAnswer(item, bad).score == 3.0);
    CHECK_THROWS_AS(scoreAnswer(item, {{"fields", {{"zz", "x"}}}}), AnswerError);

    quiz::FormField date{"d", "Date", quiz::FieldKind::Date, {}, "", true};
    quiz::FormField n{"n", "Nombre", quiz::FieldKind::Number, {}, "", true};
    item.fields = {date, n};
    item.scoring.rule = ScoringRule::Match;
    CHECK(scoreAnswer(item, {{"fields", {{"d", "14/07/1990"}, {"n", "3,5"}}}}).status ==
          ResponseStatus::Ok);
    CHECK(scoreAnswer(item, {{"fields", {{"d", "31/13/1990"}, {"n", "3,5"}}}}).status ==
          ResponseStatus::Ko);
    CHECK(scoreAnswer(item, {{"fields", {{"d", "14/07/1990"}, {"n", "trois"}}}}).status ==
          ResponseStatus::Ko);
}

TEST_CASE("mark: exactly the right words for match, points per word for map") {
    auto item = markItem();
    CHECK(scoreAnswer(item, {{"marked", {5, 3}}}).status == ResponseStatus::Ok);
    CHECK(scoreAnswer(item, {{"marked", {3}}}).status == ResponseStatus::Ko);
    CHECK(scoreAnswer(item, {{"marked", {3, 5, 1}}}).status == ResponseStatus::Ko);
    item.scoring.rule = ScoringRule::Map;
    item.scoring.map = {{"3", 1.0}, {"5", 1.0}, {"1", -1.0}};
    CHECK(scoreAnswer(item, {{"marked", {3, 5, 1}}}).score == 1.0);
    CHECK(scoreAnswer(item, {{"marked", {3}}}).status == ResponseStatus::Partial);
    CHECK_THROWS_AS(scoreAnswer(item, {{"marked", {7}}}), AnswerError); // only 7 words: 0..6
    CHECK_THROWS_AS(scoreAnswer(item, {{"marked", {"3"}}}), AnswerError);
}

TEST_CASE("write and speak wait for a trainer - their max comes from the rubric") {
    for (const auto& item : {writeItem(), speakItem()}) {
        const json answer = item.type == quiz::ItemType::Write
                                ? json{{"text", "Bonjour"}}
                                : json{{"recording", "rec/a.ogg"}, {"durationS", 3}};
        auto s = scoreAnswer(item, answer);
        CHECK(s.status == ResponseStatus::PendingManual);
        CHECK(s.maxScore == 2.5);
        CHECK(s.score == 0.0);
        // even with another rule written, free answers are only scored by a person
        CHECK(scoreAnswer(withRule(item, ScoringRule::Match), answer).status ==
              ResponseStatus::PendingManual);
        CHECK(scoreAnswer(withRule(item, ScoringRule::None), answer).status ==
              ResponseStatus::Unscored);
        CHECK(engine::scoreManual(item, 2.5).status == ResponseStatus::Ok);
        CHECK(engine::scoreManual(item, 1.0).status == ResponseStatus::Partial);
        CHECK(engine::scoreManual(item, 9.0).score == 2.5);
        CHECK(engine::scoreManual(item, 0.0).status == ResponseStatus::Ko);
    }
    CHECK_THROWS_AS(scoreAnswer(writeItem(), {{"text", 3}}), AnswerError);
    CHECK_THROWS_AS(scoreAnswer(speakItem(), {{"text", "x"}}), AnswerError);
    // manual rule on another type: pending too
    auto choice = withRule(choiceItem("c"), ScoringRule::Manual);
    choice.scoring.rubric = {{"r", {}, 2.0}};
    CHECK(scoreAnswer(choice, pick("a")).status == ResponseStatus::PendingManual);
    CHECK(scoreAnswer(choice, pick("a")).maxScore == 2.0);
}

TEST_CASE("sim is scored by the end state reached") {
    auto item = simItem();
    auto s = scoreAnswer(item, {{"state", "sent_with_attachment"}, {"steps", json::array()}});
    CHECK(s.status == ResponseStatus::Ok);
    CHECK(s.maxScore == 1.0);
    s = scoreAnswer(item, {{"state", "sent_without_attachment"}});
    CHECK(s.score == 0.5);
    CHECK(s.status == ResponseStatus::Partial);
    CHECK(scoreAnswer(item, {{"state", "unknown_state"}}).status == ResponseStatus::Ko);
    CHECK(scoreAnswer(withRule(item, ScoringRule::Match), {{"state", "sent_with_attachment"}})
              .status == ResponseStatus::Ok);
    CHECK(scoreAnswer(withRule(item, ScoringRule::None), {{"state", "not_sent"}}).status ==
          ResponseStatus::Unscored);
    CHECK_THROWS_AS(scoreAnswer(item, {{"steps", json::array()}}), AnswerError);
}

TEST_CASE("info, profile, rule none and practice items are unscored but shape-checked") {
    quiz::Item info;
    info.id = "i";
    info.type = quiz::ItemType::Info;
    CHECK(scoreAnswer(info, json::object()).status == ResponseStatus::Unscored);
    CHECK(engine::maxScore(info) == 0.0);

    auto profile = profileItem("p", "reads", {"yes", "no"});
    CHECK(scoreAnswer(profile, pick("no")).status == ResponseStatus::Unscored);
    CHECK_THROWS_AS(scoreAnswer(profile, pick("maybe")), AnswerError);
    CHECK_THROWS_AS(scoreAnswer(profile, {{"selected", {"yes", "no"}}}), AnswerError);

    auto none = withRule(choiceItem("c"), ScoringRule::None);
    CHECK(scoreAnswer(none, pick("a")).status == ResponseStatus::Unscored);
    CHECK_THROWS_AS(scoreAnswer(none, pick("zz")), AnswerError);

    for (auto item : {choiceItem("c"), hotspot(), matchItem(), orderItem(), gapsItem(), formItem(),
                      markItem(), writeItem(), speakItem(), simItem()}) {
        item.practice = true;
        INFO(item.id);
        auto s = scoreAnswer(item, engine::rightAnswer(item));
        CHECK(s.status == ResponseStatus::Unscored);
        CHECK(s.maxScore == 0.0);
        CHECK(engine::maxScore(item) == 0.0);
    }
}

TEST_CASE("the simulation's right and wrong answers score as such for every scored type") {
    for (const auto& item : {choiceItem("c"), multipleChoice(), hotspot(), matchItem(), orderItem(),
                             gapsItem(), markItem(), simItem()}) {
        INFO(item.id);
        CHECK(scoreAnswer(item, engine::rightAnswer(item)).status == ResponseStatus::Ok);
        CHECK(scoreAnswer(item, engine::wrongAnswer(item)).status == ResponseStatus::Ko);
    }
}

TEST_CASE("don't-know scores zero of the item's maximum") {
    auto s = engine::scoreDontKnow(choiceItem("c"));
    CHECK(s.status == ResponseStatus::DontKnow);
    CHECK(s.score == 0.0);
    CHECK(s.maxScore == 1.0);
    CHECK(engine::scoreDontKnow(writeItem()).maxScore == 2.5);
}

TEST_CASE("malformed answers name the item and the problem") {
    CHECK_THROWS_WITH(scoreAnswer(choiceItem("lec-03"), {{"choice", "a"}}),
                      Catch::Contains("lec-03") && Catch::Contains("missing \"selected\""));
    CHECK_THROWS_WITH(scoreAnswer(choiceItem("lec-03"), "a"),
                      Catch::Contains("expected an object"));
    CHECK_THROWS_WITH(scoreAnswer(choiceItem("lec-03"), {{"selected", {"a", "b"}}}),
                      Catch::Contains("single-choice"));
}

TEST_CASE("an online form sim is scored per field, with partial credit") {
    quiz::Item item;
    item.id = "form";
    item.type = quiz::ItemType::Sim;
    item.scenario = quiz::SimScenario::OnlineForm;
    item.endStates = {{"submitted_correct", 1.0}, {"submitted_wrong_data", 0.0}};
    item.simConfig = json::parse(R"({"fields": [
        {"id": "nom", "kind": "text", "accept": ["Rossi"]},
        {"id": "naissance", "kind": "date", "accept": ["03/02/1979"]},
        {"id": "cp", "kind": "postcode", "accept": ["93200"]},
        {"id": "tel", "kind": "phone", "accept": ["0612345678"]},
        {"id": "note", "kind": "text", "required": false}]})");
    const auto sent = [](const char* state, json fields) {
        return json{{"state", state}, {"steps", json::array()}, {"fields", std::move(fields)}};
    };
    const json right = {{"nom", " ROSSI "},
                        {"naissance", "03/02/1979"},
                        {"cp", "93200"},
                        {"tel", "06 12 34 56 78"},
                        {"note", ""}};
    auto s = scoreAnswer(item, sent("submitted_correct", right));
    CHECK(s.status == ResponseStatus::Ok);
    CHECK(s.score == 1.0);
    // One digit of the postcode wrong: 3 of the 4 checked fields, not nothing.
    auto oneSlip = right;
    oneSlip["cp"] = "93100";
    s = scoreAnswer(item, sent("submitted_wrong_data", oneSlip));
    CHECK(s.status == ResponseStatus::Partial);
    CHECK(s.score == Approx(0.75));
    CHECK(s.maxScore == 1.0);
    // Everything wrong: nothing.
    const json wrong = {
        {"nom", "Dupont"}, {"naissance", "01/01/2000"}, {"cp", "75000"}, {"tel", "0700000000"}};
    s = scoreAnswer(item, sent("submitted_wrong_data", wrong));
    CHECK(s.status == ResponseStatus::Ko);
    // An end state other than a sent form, or an answer that kept no fields: the end state decides.
    CHECK(scoreAnswer(item, sent("abandoned", right)).score == 0.0);
    CHECK(scoreAnswer(item, {{"state", "submitted_wrong_data"}}).score == 0.0);
    CHECK(scoreAnswer(item, {{"state", "submitted_correct"}}).score == 1.0);
    // The same field rules as the kiosk's form (engine::simFieldRight).
    const auto fields = engine::simFormFields(item.simConfig);
    REQUIRE(fields.size() == 5);
    CHECK(engine::simFieldRight(fields[3], "06.12.34.56.78"));
    CHECK_FALSE(engine::simFieldRight(fields[0], "Rosi"));
    CHECK_FALSE(fields[4].required);
}
