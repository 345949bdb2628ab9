// One test per class of problem the loader must report, with the exact JSON pointer and message.
#include "quiz_test_support.hpp"

using namespace quiztest;
using repere::quiz::loadPackage;
using repere::quiz::loadPackageText;

TEST_CASE("the base test package is valid (so each test below breaks exactly one thing)") {
    LoadResult r = load(basePackage());
    INFO(dump(r));
    REQUIRE(r.ok());
    CHECK(r.diagnostics.empty());
}

TEST_CASE("JSON syntax errors give line and column") {
    LoadResult r = loadPackageText("{\n  \"id\": \"x\",\n  \"version\": 1.0.0\n}", ".", "q.json");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].pointer == "line 3, column 17");
    CHECK_THAT(r.diagnostics[0].message, Catch::StartsWith("invalid JSON"));
    CHECK(r.diagnostics[0].format().rfind("q.json:line 3, column 17: invalid JSON", 0) == 0);

    LoadResult trailing = loadPackageText("{\"a\": [1, 2,]}", ".", "q.json");
    REQUIRE(trailing.diagnostics.size() == 1);
    CHECK(trailing.diagnostics[0].pointer == "line 1, column 13");
    CHECK_THAT(trailing.diagnostics[0].message, Catch::Contains("comma before a closing bracket"));

    LoadResult empty = loadPackageText("", ".", "q.json");
    CHECK_FALSE(empty.ok());
    CHECK(empty.diagnostics.size() == 1);
}

TEST_CASE("columns count characters, not bytes") {
    LoadResult r = loadPackageText("{\"é\": tru}", ".", "q.json");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].pointer == "line 1, column 10"); // 11 if bytes were counted
}

TEST_CASE("duplicate keys in one object are reported") {
    LoadResult r =
        loadPackageText(R"({"id": "a", "title": {"fr": "x", "fr": "y"}})", ".", "q.json");
    CHECK(hasError(r, "/title/fr", "duplicate key \"fr\""));
}

TEST_CASE("wrong types are reported with what was expected and found") {
    json q = basePackage();
    q["version"] = 3;
    q["sections"][0]["items"][1]["correct"] = "a";
    q["sections"][1]["items"][0]["difficulty"] = "facile";
    q["sections"][2]["items"][0]["dontKnow"] = "oui";
    q["sections"][0]["items"][1]["rev"] = 1.5;
    LoadResult r = load(q);
    INFO(dump(r));
    CHECK(hasError(r, "/version", "expected a string, found a number"));
    CHECK(hasError(r, "/sections/0/items/1/correct", "expected an array [...], found a string"));
    CHECK(hasError(r, "/sections/1/items/0/difficulty",
                   "expected a number or {\"b\": ..., \"a\": ...}, found a string"));
    CHECK(hasError(r, "/sections/2/items/0/dontKnow", "expected true or false, found a string"));
    CHECK(hasError(r, "/sections/0/items/1/rev", "expected a whole number, found 1.5"));
}

TEST_CASE("unknown fields are reported with a did-you-mean hint") {
    json q = basePackage();
    q["sections"][0]["items"][1]["optoins"] = json::array();
    q["sections"][0]["items"][1]["areas"] = json::array();
    q["titel"] = "x";
    q["framework"]["levels"][0]["cando"] = "x";
    LoadResult r = load(q);
    INFO(dump(r));
    CHECK(hasError(r, "/sections/0/items/1/optoins",
                   "unknown field \"optoins\" (did you mean \"options\"?)"));
    CHECK(hasError(r, "/sections/0/items/1/areas",
                   "field \"areas\" is not used by items of type \"choice\""));
    CHECK(hasError(r, "/titel", "did you mean \"title\"?"));
    CHECK(hasError(r, "/framework/levels/0/cando", "did you mean \"canDo\"?"));
}

