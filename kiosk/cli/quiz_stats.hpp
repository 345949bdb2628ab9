// Figures an author (or a reviewer of the French diagnostic) checks on a package, per skill and
// level: how many items, how long the listening stimuli last, whether the key of text choices is
// the longest option (a test-wise cue), and where the key stands among the options.
#pragma once

#include "quiz/model.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace repere::cli {

struct CellStats {
    int items = 0;
    std::vector<double> stimulusSeconds; // one per item with an audio stimulus
    int textChoices = 0;                 // single-answer choice items whose options are words
    int keyLongest = 0; // ... whose key has strictly more characters than any other
    std::map<int, std::vector<int>> keyPositions; // option count -> histogram of key positions
};

struct QuizStats {
    std::map<std::string, std::map<std::string, CellStats>> cells; // skill -> level -> figures
    CellStats total;
};

// Seconds of an audio asset file; nullopt when it cannot be decoded.
using DurationOf = std::function<std::optional<double>(const std::filesystem::path&)>;

// Scored items only (practice, info and profile items are left out). `dir` is the package
// folder, for the audio files of stimuli.
QuizStats computeQuizStats(const quiz::Quiz& q, const std::filesystem::path& dir,
                           const DurationOf& durationOf);

nlohmann::json toJson(const CellStats& c);
nlohmann::json toJson(const QuizStats& s);

} // namespace repere::cli
