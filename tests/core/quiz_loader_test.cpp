#include "quiz/loader.hpp"
#include "quiz_test_support.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace repere::quiz;

namespace {
const std::string kQuizzes = std::string(REPERE_SOURCE_DIR) + "/quizzes";
const std::string kFixtures = std::string(REPERE_SOURCE_DIR) + "/tests/fixtures/quizzes";
} // namespace

TEST_CASE("the bundled example package loads without errors and uses every item type") {
    LoadResult r = loadPackage(kQuizzes + "/exemple");
    for (const auto& d : r.diagnostics) {
        INFO(d.format());
        CHECK(d.warning);
    }
    REQUIRE(r.ok());
    const Quiz& q = *r.quiz;
    CHECK(q.id == "exemple");
    CHECK(q.contentHash.size() == 64);
    std::set<ItemType> types;
    std::set<SimScenario> scenarios;
    for (const auto& s : q.sections) {
        for (const auto& item : s.items) {
            types.insert(item.type);
            if (item.type == ItemType::Sim) {
                scenarios.insert(item.scenario);
            }
        }
    }
    CHECK(types.size() == 12);
    CHECK(scenarios.size() == 4);
}

TEST_CASE("a backward goto is reported with its pointer") {
    LoadResult r = loadPackage(kFixtures + "/broken-goto");
    CHECK_FALSE(r.ok());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].pointer == "/sections/1/next/0/goto");
    CHECK_THAT(r.diagnostics[0].message, Catch::Contains("goes back to an earlier section"));
}

using namespace quiztest;

namespace {
const Item& itemOf(const Quiz& q, const std::string& id) {
    const Item* item = q.findItem(id);
    REQUIRE(item != nullptr);
    return *item;
}
} // namespace

