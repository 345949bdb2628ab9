// The list_popup sim: a phone app with a long list (contacts, pharmacies...) hidden behind a
// pop-up window. The person closes the window (its cross or its "Fermer" button), then scrolls the
// list with a finger to find one entry and taps it. While the window is open the list below does
// not react, as on a real phone.
//
// simConfig:
//   "app":     "Contacts"                     header of the app
//   "time":    "14:05"
//   "entries": ["Abdou Ba", "Agnès Morel", ...]   the list, in the order shown (required)
//   "target":  "Sophie Marchand"              the entry to find (required, one of entries)
//   "popup":   {"title": "Nouveau", "text": "..."}   the window over the list
// End states: found_target, wrong_entry (another entry was tapped).
#pragma once

#include "ui/sim/sim_trace.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace repere::ui::sim {

class ListPopupModel {
public:
    enum class Screen { List, Entry };

    explicit ListPopupModel(const nlohmann::json& config);

    void closePopup(bool byCross);
    void tapEntry(std::size_t i); // ignored while the pop-up is open
    // The list moved under the finger (recorded once per gesture for the review).
    void scrolled(float offset);
    void fingerLifted() { scrolling_ = false; }

    Screen screen() const { return screen_; }
    bool popupOpen() const { return popup_; }
    bool valid() const { return target_ < entries_.size(); }
    const std::string& app() const { return app_; }
    const std::string& time() const { return time_; }
    const std::string& popupTitle() const { return popupTitle_; }
    const std::string& popupText() const { return popupText_; }
    const std::vector<std::string>& entries() const { return entries_; }
    const std::string& opened() const; // the entry tapped
    float scroll = 0;                  // the list's offset, kept across frames by the view

    const SimTrace& trace() const { return trace_; }
    bool finished() const { return trace_.finished(); }
    nlohmann::json answer() const { return trace_.answer(); }

private:
    Screen screen_ = Screen::List;
    bool popup_ = true;
    bool scrolling_ = false;
    float lastOffset_ = 0;
    std::string app_, time_, popupTitle_, popupText_;
    std::vector<std::string> entries_;
    std::size_t target_ = SIZE_MAX;
    std::size_t opened_ = SIZE_MAX;
    SimTrace trace_;
};

} // namespace repere::ui::sim