TEST_CASE("missing required fields are reported where they should be") {
    json q = basePackage();
    q["sections"][0]["items"][1].erase("instruction");
    q["sections"][2]["items"][0].erase("image");
    q.erase("version");
    q["assets"][0].erase("sha256");
    LoadResult r = load(q);
    INFO(dump(r));
    CHECK(hasError(r, "/sections/0/items/1/instruction", "missing required field \"instruction\""));
    CHECK(hasError(r, "/sections/2/items/0/image", "missing required field \"image\""));
    CHECK(hasError(r, "/version", "missing required field \"version\""));
    CHECK(hasError(r, "/assets/0/sha256", "fix-hashes"));
}

TEST_CASE("duplicate ids are reported for items, options, assets, sections, skills and levels") {
    json q = basePackage();
    q["sections"][2]["items"][0]["id"] = "c1";              // item id used in section 0
    q["sections"][0]["items"][1]["options"][1]["id"] = "a"; // option
    q["assets"][1]["id"] = "img";                           // asset
    q["sections"][2]["id"] = "s2";                          // section
    q["framework"]["skills"][1]["id"] = "lecture";          // skill
    q["framework"]["levels"][2]["id"] = "a1";               // level
    LoadResult r = load(q);
    INFO(dump(r));
    CHECK(hasError(r, "/sections/2/items/0/id",
                   "duplicate item id \"c1\" (also at /sections/0/items/1)"));
    CHECK(hasError(r, "/sections/0/items/1/options/1/id", "duplicate option id \"a\""));
    CHECK(hasError(r, "/assets/1/id", "duplicate asset id \"img\""));
    CHECK(hasError(r, "/sections/2/id", "duplicate section id \"s2\""));
    CHECK(hasError(r, "/framework/skills/1/id", "duplicate skill id \"lecture\""));
    CHECK(hasError(r, "/framework/levels/2/id", "duplicate level id \"a1\""));
}

TEST_CASE("ids must be simple names") {
    json q = basePackage();
    q["sections"][0]["items"][1]["id"] = "question 1";
    REQUIRE_QUIZ_ERROR(q, "/sections/0/items/1/id", "invalid id \"question 1\"");
}

TEST_CASE("dangling references are reported: assets, skills, levels, competences") {
    json q = basePackage();
    q["sections"][0]["items"][1]["options"][0]["image"] = "imh";
    q["sections"][0]["items"][1]["stimulus"]["audio"] = "img"; // a picture where a sound is needed
    q["sections"][0]["items"][1]["skill"] = "lectur";
    q["sections"][0]["items"][1]["level"] = "b2";
    q["sections"][2]["items"][0]["competence"] = "securit";
    LoadResult r = load(q);
    INFO(dump(r));
    CHECK(hasError(r, "/sections/0/items/1/options/0/image",
                   "unknown asset \"imh\" (declare it in \"assets\") (did you mean \"img\"?)"));
    CHECK(hasError(r, "/sections/0/items/1/stimulus/audio",
                   "asset \"img\" is a picture, a sound is needed here"));
    CHECK(hasError(r, "/sections/0/items/1/skill", "unknown skill \"lectur\""));
    CHECK(hasError(r, "/sections/0/items/1/level", "unknown level \"b2\""));
    CHECK(hasError(r, "/sections/2/items/0/competence",
                   "competence \"securit\" is not listed in skill \"numerique\""));
}

