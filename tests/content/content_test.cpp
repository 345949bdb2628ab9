// Checks of the two bundled diagnostics (quizzes/numerique, quizzes/francais) that the loader
// cannot know about: the item-writing rules of quizzes/francais/README.md and issue 8. The loader's
// own validation (schema, references, routing) is exercised in content_loader_test.cpp.
#include "content_json.hpp"
#include "util/digest.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;
using namespace repere::content_test;

namespace {

// An adaptive skill needs this many items at every level so the engine can confirm a placement
// there without reusing items (minItems is 4; 3 at the level + neighbours is enough).
constexpr int kMinItemsPerLevelAdaptive = 3;
// A trainer-scored skill (speaking) is routed to tasks by level; three tasks per level band, of
// which each band's section draws two (issue 16: "at least 3 spoken tasks per level band").
constexpr int kMinItemsPerLevelManual = 3;
constexpr std::uintmax_t kMaxMediaBytes = 30u * 1024u * 1024u;

// Every string anywhere below `j` (asset references can sit in stimuli, options, images...).
void collectStrings(const json& j, std::set<std::string>& out) {
    if (j.is_string()) {
        out.insert(j.get<std::string>());
    } else if (j.is_structured()) {
        for (const auto& v : j) {
            collectStrings(v, out);
        }
    }
}

std::map<std::string, json> assetsById(const json& quiz) {
    std::map<std::string, json> m;
    for (const auto& a : quiz.at("assets")) {
        m[a.at("id")] = a;
    }
    return m;
}

double difficultyOf(const json& it) {
    const json& d = it.at("difficulty");
    return d.is_number() ? d.get<double>() : d.at("b").get<double>();
}

const std::vector<std::string> kPackages = {"numerique", "francais"};

} // namespace

TEST_CASE("every asset exists, matches its sha256, is used, and nothing else lies in media/") {
    for (const auto& id : kPackages) {
        INFO("package " << id);
        const json quiz = loadQuiz(id);
        std::set<std::string> referenced;
        collectStrings(quiz.at("sections"), referenced);
        std::set<std::string> declared;
        for (const auto& a : quiz.at("assets")) {
            const std::string path = a.at("path");
            INFO("asset " << a.at("id").get<std::string>() << " " << path);
            const fs::path file = packageDir(id) / path;
            REQUIRE(fs::is_regular_file(file));
            CHECK(repere::util::sha256File(file).value_or("") == a.at("sha256").get<std::string>());
            CHECK(referenced.count(a.at("id").get<std::string>()) == 1);
            declared.insert(fs::weakly_canonical(file).string());
        }
        for (const auto& e : fs::recursive_directory_iterator(packageDir(id) / "media")) {
            if (e.is_regular_file()) {
                INFO("file " << e.path().string());
                CHECK(declared.count(fs::weakly_canonical(e.path()).string()) == 1);
            }
        }
    }
}

TEST_CASE("all media of both packages together stay under 30 MB") {
    std::uintmax_t total = 0;
    for (const auto& id : kPackages) {
        for (const auto& e : fs::recursive_directory_iterator(packageDir(id) / "media")) {
            if (e.is_regular_file()) {
                total += e.file_size();
            }
        }
    }
    INFO("media bytes: " << total);
    CHECK(total > 0);
    CHECK(total <= kMaxMediaBytes);
}

TEST_CASE("every instruction is in French and English, with a sound file per locale") {
    for (const auto& id : kPackages) {
        const json quiz = loadQuiz(id);
        const auto assets = assetsById(quiz);
        for (const auto& it : allItems(quiz)) {
            INFO(id << " item " << it.at("id").get<std::string>());
            const json& instr = it.at("instruction");
            REQUIRE(instr.is_object());
            for (const char* loc : {"fr", "en"}) {
                INFO("locale " << loc);
                REQUIRE(instr.contains(loc));
                CHECK_FALSE(instr.at(loc).get<std::string>().empty());
                REQUIRE(it.contains("instructionAudio"));
                REQUIRE(it.at("instructionAudio").contains(loc));
                const std::string aid = it.at("instructionAudio").at(loc);
                REQUIRE(assets.count(aid) == 1);
                // numerique: espeak-ng, Ogg Vorbis; francais: natural voices, Ogg Opus.
                CHECK(assets.at(aid).at("path").get<std::string>().ends_with(
                    id == "francais" ? ".opus" : ".ogg"));
                // The sound says exactly the instruction's words (the generator keeps them in
                // step).
                CHECK(assets.at(aid).at("transcript") == instr.at(loc));
            }
        }
    }
}

