// The digital diagnostic without give-aways (issue 17): the figures `repere quiz stats` reports
// for quizzes/numerique, held here so a content change cannot bring a give-away back.
#include "content_json.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using nlohmann::json;
using namespace repere::content_test;

namespace {

bool isTextChoice(const json& it) {
    const auto& opts = it.at("options");
    return std::all_of(opts.begin(), opts.end(),
                       [](const json& o) { return o.contains("text") && !o.contains("image"); });
}

std::string scenarioOf(const json& it) {
    return it.at("type") == "sim" ? it.at("scenario").get<std::string>() : "";
}

// A phishing_message sim is genuine when opening its link is what scores.
bool isGenuineMessage(const json& it) {
    return it.at("endStates").value("opened_link", 0.0) > 0.0;
}

std::string fileText(const std::string& relative) {
    std::ifstream in(std::string(REPERE_SOURCE_DIR) + "/" + relative);
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

TEST_CASE(
    "numerique: every scored item names where its level comes from (CRCN or beginner tasks)") {
    for (const auto& it : allItems(loadQuiz("numerique"))) {
        if (!isScored(it)) {
            continue;
        }
        INFO("item " << it.at("id").get<std::string>());
        REQUIRE(it.contains("levelSource"));
        const std::string src = it.at("levelSource");
        const std::string scale = src.substr(0, src.find(':'));
        CHECK((scale == "crcn" || scale == "bons-clics"));
        CHECK(src.find(':') + 1 < src.size());
    }
}

TEST_CASE("numerique: the key is the longest option in at most 35 % of text choices") {
    int text = 0, longest = 0;
    for (const auto& it : singleChoices(loadQuiz("numerique"))) {
        if (!isTextChoice(it)) {
            continue;
        }
        ++text;
        std::size_t key = 0, other = 0;
        for (const auto& o : it.at("options")) {
            auto& slot = o.at("id") == it.at("correct").at(0) ? key : other;
            slot = std::max(slot, codePoints(o.at("text")));
        }
        longest += key > other;
    }
    INFO(longest << " of " << text << " text choices have the key as the longest option");
    CHECK(text >= 25);
    CHECK(longest * 100 <= text * 35);
}

TEST_CASE("numerique: key positions are balanced per kind of choice (text and pictures)") {
    std::map<std::string, std::vector<int>> positions; // "picture 4" -> count per position
    for (const auto& it : singleChoices(loadQuiz("numerique"))) {
        const auto& opts = it.at("options");
        if (opts.size() < 3) {
            continue;
        }
        const bool words =
            std::all_of(opts.begin(), opts.end(), [](const json& o) { return o.contains("text"); });
        auto& h = positions[(words ? "text " : "picture ") + std::to_string(opts.size())];
        h.resize(opts.size(), 0);
        for (std::size_t i = 0; i < opts.size(); ++i) {
            h[i] += opts[i].at("id") == it.at("correct").at(0);
        }
    }
    for (const auto& [kind, h] : positions) {
        INFO(kind << ": " << json(h).dump());
        // At most one apart: within ±10 % of uniform for the counts this package has.
        CHECK(*std::max_element(h.begin(), h.end()) - *std::min_element(h.begin(), h.end()) <= 1);
    }
    CHECK(positions.count("text 4") == 1);
    CHECK(positions.count("picture 4") == 1);
}

TEST_CASE("numerique: at most 25 % of items need reading outside message and form tasks") {
    int outside = 0, reading = 0;
    for (const auto& it : allItems(loadQuiz("numerique"))) {
        if (!isScored(it)) {
            continue;
        }
        const std::string sc = scenarioOf(it);
        INFO("item " << it.at("id").get<std::string>());
        // Every sim shows French text to read or type, except the touch tasks whose steps and
        // code are read aloud (issue 17: unlocking a phone, taking and attaching a photo).
        if (sc == "phone_unlock" || sc == "photo_attach") {
            CHECK_FALSE(it.value("reading", false));
        } else if (!sc.empty()) {
            CHECK(it.value("reading", false));
        }
        if (sc == "phishing_message" || sc == "online_form") {
            continue; // reading the message or the form is the competence
        }
        ++outside;
        reading += it.value("reading", false);
    }
    INFO(reading << " of " << outside << " items need reading");
    CHECK(reading > 0);
    CHECK(reading * 100 <= outside * 25);
}

TEST_CASE("numerique: simulations show at least as many genuine messages and sites as fake ones") {
    int genuineMessages = 0, fakeMessages = 0, genuineSites = 0, fakeSites = 0;
    for (const auto& it : allItems(loadQuiz("numerique"))) {
        if (!isScored(it)) {
            continue; // a practice try is not what the person is judged on
        }
        const std::string sc = scenarioOf(it);
        if (sc == "phishing_message") {
            ++(isGenuineMessage(it) ? genuineMessages : fakeMessages);
        } else if (sc == "browser_address") {
            ++genuineSites;
            fakeSites += static_cast<int>(it.at("sim").value("lookalikes", json::array()).size());
        }
    }
    INFO("messages " << genuineMessages << "/" << fakeMessages << ", sites " << genuineSites << "/"
                     << fakeSites);
    CHECK(genuineMessages >= 3);
    CHECK(fakeMessages >= 3);
    CHECK(genuineMessages >= fakeMessages);
    CHECK(genuineMessages + genuineSites >= fakeMessages + fakeSites);
}

TEST_CASE("numerique: an e-mail task has one file that fits the request (com-14 had two)") {
    for (const auto& it : allItems(loadQuiz("numerique"))) {
        if (scenarioOf(it) != "email_attachment") {
            continue;
        }
        INFO("item " << it.at("id").get<std::string>());
        const std::string key = it.at("sim").at("attachment");
        const std::string stem = key.substr(0, key.rfind('.'));
        int alike = 0;
        for (const auto& f : it.at("sim").at("files")) {
            alike += f.get<std::string>().rfind(stem, 0) == 0;
        }
        CHECK(alike == 1);
    }
}

TEST_CASE("numerique: calm contexts, fictional .example addresses, in the package and the kiosk") {
    const std::string all = loadQuiz("numerique").dump();
    for (const char* word : {"amende", "contravention", "perdre vos droits", "bloqué", "sinon",
                             "expulsion", "suspendu"}) {
        INFO(word);
        CHECK(all.find(word) == std::string::npos);
    }
    // No real organisation's name (the Caf, Ameli), as a word: sha256 hex may hold "caf".
    CHECK_FALSE(std::regex_search(all, std::regex(R"(\b(caf|ameli)\b)", std::regex::icase)));
    const std::regex tld(R"(\.(fr|com|org|net|info|top|exemple)\b)");
    CHECK_FALSE(std::regex_search(all, tld));
    // Every address written in the package ends in .example.
    const std::regex address(R"((?:https?://|www\.|@)([A-Za-z0-9.-]+))");
    int addresses = 0;
    for (auto m = std::sregex_iterator(all.begin(), all.end(), address);
         m != std::sregex_iterator(); ++m) {
        std::string host = (*m)[1];
        while (!host.empty() && host.back() == '.') {
            host.pop_back(); // the end of a sentence
        }
        INFO(host);
        CHECK(host.size() > 8);
        CHECK(host.compare(host.size() - 8, 8, ".example") == 0);
        ++addresses;
    }
    CHECK(addresses >= 10);
    // The kiosk's own mock screens (strings table, browser start page).
    for (const char* file :
         {"kiosk/core/i18n/strings_table.cpp", "kiosk/ui/sim/browser_model.cpp"}) {
        const std::string text = fileText(file);
        INFO(file);
        CHECK(text.find("exemple.fr") == std::string::npos);
        CHECK(text.find("cherchetout.exemple\"") == std::string::npos);
    }
}

TEST_CASE("numerique: each kind of simulation has one practice try in its section, never scored") {
    // Named: a range-for over loadQuiz(...).at(...) iterated a temporary already destroyed
    // (AddressSanitizer: heap-use-after-free).
    const auto quiz = loadQuiz("numerique");
    for (const auto& section : quiz.at("sections")) {
        std::map<std::string, int> scored, tries;
        for (const auto& it : section.at("items")) {
            const std::string sc = scenarioOf(it);
            if (sc.empty())
                continue;
            ++(it.value("practice", false) ? tries : scored)[sc];
        }
        for (const auto& [scenario, n] : scored) {
            INFO("section " << section.at("id").get<std::string>() << ", " << scenario);
            CHECK(tries[scenario] == 1);
        }
        for (const auto& [scenario, n] : tries) {
            INFO("a try with no scored sim after it: " << scenario);
            CHECK(scored[scenario] > 0);
        }
    }
    for (const auto& it : allItems(loadQuiz("numerique"))) {
        if (!it.value("practice", false) || it.at("type") != "sim")
            continue;
        INFO("item " << it.at("id").get<std::string>());
        // Announced as a try, in words and in sound.
        CHECK(it.at("instruction").at("fr").get<std::string>().rfind("Essai.", 0) == 0);
        CHECK(it.contains("instructionAudio"));
    }
}

TEST_CASE("numerique: no mouse-only skill (right-click, double-click, hover, keyboard shortcut)") {
    // Issue 17: mouse-only skills were to be removed or tagged "knowledge"; they are removed, so
    // the kiosk measures only what is done by touch. A new one would need that tag first.
    const std::regex mouseOnly(
        "clic droit|double[- ]clic|survol|raccourci|ctrl|right[- ]click|double[- ]click|hover|"
        "shortcut",
        std::regex::icase);
    for (const auto& it : allItems(loadQuiz("numerique"))) {
        INFO("item " << it.at("id").get<std::string>());
        CHECK_FALSE(std::regex_search(it.dump(), mouseOnly));
    }
}

TEST_CASE("numerique: a code said digit by digit is joined by no-break spaces (never split)") {
    // « code 2 5 / 8 0 » wrapped over two lines at 1280x800: a slow reader copies a code digit by
    // digit from the instruction, so its digits are joined by U+00A0 (the kiosk's wrap keeps
    // them together, tests/ui/text_wrap_test.cpp). A single digit, a plain space, a single digit.
    const std::regex splittable(R"((^|[^0-9])[0-9] [0-9]([^0-9]|$))");
    int codes = 0;
    for (const auto& it : allItems(loadQuiz("numerique"))) {
        if (!it.contains("instruction"))
            continue;
        for (const auto& [locale, text] : it.at("instruction").items()) {
            INFO("item " << it.at("id").get<std::string>() << " (" << locale << ")");
            const std::string s = text.get<std::string>();
            CHECK_FALSE(std::regex_search(s, splittable));
            codes += s.find("2\u00a05\u00a08\u00a00") != std::string::npos ? 1 : 0;
        }
    }
    CHECK(codes == 2); // com-20, in French and in English
}