TEST_CASE("dangling references inside items: correct ids, areas, pairs, gap markers") {
    json q = basePackage();
    q["sections"][0]["items"][1]["correct"] = {"c"};
    q["sections"][2]["items"][0]["correct"] = {"ko"};
    q["sections"][2]["items"].push_back(json::parse(R"({
      "id": "m1", "type": "match", "skill": "numerique", "instruction": "Reliez.",
      "options": [{"id": "l1", "text": "a"}, {"id": "l2", "text": "b"}],
      "right": [{"id": "r1", "text": "A"}, {"id": "r2", "text": "B"}],
      "pairs": {"l1": "r1", "l3": "r2"}})"));
    q["sections"][2]["items"].push_back(json::parse(R"({
      "id": "g1", "type": "gaps", "skill": "numerique", "instruction": "Complétez.",
      "text": "Je vais à la {{a}} et au {{c}}.",
      "gaps": [{"id": "a", "mode": "typed", "accept": ["gare"]}, {"id": "b", "mode": "typed", "accept": ["bus"]}]})"));
    LoadResult r = load(q);
    INFO(dump(r));
    CHECK(hasError(r, "/sections/0/items/1/correct/0", "unknown option \"c\""));
    CHECK(
        hasError(r, "/sections/2/items/0/correct/0", "unknown area \"ko\" (did you mean \"ok\"?)"));
    CHECK(hasError(r, "/sections/2/items/1/pairs/l3", "unknown left option \"l3\""));
    CHECK(hasError(r, "/sections/2/items/1/pairs", "left option \"l2\" has no pair"));
    CHECK(hasError(r, "/sections/2/items/2/text", "marker {{c}} has no gap with that id"));
    CHECK(
        hasError(r, "/sections/2/items/2/gaps/1/id", "gap \"b\" has no marker {{b}} in the text"));
}

TEST_CASE("goto targets must exist") {
    json q = basePackage();
    q["sections"][0]["next"][0]["goto"] = "s4";
    REQUIRE_QUIZ_ERROR(q, "/sections/0/next/0/goto", "unknown section \"s4\"");
}

TEST_CASE("missing media files are reported") {
    json q = basePackage();
    q["assets"][0]["path"] = "media/absente.png";
    REQUIRE_QUIZ_ERROR(q, "/assets/0/path", "file not found: media/absente.png");
}

TEST_CASE("media paths may not escape the package") {
    json q = basePackage();
    q["assets"][0]["path"] = "../pharmacie.png";
    REQUIRE_QUIZ_ERROR(q, "/assets/0/path", "leaves the package folder");
    q["assets"][0]["path"] = "media/../../pharmacie.png";
    REQUIRE_QUIZ_ERROR(q, "/assets/0/path", "leaves the package folder");
    q["assets"][0]["path"] = "/etc/passwd.png";
    REQUIRE_QUIZ_ERROR(q, "/assets/0/path", "not absolute");
    q["assets"][0]["path"] = "C:/media/a.png";
    REQUIRE_QUIZ_ERROR(q, "/assets/0/path", "not absolute");
    q["assets"][0]["path"] = "media\\pharmacie.png";
    REQUIRE_QUIZ_ERROR(q, "/assets/0/path", "use \"/\"");
}

TEST_CASE("a symbolic link resolving outside the package is refused") {
    json q = basePackage();
    q["assets"][0]["path"] = "media/lien.png";
    TempPackage pkg(q);
    fs::copy_file(kExempleMedia / "pharmacie.png", pkg.root() / "dehors.png");
    fs::create_symlink(pkg.root() / "dehors.png", pkg.dir() / "media/lien.png");
    LoadResult r = loadPackage(pkg.dir());
    INFO(dump(r));
    CHECK_FALSE(r.ok());
    CHECK(hasError(r, "/assets/0/path", "resolves outside the package folder"));

    // A link that stays inside the package is fine.
    fs::remove(pkg.dir() / "media/lien.png");
    fs::create_symlink("pharmacie.png", pkg.dir() / "media/lien.png");
    LoadResult inside = loadPackage(pkg.dir());
    INFO(dump(inside));
    CHECK(inside.ok());
}

TEST_CASE("a media file whose content does not match its sha256 is reported") {
    json q = basePackage();
    q["assets"][1]["sha256"] = std::string(64, 'a');
    REQUIRE_QUIZ_ERROR(q, "/assets/1/sha256", "sha256 does not match the file media/gare.ogg");
    q["assets"][1]["sha256"] = "ABC";
    REQUIRE_QUIZ_ERROR(q, "/assets/1/sha256", "64 lowercase hexadecimal");
}