TEST_CASE("every item type's fields reach the model") {
    LoadResult r = loadPackage(kQuizzes + "/exemple");
    REQUIRE(r.ok());
    const Quiz& q = *r.quiz;
    CHECK(q.locales == std::vector<std::string>{"fr", "en"});
    CHECK(q.framework.levels.size() == 4);
    CHECK(q.framework.cutPoints == std::vector<double>{-1.5, 0.0, 1.5});
    CHECK(q.adaptive.maxItems == 6);
    CHECK(q.adaptive.topK == 2);
    REQUIRE(q.findAsset("snd-bus-8h"));
    CHECK(q.findAsset("snd-bus-8h")->kind == AssetKind::Audio);
    CHECK(q.findAsset("img-bus")->alt.get("en") == "A blue bus");

    const Item& lieu = itemOf(q, "eco-lieu");
    CHECK(lieu.type == ItemType::Choice);
    CHECK(lieu.rev == 2);
    CHECK(lieu.stimulus.audio == "snd-pharmacie");
    CHECK(lieu.stimulus.maxPlays == 2);
    CHECK(lieu.instructionAudio.at("en") == "snd-consigne-ecoute-en");
    CHECK(lieu.options[0].image == "img-pharmacie");
    CHECK(lieu.scoring.rule == ScoringRule::Match);
    CHECK(lieu.dontKnow);

    const Item& bus = itemOf(q, "eco-bus");
    CHECK(bus.difficulty == Approx(0.2));
    CHECK(bus.discrimination == Approx(1.3));

    const Item& rdv = itemOf(q, "eco-rdv");
    CHECK(rdv.multiple);
    CHECK(rdv.scoring.rule == ScoringRule::Map);
    CHECK(rdv.scoring.map.at("jeudi") == -1);
    CHECK(rdv.scoring.min == 0);
    CHECK(rdv.scoring.max == 2);

    CHECK(itemOf(q, "eco-essai").practice);
    CHECK(itemOf(q, "eco-essai").options[1].audio == "snd-gare");

    const Item& hotspot = itemOf(q, "num-envoyer");
    CHECK(hotspot.scoring.rule == ScoringRule::Area);
    REQUIRE(hotspot.areas.size() == 3);
    CHECK(hotspot.areas[1].shape == Area::Shape::Circle);
    CHECK(hotspot.areas[2].shape == Area::Shape::Polygon);
    CHECK(hotspot.areas[2].coords.size() == 8);

    const Item& match = itemOf(q, "lec-associer");
    CHECK(match.pairs.at("m2") == "i2");
    CHECK(match.right[2].image == "img-bus");

    const Item& order = itemOf(q, "lec-ordre");
    CHECK(order.correct == std::vector<std::string>{"a", "c", "b"});
    CHECK(order.scoring.map.at("1:c") == 1);

    const Item& gaps = itemOf(q, "ecr-phrase");
    REQUIRE(gaps.gaps.size() == 3);
    CHECK(gaps.gaps[0].mode == GapMode::Select);
    CHECK(gaps.gaps[1].mode == GapMode::Drag);
    CHECK(gaps.gaps[2].mode == GapMode::Typed);
    CHECK(gaps.gaps[2].accept[0] == "école");
    CHECK(gaps.options.size() == 3);
    CHECK(gaps.scoring.tolerance.maxEditRatio == Approx(0.2));

    const Item& form = itemOf(q, "ecr-formulaire");
    REQUIRE(form.fields.size() == 5);
    CHECK(form.fields[2].kind == FieldKind::Date);
    CHECK(form.fields[3].pattern == "93[0-9]{3}");
    CHECK_FALSE(form.fields[4].required);
    CHECK(form.scoring.tolerance.ignoreAccents);
    CHECK(form.scoring.tolerance.ignoreCase); // defaults kept for fields not given

    const Item& mark = itemOf(q, "lec-marquer");
    CHECK(mark.correct == std::vector<std::string>{"5", "8"});

    const Item& write = itemOf(q, "ecr-message");
    CHECK(write.maxLength == 400);
    CHECK(write.scoring.rule == ScoringRule::Manual);
    CHECK(write.scoring.rubric.size() == 3);

    CHECK(itemOf(q, "ora-presentation").maxDurationS == 60);
    CHECK(itemOf(q, "acc-bienvenue").scoring.rule == ScoringRule::None);

    const Item& profile = itemOf(q, "acc-ecrans");
    CHECK(profile.variable == "ecrans");
    CHECK(profile.multiple);
    CHECK(profile.options[0].label.get("en") == "A phone");

    const Item& sim = itemOf(q, "num-mail-pj");
    CHECK(sim.scenario == SimScenario::EmailAttachment);
    CHECK(sim.simConfig.at("expectedFile") == "attestation-caf.pdf");
    CHECK(sim.endStates.at("sent_without_attachment") == Approx(0.25));
    CHECK(itemOf(q, "num-adresse").timeLimitS == 180);

    const Section* lecture = q.findSection("lecture");
    REQUIRE(lecture);
    CHECK(lecture->mode == Section::Mode::Adaptive);
    CHECK(lecture->skipLevel == "debut");
    const Section* ecoute = q.findSection("ecoute");
    REQUIRE(ecoute->next.size() == 1);
    CHECK(ecoute->next[0].gotoSection == "oral");
    CHECK(ecoute->next[0].condition.at("==").at(1) == "non");
    CHECK_FALSE(q.findSection("ecriture")->showIf.is_null());
    REQUIRE(q.resultMessages.size() == 3);
    CHECK(q.resultMessages[2].condition.is_null());
}

TEST_CASE("localised text: a plain string is the default locale, other locales fall back to it") {
    json q = basePackage();
    q["sections"][0]["items"][0]["instruction"] = "Lisez-vous ?";
    q["defaultLocale"] = "fr";
    LoadResult r = load(q);
    REQUIRE(r.ok());
    const Item* profile = r.quiz->findItem("p1");
    CHECK(profile->instruction.byLocale.size() == 1);
    CHECK(profile->instruction.get("en") == "Lisez-vous ?");
    const Item* choice = r.quiz->findItem("c1");
    CHECK(choice->instruction.get("en") == "Touch the pharmacy.");
    CHECK(choice->instruction.get("ar", r.quiz->defaultLocale) == "Touchez la pharmacie.");

    // Another default locale: plain strings belong to it.
    q["defaultLocale"] = "en";
    q["title"] = {{"en", "Test"}, {"fr", "Test"}};
    q["sections"][0]["items"][1]["instruction"] = {{"en", "Touch the pharmacy."}};
    LoadResult en = load(q);
    INFO(dump(en));
    REQUIRE(en.ok());
    CHECK(en.quiz->findItem("p1")->instruction.byLocale.count("en") == 1);
}

