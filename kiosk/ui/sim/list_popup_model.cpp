#include "ui/sim/list_popup_model.hpp"

#include <cmath>

namespace repere::ui::sim {

ListPopupModel::ListPopupModel(const nlohmann::json& config)
    : app_(configString(config, "app", "Contacts")), time_(configString(config, "time", "14:05")),
      entries_(configStrings(config, "entries")) {
    const auto target = configString(config, "target");
    for (std::size_t i = 0; i < entries_.size(); ++i)
        if (entries_[i] == target)
            target_ = i;
    const nlohmann::json popup =
        config.is_object() && config.contains("popup") ? config["popup"] : nlohmann::json{};
    popupTitle_ = configString(popup, "title", "Nouveau");
    popupText_ = configString(popup, "text");
}

void ListPopupModel::closePopup(bool byCross) {
    if (popup_ && !finished()) {
        popup_ = false;
        trace_.step(byCross ? "close_popup:cross" : "close_popup:button");
    }
}

void ListPopupModel::tapEntry(std::size_t i) {
    if (popup_ || finished() || screen_ != Screen::List || i >= entries_.size())
        return;
    opened_ = i;
    screen_ = Screen::Entry;
    trace_.step("open:" + entries_[i]);
    trace_.finish(i == target_ ? "found_target" : "wrong_entry");
}

void ListPopupModel::scrolled(float offset) {
    if (finished() || popup_ || std::abs(offset - lastOffset_) < 1.f)
        return;
    lastOffset_ = offset;
    if (!scrolling_)
        trace_.step("scroll");
    scrolling_ = true;
}

const std::string& ListPopupModel::opened() const {
    static const std::string none;
    return opened_ < entries_.size() ? entries_[opened_] : none;
}

} // namespace repere::ui::sim