TEST_CASE("every listening stimulus and speaking prompt has a sound with its transcript") {
    const json quiz = loadQuiz("francais");
    const auto assets = assetsById(quiz);
    int listening = 0;
    for (const auto& it : allItems(quiz)) {
        const std::string skill = it.value("skill", "");
        if (skill != "listening" && skill != "speaking") {
            continue;
        }
        INFO("item " << it.at("id").get<std::string>());
        REQUIRE(it.contains("stimulus"));
        REQUIRE(it.at("stimulus").contains("audio"));
        const std::string aid = it.at("stimulus").at("audio");
        REQUIRE(assets.count(aid) == 1);
        CHECK_FALSE(assets.at(aid).value("transcript", "").empty());
        listening += skill == "listening";
    }
    CHECK(listening >= 20);
}

TEST_CASE("below A2, listening options are pictures or sounds, never written words") {
    const json quiz = loadQuiz("francais");
    const std::set<std::string> low = {"pre-a1", "a1.1", "a1"};
    int checked = 0;
    for (const auto& it : allItems(quiz)) {
        if (it.value("skill", "") != "listening" || low.count(it.value("level", "")) == 0) {
            continue;
        }
        INFO("item " << it.at("id").get<std::string>());
        for (const auto& o : it.at("options")) {
            CHECK_FALSE(o.contains("text"));
            CHECK((o.contains("image") || o.contains("audio")));
        }
        ++checked;
    }
    CHECK(checked >= 15);
}

TEST_CASE(
    "every scored item has a skill, a framework level and a difficulty inside that level's band") {
    for (const auto& id : kPackages) {
        const json quiz = loadQuiz(id);
        const json& fw = quiz.at("framework");
        std::vector<std::string> levels;
        for (const auto& l : fw.at("levels")) {
            levels.push_back(l.at("id"));
        }
        const auto cuts = fw.at("cutPoints").get<std::vector<double>>();
        REQUIRE(cuts.size() + 1 == levels.size());
        std::set<std::string> skills;
        for (const auto& s : fw.at("skills")) {
            skills.insert(s.at("id"));
        }
        for (const auto& it : allItems(quiz)) {
            if (!isScored(it)) {
                continue;
            }
            INFO(id << " item " << it.at("id").get<std::string>());
            REQUIRE(it.contains("skill"));
            CHECK(skills.count(it.at("skill")) == 1);
            REQUIRE(it.contains("level"));
            const auto pos =
                std::find(levels.begin(), levels.end(), it.at("level").get<std::string>());
            REQUIRE(pos != levels.end());
            REQUIRE(it.contains("difficulty"));
            // The initial difficulty sits between the cut-points that bound its level (README).
            const auto k = static_cast<std::size_t>(pos - levels.begin());
            const double b = difficultyOf(it);
            if (k > 0) {
                CHECK(b > cuts[k - 1]);
            }
            if (k < cuts.size()) {
                CHECK(b < cuts[k]);
            }
        }
    }
}

TEST_CASE("no two items share the same prompt") {
    for (const auto& id : kPackages) {
        const json quiz = loadQuiz(id);
        std::map<std::string, std::string> seen;
        for (const auto& it : allItems(quiz)) {
            // What the person is asked: instruction + stimulus + the item's own text or picture.
            std::string key = it.at("instruction").at("fr").get<std::string>();
            key += "|" + it.value("stimulus", json::object()).dump();
            key += "|" + it.value("text", std::string()) + "|" + it.value("image", std::string());
            if (it.at("type") == "sim") {
                key += "|" + it.at("sim").dump();
            }
            const auto previous = seen.find(key);
            INFO(id << " item " << it.at("id").get<std::string>() << " has the prompt of "
                    << (previous == seen.end() ? std::string("none") : previous->second));
            CHECK(previous == seen.end());
            seen.emplace(key, it.at("id").get<std::string>());
        }
    }
}

TEST_CASE("each level of each skill has enough items to place someone there") {
    for (const auto& id : kPackages) {
        const json quiz = loadQuiz(id);
        std::set<std::string> adaptiveSkills;
        for (const auto& s : quiz.at("sections")) {
            if (s.value("mode", "linear") == "adaptive") {
                adaptiveSkills.insert(s.at("skill"));
            }
        }
        std::map<std::string, std::map<std::string, int>> adaptiveCount, anyCount;
        for (const auto& s : quiz.at("sections")) {
            const bool adaptive = s.value("mode", "linear") == "adaptive";
            for (const auto& it : s.at("items")) {
                if (!isScored(it)) {
                    continue;
                }
                ++anyCount[it.at("skill")][it.at("level")];
                if (adaptive) {
                    ++adaptiveCount[it.at("skill")][it.at("level")];
                }
            }
        }
        for (const auto& sk : quiz.at("framework").at("skills")) {
            const std::string skill = sk.at("id");
            for (const auto& lv : quiz.at("framework").at("levels")) {
                const std::string level = lv.at("id");
                INFO(id << " skill " << skill << " level " << level);
                if (adaptiveSkills.count(skill)) {
                    CHECK(adaptiveCount[skill][level] >= kMinItemsPerLevelAdaptive);
                } else {
                    CHECK(anyCount[skill][level] >= kMinItemsPerLevelManual);
                }
            }
        }
    }
}