TEST_CASE("a media file that is not what its extension says is reported") {
    json q = basePackage();
    TempPackage pkg(q);
    writeFile(pkg.dir() / "media/gare.ogg", "ceci n'est pas un son");
    q["assets"][1]["sha256"] = fileSha(pkg.dir() / "media/gare.ogg");
    pkg.write(q);
    LoadResult r = loadPackage(pkg.dir());
    CHECK(hasError(r, "/assets/1/path", "is not a .ogg file"));
}

TEST_CASE("invalid UTF-8 is reported with its place") {
    LoadResult r = loadPackageText("{\n \"title\": \"Caf\xE9\"\n}", ".", "q.json");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].pointer == "line 2, column 15");
    CHECK_THAT(r.diagnostics[0].message, Catch::Contains("invalid UTF-8 (byte 0xE9)"));
    // Overlong encodings and UTF-16 surrogates are not UTF-8 either.
    CHECK_FALSE(loadPackageText("{\"a\": \"\xC0\xAF\"}", ".", "q.json").diagnostics.empty());
    CHECK_FALSE(loadPackageText("{\"a\": \"\xED\xA0\x80\"}", ".", "q.json").diagnostics.empty());
}

TEST_CASE("files over 10 MB are refused before being read") {
    TempDir tmp;
    std::string big(10u * 1024u * 1024u + 1u, ' ');
    big[0] = '{';
    big[big.size() - 1] = '}';
    writeFile(tmp.path() / "quiz.json", big);
    LoadResult r = loadPackage(tmp.path());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK_THAT(r.diagnostics[0].message, Catch::Contains("larger than 10 MB"));

    json q = basePackage();
    TempPackage pkg(q);
    std::string bigPng = "\x89PNG\r\n\x1a\n" + std::string(10u * 1024u * 1024u, '\0');
    writeFile(pkg.dir() / "media/pharmacie.png", bigPng);
    LoadResult media = loadPackage(pkg.dir());
    CHECK(hasError(media, "/assets/0/path", "larger than 10 MB"));
}

TEST_CASE("nesting deeper than 64 levels is refused") {
    std::string deep = std::string(65, '[') + std::string(65, ']');
    LoadResult r = loadPackageText(deep, ".", "q.json");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK_THAT(r.diagnostics[0].message, Catch::Contains("nesting deeper than 64"));
    std::string ok = std::string(64, '[') + std::string(64, ']');
    LoadResult r64 = loadPackageText(ok, ".", "q.json");
    for (const auto& d : r64.diagnostics) {
        CHECK_THAT(d.message, !Catch::Contains("nesting"));
    }
    // Very deep input stays cheap and safe.
    std::string hostile = std::string(1000000, '[');
    CHECK_FALSE(loadPackageText(hostile, ".", "q.json").ok());
}

TEST_CASE("routing that can loop is refused: backward and self gotos") {
    json q = basePackage();
    q["sections"][1]["next"] =
        json::parse(R"([{"if": {">": [{"var": "score.section.s2"}, 1]}, "goto": "s1"}])");
    REQUIRE_QUIZ_ERROR(q, "/sections/1/next/0/goto", "goes back to an earlier section");
    q["sections"][1]["next"] = json::parse(R"([{"goto": "s2"}])");
    REQUIRE_QUIZ_ERROR(q, "/sections/1/next/0/goto", "goes back to this same section");
}

