// Interaction model of a mark item: a text whose words are big tappable chips; each tap marks
// or unmarks a word. Words are the text split on spaces (as the format says), punctuation stays
// attached to its word.
#pragma once

#include "quiz/model.hpp"

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace repere::ui::items {

class MarkModel {
public:
    explicit MarkModel(std::vector<std::string> words);
    explicit MarkModel(const quiz::Item& item);

    void toggle(std::size_t wordIndex); // out-of-range indices are ignored
    bool isMarked(std::size_t wordIndex) const { return marked_.count(wordIndex) != 0; }
    const std::vector<std::string>& words() const { return words_; }

    bool canSubmit() const { return !marked_.empty(); }
    // {"marked": [3, 5]} ascending word indices
    nlohmann::json answer() const;

private:
    std::vector<std::string> words_;
    std::set<std::size_t> marked_;
};

} // namespace repere::ui::items