TEST_CASE("numerique: at least 60 items, at least 8 sims covering the four scenarios") {
    const json quiz = loadQuiz("numerique");
    int scored = 0;
    std::map<std::string, int> scenarios;
    for (const auto& it : allItems(quiz)) {
        scored += isScored(it);
        if (it.at("type") == "sim") {
            ++scenarios[it.at("scenario")];
            CHECK_FALSE(it.at("endStates").empty());
        }
    }
    CHECK(scored >= 60);
    int sims = 0;
    for (const auto& [name, n] : scenarios) {
        sims += n;
    }
    CHECK(sims >= 8);
    for (const char* s :
         {"email_attachment", "online_form", "phishing_message", "browser_address"}) {
        INFO("scenario " << s);
        CHECK(scenarios[s] >= 2);
    }
    CHECK(quiz.at("framework").at("skills").size() == 5);
}

TEST_CASE(
    "francais: at least 80 items, and the profile routes non-readers past reading and writing") {
    const json quiz = loadQuiz("francais");
    int scored = 0;
    bool alphabetQuestion = false;
    for (const auto& it : allItems(quiz)) {
        scored += isScored(it);
        if (it.at("type") == "profile" && it.value("variable", "") == "latin") {
            alphabetQuestion = true;
        }
    }
    CHECK(scored >= 80);
    CHECK(alphabetQuestion);
    const std::string lowest = quiz.at("framework").at("levels").at(0).at("id");
    for (const char* skill : {"reading", "writing"}) {
        INFO("skill " << skill);
        bool routed = false;
        for (const auto& s : quiz.at("sections")) {
            if (s.value("skill", "") == skill && s.value("mode", "") == "adaptive") {
                CHECK(s.at("showIf").dump().find("profile.latin") != std::string::npos);
                CHECK(s.at("skipLevel") == lowest);
                routed = true;
            }
        }
        CHECK(routed);
    }
}

TEST_CASE("every speaking and free-writing task is trainer-scored with a rubric") {
    const json quiz = loadQuiz("francais");
    int tasks = 0;
    for (const auto& it : allItems(quiz)) {
        if (it.at("type") != "speak" && it.at("type") != "write") {
            continue;
        }
        INFO("item " << it.at("id").get<std::string>());
        CHECK(it.at("scoring").at("rule") == "manual");
        CHECK_FALSE(it.at("scoring").at("rubric").empty());
        ++tasks;
    }
    CHECK(tasks >= 12);
}

// ---- Français v2 (issue 16): clean items a CEFR test writer would sign ----------------------

TEST_CASE("francais: every scored item names the descriptor its level comes from") {
    const json quiz = loadQuiz("francais");
    const std::set<std::string> scales = {"cefr-grid", "cefr-cv", "dilf-a1.1", "laslliam"};
    for (const auto& it : allItems(quiz)) {
        if (!isScored(it)) {
            continue;
        }
        INFO("item " << it.at("id").get<std::string>());
        REQUIRE(it.contains("levelSource"));
        const std::string src = it.at("levelSource");
        CHECK(scales.count(src.substr(0, src.find(':'))) == 1);
        CHECK(src.find(':') + 1 < src.size());
    }
}

TEST_CASE("francais: no reading item has its answers read aloud") {
    const json quiz = loadQuiz("francais");
    int reading = 0;
    for (const auto& it : allItems(quiz)) {
        if (it.value("skill", "") != "reading" || it.at("type") != "choice") {
            continue;
        }
        INFO("item " << it.at("id").get<std::string>());
        CHECK(it.value("readAloud", "all") == "instructionOnly");
        for (const auto& o : it.at("options")) {
            CHECK_FALSE(o.contains("audio"));
        }
        ++reading;
    }
    CHECK(reading >= 20);
    for (const auto& sk : quiz.at("framework").at("skills")) {
        CHECK(sk.value("testsReading", false) == (sk.at("id") == "reading"));
    }
}