TEST_CASE("sections that can never be reached are refused") {
    json q = basePackage();
    q["sections"][0]["next"] = json::parse(R"([{"goto": "s3"}])"); // always jumps over s2
    REQUIRE_QUIZ_ERROR(q, "/sections/1", "section \"s2\" can never be reached");
    q["sections"][0]["next"] = json::parse(R"([{"goto": "end"}])");
    LoadResult r = load(q);
    CHECK(hasError(r, "/sections/1", "can never be reached"));
    CHECK(hasError(r, "/sections/2", "can never be reached"));
    // A hidden section passes on to the next one, so its unconditional goto does not strand others.
    q["sections"][0]["next"] = json::parse(R"([{"goto": "s3"}])");
    q["sections"][0]["showIf"] = json::parse(R"({"==": [1, 1]})");
    CHECK(load(q).ok());
}

TEST_CASE("cut-points must be one fewer than levels and strictly increasing") {
    json q = basePackage();
    q["framework"]["cutPoints"] = {0.0};
    REQUIRE_QUIZ_ERROR(q, "/framework/cutPoints",
                       "expected 2 cut-points (one less than the 3 levels), found 1");
    q["framework"]["cutPoints"] = {1.0, 0.5};
    REQUIRE_QUIZ_ERROR(q, "/framework/cutPoints/1", "cut-points must go up strictly");
}

TEST_CASE("a scoring rule that does not fit the item type is refused") {
    json q = basePackage();
    q["sections"][2]["items"][0]["scoring"] = {{"rule", "match"}};
    REQUIRE_QUIZ_ERROR(q, "/sections/2/items/0/scoring/rule",
                       "scoring rule \"match\" does not fit items of type \"hotspot\" (use area)");
    q = basePackage();
    q["sections"][0]["items"][0]["scoring"] = {{"rule", "map"}, {"map", {{"oui", 1}}}};
    REQUIRE_QUIZ_ERROR(q, "/sections/0/items/0/scoring/rule",
                       "does not fit items of type \"profile\" (use none)");
    q = basePackage();
    q["sections"][0]["items"][1]["scoring"] = {{"rule", "mapp"}};
    REQUIRE_QUIZ_ERROR(q, "/sections/0/items/1/scoring/rule",
                       "unknown scoring rule \"mapp\" (did you mean \"map\"?)");
}

TEST_CASE("map keys must name what the item type scores") {
    json q = basePackage();
    q["sections"][0]["items"][1]["scoring"] =
        json::parse(R"({"rule": "map", "map": {"a": 1, "z": -1}})");
    REQUIRE_QUIZ_ERROR(q, "/sections/0/items/1/scoring/map/z", "unknown option \"z\"");
    q = basePackage();
    q["sections"][1]["items"][1]["scoring"] =
        json::parse(R"({"rule": "map", "map": {"1": 1, "7": 1}})");
    REQUIRE_QUIZ_ERROR(q, "/sections/1/items/1/scoring/map/7",
                       "mark keys are word numbers from 0 to 2");
}

TEST_CASE("manual scoring without a rubric is refused") {
    json q = basePackage();
    q["sections"][2]["items"].push_back(json::parse(R"({
      "id": "w1", "type": "write", "skill": "numerique", "instruction": "Écrivez.", "maxLength": 100})"));
    REQUIRE_QUIZ_ERROR(q, "/sections/2/items/1/scoring/rubric", "manual scoring needs a rubric");
}

