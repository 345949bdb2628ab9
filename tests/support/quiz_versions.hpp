// Two versions of the kiosk fixture package (tests/fixtures/kiosk/quizzes/demo-numerique) for
// the catalogue tests: the fixture as it is (1.0.0), and a revision where the first information
// question is reworded and a question "inf-web" is added, so a test can tell from the items
// alone which version a person is on.
#pragma once

#include "support/temp_dir.hpp"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>

namespace versions {

namespace fs = std::filesystem;
using nlohmann::json;

inline const fs::path kFixture =
    fs::path(REPERE_SOURCE_DIR) / "tests/fixtures/kiosk/quizzes/demo-numerique/quiz.json";
inline const std::string kQuizId = "demo-numerique";
inline const std::string kV1Question = "Quel mot sert à chercher sur internet ?";
inline const std::string kV2Question = "Quel mot sert à chercher sur le web ?";
inline const std::string kV2NewItem = "inf-web";

inline json original() {
    std::ifstream in(kFixture);
    std::stringstream ss;
    ss << in.rdbuf();
    return json::parse(ss.str());
}

inline json revised(const std::string& version) {
    json q = original();
    q["version"] = version;
    for (auto& sec : q["sections"]) {
        if (sec["id"] != "information")
            continue;
        sec["items"][0]["instruction"]["fr"] = kV2Question;
        json extra = sec["items"][1];
        extra["id"] = kV2NewItem;
        extra["instruction"] = {{"fr", "Touchez l'adresse d'un site sur le web."}};
        sec["items"].push_back(extra);
    }
    return q;
}

inline void writePackage(const fs::path& dir, const json& quiz) {
    fs::create_directories(dir);
    std::ofstream(dir / "quiz.json", std::ios::binary | std::ios::trunc) << quiz.dump(2);
}

using TempDir = ::repere::test::TempDir;

} // namespace versions
