#include "ui/items/mark_model.hpp"

#include "text/words.hpp"

namespace repere::ui::items {

MarkModel::MarkModel(std::vector<std::string> words) : words_(std::move(words)) {}

MarkModel::MarkModel(const quiz::Item& item) : words_(text::splitWords(item.text)) {}

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