TEST_CASE("item-type rules: single choice, order permutation, hotspot shapes, form patterns") {
    json q = basePackage();
    q["sections"][0]["items"][1]["correct"] = {"a", "b"};
    q["sections"][2]["items"][0]["areas"][0] =
        json::parse(R"({"id": "ok", "shape": "circle", "coords": [0.5, 0.5]})");
    q["sections"][2]["items"].push_back(json::parse(R"({
      "id": "o1", "type": "order", "skill": "numerique", "instruction": "Ordonnez.",
      "options": [{"id": "a", "text": "1"}, {"id": "b", "text": "2"}, {"id": "c", "text": "3"}], "correct": ["a", "b"]})"));
    q["sections"][2]["items"].push_back(json::parse(R"({
      "id": "f1", "type": "form", "skill": "numerique", "instruction": "Remplissez.",
      "fields": [{"id": "cp", "label": "Code postal", "kind": "zip", "pattern": "93[0-9"}]})"));
    LoadResult r = load(q);
    INFO(dump(r));
    CHECK(hasError(r, "/sections/0/items/1/correct", "a single choice has one right option"));
    CHECK(hasError(r, "/sections/2/items/0/areas/0/coords", "a circle needs 3 numbers"));
    CHECK(hasError(r, "/sections/2/items/1/correct",
                   "must list every option once (3 options, 2 listed)"));
    CHECK(hasError(r, "/sections/2/items/2/fields/0/kind", "unknown field kind \"zip\""));
    CHECK(hasError(r, "/sections/2/items/2/fields/0/pattern", "invalid pattern"));
}

TEST_CASE("adaptive sections hold scored items of their skill, with a difficulty") {
    json q = basePackage();
    q["sections"][1]["items"][0].erase("difficulty");
    q["sections"][1]["items"][1]["skill"] = "numerique";
    q["sections"][1]["items"].push_back(
        json::parse(R"({"id": "i1", "type": "info", "instruction": "Info"})"));
    q["sections"][1]["pick"] = 1;
    LoadResult r = load(q);
    INFO(dump(r));
    CHECK(hasError(r, "/sections/1/items/0/difficulty", "need a \"difficulty\""));
    CHECK(hasError(r, "/sections/1/items/1/skill",
                   "differs from the adaptive section's skill \"lecture\""));
    CHECK(hasError(r, "/sections/1/items/2/type", "only automatically scored items"));
    CHECK(hasError(r, "/sections/1/pick", "pick is for linear sections"));
}

TEST_CASE("an adaptive section may hold a sim's practice try, and no other practice item") {
    json q = basePackage();
    q["sections"][1]["items"].push_back(json::parse(
        R"({"id": "essai-sim", "type": "sim", "practice": true, "scenario": "phone_unlock",
            "instruction": "Essai.", "sim": {"pin": "1234"}, "endStates": {"unlocked": 1}})"));
    q["sections"][1]["items"].push_back(json::parse(
        R"({"id": "essai-choix", "type": "choice", "practice": true, "instruction": "Essai.",
            "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}], "correct": ["a"]})"));
    LoadResult r = load(q);
    INFO(dump(r));
    const auto n = q["sections"][1]["items"].size();
    CHECK_FALSE(hasError(r, "/sections/1/items/" + std::to_string(n - 2) + "/type",
                         "only automatically scored items"));
    CHECK(hasError(r, "/sections/1/items/" + std::to_string(n - 1) + "/type",
                   "only automatically scored items"));
}

TEST_CASE("expressions are checked: operators, variables, profile values") {
    json q = basePackage();
    q["sections"][0]["next"][0]["if"] = json::parse(R"({"==": [{"var": "profile.lit"}, "nn"]})");
    q["sections"][2]["showIf"] =
        json::parse(R"({"and": [{"=>": [1, 2]}, {">": [{"var": "percent.skill.lectur"}, 1]}]})");
    q["results"][0]["if"] = json::parse(R"({"==": [{"var": "answer.c2"}, "a"]})");
    q["sections"][1]["showIf"] = json::parse(R"({"==": [{"var": "reponse.c1"}, "a"]})");
    LoadResult r = load(q);
    INFO(dump(r));
    CHECK(hasError(r, "/sections/0/next/0/if/==/1",
                   "\"nn\" is not an option of profile \"lit\" (did you mean \"non\"?)"));
    CHECK(hasError(r, "/sections/2/showIf/and/0/=>",
                   "unknown operator \"=>\" (did you mean \">=\"?)"));
    CHECK(hasError(r, "/sections/2/showIf/and/1/>/0/var", "unknown skill \"lectur\""));
    CHECK(hasError(r, "/results/0/if/==/0/var", "unknown item \"c2\""));
    CHECK(hasError(r, "/sections/1/showIf/==/0/var", "unknown variable \"reponse.c1\""));
}

