// Reading the bundled packages' quiz.json in the content tests (content_test.cpp for both
// packages, content_numerique_test.cpp for the digital diagnostic's review figures of issue 17).
#pragma once

#include "text/utf8.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace repere::content_test {

using nlohmann::json;

inline std::filesystem::path packageDir(const std::string& id) {
    return std::filesystem::path(REPERE_SOURCE_DIR) / "quizzes" / id;
}

inline json loadQuiz(const std::string& id) {
    std::ifstream in(packageDir(id) / "quiz.json");
    REQUIRE(in.good());
    return json::parse(in);
}

inline std::vector<json> allItems(const json& quiz) {
    std::vector<json> out;
    for (const auto& s : quiz.at("sections")) {
        for (const auto& it : s.at("items")) {
            out.push_back(it);
        }
    }
    return out;
}

inline bool isScored(const json& it) {
    const std::string type = it.at("type");
    return type != "info" && type != "profile" && !it.value("practice", false);
}

// Single-answer choice items of the package, scored.
inline std::vector<json> singleChoices(const json& quiz) {
    std::vector<json> out;
    for (const auto& it : allItems(quiz)) {
        if (isScored(it) && it.at("type") == "choice" && !it.value("multiple", false) &&
            it.at("correct").size() == 1) {
            out.push_back(it);
        }
    }
    return out;
}

inline std::size_t codePoints(const std::string& s) {
    return text::codepointCount(s);
}

} // namespace repere::content_test
