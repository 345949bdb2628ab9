// Interaction model of a choice or profile item: big cards, one or several selected, then
// "Valider". A tap on a single-choice card replaces the selection (no need to untick first);
// a tap on a multiple-choice card toggles it.
#pragma once

#include "quiz/model.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace repere::ui::items {

class ChoiceModel {
public:
    ChoiceModel(std::vector<std::string> optionIds, bool multiple);
    explicit ChoiceModel(const quiz::Item& item);

    void tap(const std::string& optionId); // unknown ids are ignored
    bool isSelected(const std::string& optionId) const;
    bool multiple() const { return multiple_; }
    const std::vector<std::string>& optionIds() const { return optionIds_; }

    bool canSubmit() const { return !selected_.empty(); }
    // {"selected": [ids in the order the options are shown]}
    nlohmann::json answer() const;

private:
    std::vector<std::string> optionIds_;
    std::vector<std::string> selected_;
    bool multiple_ = false;
};

} // namespace repere::ui::items