TEST_CASE("francais: six items per level in listening and reading") {
    const json quiz = loadQuiz("francais");
    std::map<std::string, std::map<std::string, int>> count;
    for (const auto& it : allItems(quiz)) {
        if (isScored(it)) {
            ++count[it.at("skill")][it.at("level")];
        }
    }
    for (const char* skill : {"listening", "reading"}) {
        for (const auto& lv : quiz.at("framework").at("levels")) {
            INFO(skill << " " << lv.at("id").get<std::string>());
            CHECK(count[skill][lv.at("id")] >= 6);
        }
    }
}

TEST_CASE("francais: the key is the longest option in at most 35 % of text choices") {
    const json quiz = loadQuiz("francais");
    int text = 0, longest = 0;
    for (const auto& it : singleChoices(quiz)) {
        const auto& opts = it.at("options");
        if (!std::all_of(opts.begin(), opts.end(), [](const json& o) {
                return o.contains("text") && !o.contains("image");
            })) {
            continue;
        }
        ++text;
        std::size_t key = 0, other = 0;
        for (const auto& o : opts) {
            const std::size_t n = codePoints(o.at("text"));
            (o.at("id") == it.at("correct").at(0) ? key : other) =
                std::max(o.at("id") == it.at("correct").at(0) ? key : other, n);
        }
        longest += key > other;
    }
    INFO(longest << " of " << text << " text choices have the key as the longest option");
    CHECK(text >= 25);
    CHECK(longest * 100 <= text * 35);
}

TEST_CASE("francais: key positions are balanced per kind of choice (at most one apart)") {
    const json quiz = loadQuiz("francais");
    std::map<std::string, std::vector<int>> positions; // "text 4" -> count per position
    for (const auto& it : singleChoices(quiz)) {
        const auto& opts = it.at("options");
        const bool words =
            std::all_of(opts.begin(), opts.end(), [](const json& o) { return o.contains("text"); });
        if (opts.size() < 3) {
            continue; // yes/no pairs keep their natural order
        }
        auto& h = positions[(words ? "text " : "picture ") + std::to_string(opts.size())];
        h.resize(opts.size(), 0);
        for (std::size_t i = 0; i < opts.size(); ++i) {
            h[i] += opts[i].at("id") == it.at("correct").at(0);
        }
    }
    for (const auto& [kind, h] : positions) {
        INFO(kind << ": " << json(h).dump());
        CHECK(*std::max_element(h.begin(), h.end()) - *std::min_element(h.begin(), h.end()) <= 1);
    }
    CHECK(positions.count("text 4") == 1);
    CHECK(positions.count("picture 4") == 1);
}

TEST_CASE("francais: listening stimuli from A2 are dialogues or announcements with two voices") {
    const json quiz = loadQuiz("francais");
    const auto assets = assetsById(quiz);
    bool woman = false, man = false;
    for (const auto& it : allItems(quiz)) {
        const std::string level = it.value("level", "");
        if (it.value("skill", "") != "listening" || (level != "a2" && level != "b1")) {
            continue;
        }
        INFO("item " << it.at("id").get<std::string>());
        const std::string tr = assets.at(it.at("stimulus").at("audio")).at("transcript");
        woman = woman || tr.find("Femme : ") != std::string::npos;
        man = man || tr.find("Homme : ") != std::string::npos;
        // Playable twice (issue 16), never unlimited.
        CHECK(it.at("stimulus").at("maxPlays") == 2);
    }
    CHECK(woman);
    CHECK(man);
}

TEST_CASE("francais: no threat scenarios, and web addresses are fictional (.example)") {
    const json quiz = loadQuiz("francais");
    const std::string all = quiz.dump();
    for (const char* word : {"suspendu", "expulsion", "amende", "radiation", "quitter son logement",
                             "pas payé son loyer", "le paiement s'arrête"}) {
        INFO(word);
        CHECK(all.find(word) == std::string::npos);
    }
    for (const char* tld : {".fr\"", ".fr ", ".com", ".org"}) {
        INFO(tld);
        CHECK(all.find(tld) == std::string::npos);
    }
}

TEST_CASE("francais: every speaking task has an example answer for the trainer") {
    const json quiz = loadQuiz("francais");
    int tasks = 0;
    for (const auto& it : allItems(quiz)) {
        if (it.at("type") != "speak" || !isScored(it)) {
            continue;
        }
        INFO("item " << it.at("id").get<std::string>());
        CHECK_FALSE(it.at("scoring").at("example").at("fr").get<std::string>().empty());
        ++tasks;
    }
    CHECK(tasks >= 15);
}