TEST_CASE("one bad package does not stop the others and duplicate package ids are refused") {
    TempDir root;
    auto copyPackage = [&](const std::string& name, const json& quiz) {
        fs::create_directories(root.path() / name / "media");
        fs::copy_file(kExempleMedia / "pharmacie.png", root.path() / name / "media/pharmacie.png");
        fs::copy_file(kExempleMedia / "gare.ogg", root.path() / name / "media/gare.ogg");
        writeFile(root.path() / name / "quiz.json", quiz.dump());
    };
    json good = basePackage();
    good["id"] = "a-good";
    copyPackage("a-good", good);
    writeFile(root.path() / "b-bad/quiz.json", "{ not json");
    json twin = basePackage();
    twin["id"] = "a-good";
    copyPackage("c-twin", twin);
    fs::create_directories(root.path() / "d-not-a-package"); // no quiz.json: ignored
    json other = basePackage();
    other["id"] = "e-other";
    copyPackage("e-other", other);

    auto results = loadPackages(root.path());
    REQUIRE(results.size() == 4);
    CHECK(results[0].ok());
    CHECK_FALSE(results[1].ok());
    CHECK_THAT(results[1].diagnostics.at(0).format(),
               Catch::Contains("b-bad/quiz.json:line 1, column 4: invalid JSON"));
    CHECK_FALSE(results[2].ok());
    CHECK(hasError(results[2], "/id", "package id \"a-good\" is already used by"));
    CHECK(results[3].ok());
}

TEST_CASE("loading a folder without packages says so") {
    TempDir empty;
    auto results = loadPackages(empty.path());
    REQUIRE(results.size() == 1);
    CHECK_FALSE(results[0].ok());
    CHECK_THAT(results[0].diagnostics.at(0).message, Catch::Contains("no quiz package"));
    CHECK_FALSE(loadPackage(empty.path() / "nope.json").ok());
}

TEST_CASE("the content hash is stable and changes with the text or any media file") {
    json q = basePackage();
    TempPackage pkg(q);
    LoadResult first = loadPackage(pkg.dir());
    LoadResult again = loadPackage(pkg.dir());
    REQUIRE(first.ok());
    CHECK(first.quiz->contentHash == again.quiz->contentHash);

    // Same content, other layout: same hash (the tokens are hashed, not the bytes).
    writeFile(pkg.dir() / "quiz.json", q.dump());
    CHECK(loadPackage(pkg.dir()).quiz->contentHash == first.quiz->contentHash);
    writeFile(pkg.dir() / "quiz.json", q.dump(4));
    CHECK(loadPackage(pkg.dir()).quiz->contentHash == first.quiz->contentHash);

    // A key renamed or a value moved to another key is a change, even with the same bytes overall.
    json swapped = q;
    swapped["title"] = q["id"];
    swapped["id"] = q["title"];
    TempPackage other(swapped);
    if (auto o = loadPackage(other.dir()); o.ok()) {
        CHECK(o.quiz->contentHash != first.quiz->contentHash);
    }

    q["sections"][0]["items"][1]["instruction"]["fr"] = "Touchez bien la pharmacie.";
    pkg.write(q);
    LoadResult changedText = loadPackage(pkg.dir());
    REQUIRE(changedText.ok());
    CHECK(changedText.quiz->contentHash != first.quiz->contentHash);

    fs::copy_file(kExempleMedia / "pharmacie.ogg", pkg.dir() / "media/gare.ogg",
                  fs::copy_options::overwrite_existing);
    q["assets"][1]["sha256"] = fileSha(pkg.dir() / "media/gare.ogg");
    pkg.write(q);
    LoadResult changedMedia = loadPackage(pkg.dir());
    REQUIRE(changedMedia.ok());
    CHECK(changedMedia.quiz->contentHash != changedText.quiz->contentHash);
}

TEST_CASE("hostile input never throws and never yields a quiz") {
    std::mt19937 rng(42);
    const std::string base = basePackage().dump();
    for (int round = 0; round < 300; ++round) {
        std::string text = base;
        int edits = 1 + static_cast<int>(rng() % 8);
        for (int e = 0; e < edits; ++e) {
            std::size_t at = rng() % text.size();
            switch (rng() % 3) {
            case 0:
                text[at] = static_cast<char>(rng() % 256);
                break;
            case 1:
                text.erase(at, 1 + rng() % 20);
                break;
            default:
                text.insert(at, text.substr(rng() % text.size(), 1 + rng() % 40));
                break;
            }
            if (text.empty()) {
                text = "{";
            }
        }
        LoadResult r;
        REQUIRE_NOTHROW(
            r = repere::quiz::loadPackageText(text, kExempleMedia.parent_path(), "fuzz.json"));
        if (!r.ok()) {
            CHECK(r.errorCount() > 0);
        }
    }
}