TEST_CASE("a showIf that reads an answer not given yet is a warning, not an error") {
    json q = basePackage();
    q["sections"][1]["showIf"] = json::parse(R"({"==": [{"var": "answer.h1"}, "x"]})");
    LoadResult r = load(q);
    INFO(dump(r));
    CHECK(r.ok());
    CHECK(hasWarning(r, "/sections/1/showIf/==/0/var", "comes later in the quiz"));
}

TEST_CASE("locales: unknown locale keys and missing default-locale text are reported") {
    json q = basePackage();
    q["sections"][0]["items"][1]["instruction"] = {{"en", "Touch."}, {"de", "Berühren."}};
    LoadResult r = load(q);
    INFO(dump(r));
    CHECK(hasError(r, "/sections/0/items/1/instruction/de", "locale \"de\" is not in \"locales\""));
    CHECK(hasError(r, "/sections/0/items/1/instruction", "no text for the default locale \"fr\""));
}

TEST_CASE("an unsupported format version is refused clearly") {
    json q = basePackage();
    q["formatVersion"] = 2;
    REQUIRE_QUIZ_ERROR(q, "/formatVersion", "format version 2 is not supported");
}

TEST_CASE("every problem is reported at once") {
    json q = basePackage();
    q["version"] = 3;
    q["sections"][0]["items"][1]["optoins"] = 1;
    q["sections"][2]["items"][0]["image"] = "nope";
    q["sections"][1]["next"] = json::parse(R"([{"goto": "s1"}])");
    LoadResult r = load(q);
    CHECK(r.errorCount() >= 4);
}

TEST_CASE("can-do lines per skill and level: read and used before the level's own") {
    json q = basePackage();
    q["framework"]["levels"][2]["canDo"] = "Je donne mon avis avec des raisons.";
    q["framework"]["canDo"] = {
        {"lecture",
         {{"a2", "Je lis un courrier et je comprends ce qu'on me demande."},
          {"a1", {{"fr", "Je lis un message court."}, {"en", "I read a short message."}}}}}};
    LoadResult r = load(q);
    INFO(dump(r));
    REQUIRE(r.ok());
    const auto& fw = r.quiz->framework;
    CHECK(fw.canDoFor("lecture", 2).get("fr") ==
          "Je lis un courrier et je comprends ce qu'on me demande.");
    CHECK(fw.canDoFor("lecture", 1).get("en") == "I read a short message.");
    // A skill without its own line falls back to the level's (packages written before canDo).
    CHECK(fw.canDoFor("numerique", 2).get("fr") == "Je donne mon avis avec des raisons.");
    CHECK(fw.canDoFor("lecture", 0).empty());
    CHECK(fw.canDoFor("lecture", 9).empty());
}

TEST_CASE("can-do lines: unknown skill or level ids and texts too long for one line are refused") {
    json q = basePackage();
    q["framework"]["canDo"] = {
        {"lecteur", {{"a1", "Je lis."}}},
        {"numerique",
         {{"a3", "Je fais seul mes démarches."},
          {"a1", std::string(91, 'x')},
          {"a2", {{"fr", "Je protège mes comptes."}, {"en", std::string(95, 'y')}}},
          {"debut", ""}}},
        {"lecture", "Je lis."}};
    LoadResult r = load(q);
    INFO(dump(r));
    CHECK_FALSE(r.ok());
    CHECK(hasError(
        r, "/framework/canDo/lecteur",
        "unknown skill \"lecteur\" (skills: lecture, numerique) (did you mean \"lecture\"?)"));
    CHECK(hasError(r, "/framework/canDo/numerique/a3",
                   "unknown level \"a3\" (levels: debut, a1, a2)"));
    CHECK(hasError(r, "/framework/canDo/numerique/a1",
                   "too long for one line of the bilan: 91 characters, at most 90"));
    CHECK(hasError(r, "/framework/canDo/numerique/a2/en",
                   "too long for one line of the bilan: 95 characters"));
    CHECK(hasError(r, "/framework/canDo/numerique/debut", "the text is empty"));
    CHECK(hasError(r, "/framework/canDo/lecture", "expected"));
    // Characters, not bytes: 90 accented letters (180 bytes) fit.
    json ok = basePackage();
    std::string accents;
    for (int i = 0; i < 90; ++i)
        accents += "é";
    ok["framework"]["canDo"] = {{"lecture", {{"a1", accents}}}};
    LoadResult fits = load(ok);
    INFO(dump(fits));
    CHECK(fits.ok());
}

