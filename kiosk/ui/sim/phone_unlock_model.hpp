// The phone_unlock sim: a phone's lock screen. The person swipes up (or taps the handle), then
// types the phone's code on the keypad; the code is given in the instruction (read aloud), never
// the person's own. Like real phones the code is checked as soon as it is complete, a wrong code
// empties the dots and says so, and too many wrong codes lock the keypad.
//
// simConfig:
//   "pin":      "1974"           the code to type, 4 to 6 digits (required)
//   "time":     "09:41"          the big clock of the lock screen
//   "date":     "mardi 12 mai"   under the clock
//   "maxTries": 3                wrong codes before the keypad locks (1 to 5)
// End states: unlocked (first code right), unlocked_after_error (right after a wrong code),
// locked_out (maxTries wrong codes).
#pragma once

#include "ui/sim/sim_trace.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace repere::ui::sim {

class PhoneUnlockModel {
public:
    enum class Screen { Lock, Keypad, Home, LockedOut };

    explicit PhoneUnlockModel(const nlohmann::json& config);

    void wake(); // swipe up on the lock screen (or a tap on its handle)
    void digit(int d);
    void erase(); // the keypad's ⌫
    void back();  // "Annuler": back to the lock screen, typed digits dropped

    Screen screen() const { return screen_; }
    const std::string& time() const { return time_; }
    const std::string& date() const { return date_; }
    std::size_t pinLength() const { return pin_.size(); }
    std::size_t typed() const { return typed_.size(); }
    int wrongCodes() const { return wrong_; }
    int maxTries() const { return maxTries_; }
    // The last complete code was wrong (cleared by the next digit).
    bool showWrong() const { return showWrong_; }
    bool valid() const { return !pin_.empty(); }

    const SimTrace& trace() const { return trace_; }
    bool finished() const { return trace_.finished(); }
    nlohmann::json answer() const { return trace_.answer(); }

private:
    Screen screen_ = Screen::Lock;
    std::string pin_, typed_, time_, date_;
    int maxTries_ = 3;
    int wrong_ = 0;
    bool showWrong_ = false;
    SimTrace trace_;
};

} // namespace repere::ui::sim
