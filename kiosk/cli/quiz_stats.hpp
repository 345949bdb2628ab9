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
    // Key positions of single-answer choices per kind ("text 4", "picture 4"): a test-wise person
    // learns where keys sit within a kind of screen, so balance is judged per kind.
    std::map<std::string, std::vector<int>> keyPositionsByKind;
    // Items flagged "reading": true (FORMAT.md), over all scored items and outside the tasks where
    // reading is the point (skills that test reading, message and form simulations).
    int readingItems = 0;
    int itemsOutsideReadingTasks = 0;
    int readingOutsideReadingTasks = 0;
    // What simulations show as safe or not: phishing_message messages (genuine when opening the
    // link scores best) and browser_address sites (the target genuine, each look-alike fake).
    int genuineMessages = 0, fakeMessages = 0, genuineSites = 0, fakeSites = 0;
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
