// What every sim records: the steps the person took (for the trainer's review) and the end state
// reached (what the item is scored on, through the item's endStates map).
#pragma once

#include "engine/sim_form.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace repere::ui::sim {

class SimTrace {
public:
    void step(std::string what);
    // The first end state wins: once finished, later actions are ignored by the models.
    void finish(std::string endState);

    bool finished() const { return !endState_.empty(); }
    const std::string& endState() const { return endState_; }
    const std::vector<std::string>& steps() const { return steps_; }
    // {"state": "sent_with_attachment", "steps": [...]}
    nlohmann::json answer() const;

private:
    static constexpr std::size_t kMaxSteps = 200; // a stuck person tapping for minutes stays small
    std::vector<std::string> steps_;
    std::string endState_;
};

// Config readers that never throw: a wrong or missing field gives the fallback (the quiz
// validator reports it to the author; the kiosk keeps going).
std::string configString(const nlohmann::json& config, const char* key,
                         const std::string& fallback = {});
bool configBool(const nlohmann::json& config, const char* key, bool fallback);
std::vector<std::string> configStrings(const nlohmann::json& config, const char* key);

// Lower-case ASCII, trimmed, inner spaces collapsed: how sims compare typed addresses and values
// (one definition, the engine's, which scores forms the same way).
using engine::looseNormalize;

} // namespace repere::ui::sim
