#include "ui/items/choice_model.hpp"

#include <algorithm>

namespace repere::ui::items {

ChoiceModel::ChoiceModel(std::vector<std::string> optionIds, bool multiple)
    : optionIds_(std::move(optionIds)), multiple_(multiple) {}

ChoiceModel::ChoiceModel(const quiz::Item& item) : multiple_(item.multiple) {
    for (const auto& option : item.options) {
        optionIds_.push_back(option.id);
    }
}

void ChoiceModel::tap(const std::string& optionId) {
    if (std::find(optionIds_.begin(), optionIds_.end(), optionId) == optionIds_.end()) {
        return;
    }
    auto it = std::find(selected_.begin(), selected_.end(), optionId);
    if (!multiple_) {
        selected_.assign(1, optionId);
        return;
    }
    if (it != selected_.end()) {
        selected_.erase(it);
    } else {
        selected_.push_back(optionId);
    }
}

bool ChoiceModel::isSelected(const std::string& optionId) const {
    return std::find(selected_.begin(), selected_.end(), optionId) != selected_.end();
}

nlohmann::json ChoiceModel::answer() const {
    auto ids = nlohmann::json::array();
    for (const auto& id : optionIds_) {
        if (isSelected(id)) {
            ids.push_back(id);
        }
    }
    return {{"selected", ids}};
}

} // namespace repere::ui::items