TEST_CASE("readAloud, levelSource and testsReading are read, and bad values reported") {
    json q = basePackage();
    q["framework"]["skills"][0]["testsReading"] = true;
    auto& c1 = q["sections"][0]["items"][1];
    c1["readAloud"] = "instructionOnly";
    c1["levelSource"] = "cefr-cv:reading-for-orientation-a1";
    q["sections"][1]["items"][0]["readAloud"] = "instructionOnly"; // the other reading item
    LoadResult ok = load(q);
    INFO(dump(ok));
    REQUIRE(ok.ok());
    CHECK(ok.diagnostics.empty());
    const auto& item = ok.quiz->sections[0].items[1];
    CHECK(item.readAloud == repere::quiz::ReadAloud::InstructionOnly);
    CHECK(item.levelSource == "cefr-cv:reading-for-orientation-a1");
    CHECK(ok.quiz->framework.skills[0].testsReading);
    CHECK_FALSE(ok.quiz->framework.skills[1].testsReading);

    c1["readAloud"] = "instructionsOnly";
    c1["levelSource"] = "cefr:a1";
    LoadResult bad = load(q);
    INFO(dump(bad));
    CHECK(hasError(bad, "/sections/0/items/1/readAloud",
                   "unknown value \"instructionsOnly\" (did you mean \"instructionOnly\"?)"));
    CHECK(hasError(bad, "/sections/0/items/1/levelSource", "unknown scale \"cefr\""));
    c1["readAloud"] = "all";
    c1["levelSource"] = "laslliam";
    CHECK(hasError(load(q), "/sections/0/items/1/levelSource", "write \"<scale>:<descriptor>\""));
}

TEST_CASE("validate warns when a reading item would have its written answers read aloud") {
    json q = basePackage();
    q["framework"]["skills"][0]["testsReading"] = true; // c1 is a "lecture" item with a word option
    LoadResult r = load(q);
    INFO(dump(r));
    REQUIRE(r.ok());
    CHECK(hasWarning(r, "/sections/0/items/1", "tests reading (skill \"lecture\")"));
    CHECK(hasWarning(r, "/sections/1/items/0", "tests reading (skill \"lecture\")"));
    // With the flag the warning goes; an option sound on such an item is flagged instead.
    q["sections"][0]["items"][1]["readAloud"] = "instructionOnly";
    q["sections"][0]["items"][1]["options"][1]["audio"] = "snd";
    LoadResult flagged = load(q);
    INFO(dump(flagged));
    CHECK_FALSE(hasWarning(flagged, "/sections/0/items/1", "tests reading"));
    CHECK(hasWarning(flagged, "/sections/0/items/1/options/1", "would give the answer away"));
    // A skill that does not test reading never warns.
    q["framework"]["skills"][0].erase("testsReading");
    q["sections"][0]["items"][1].erase("readAloud");
    q["sections"][0]["items"][1]["options"][1].erase("audio");
    CHECK_FALSE(hasWarning(load(q), "/sections/0/items/1", "tests reading"));
}
