#include "ui/items/mark_model.hpp"

#include <sstream>

namespace repere::ui::items {

std::vector<std::string> splitWords(const std::string& text) {
    std::vector<std::string> words;
    std::istringstream in(text);
    std::string word;
    while (in >> word) {
        words.push_back(word);
    }
    return words;
}

MarkModel::MarkModel(std::vector<std::string> words) : words_(std::move(words)) {}

MarkModel::MarkModel(const quiz::Item& item) : words_(splitWords(item.text)) {}

void MarkModel::toggle(std::size_t wordIndex) {
    if (wordIndex >= words_.size()) {
        return;
    }
    if (!marked_.erase(wordIndex)) {
        marked_.insert(wordIndex);
    }
}

nlohmann::json MarkModel::answer() const {
    auto marked = nlohmann::json::array();
    for (auto i : marked_) {
        marked.push_back(i);
    }
    return {{"marked", marked}};
}

} // namespace repere::ui::items
