#include "ui/sim/sim_trace.hpp"

#include <cctype>

namespace repere::ui::sim {

void SimTrace::step(std::string what) {
    if (steps_.size() < kMaxSteps) {
        steps_.push_back(std::move(what));
    }
}

void SimTrace::finish(std::string endState) {
    if (endState_.empty()) {
        step("end:" + endState);
        endState_ = std::move(endState);
    }
}

nlohmann::json SimTrace::answer() const {
    return {{"state", endState_}, {"steps", steps_}};
}

std::string configString(const nlohmann::json& config, const char* key,
                         const std::string& fallback) {
    if (config.is_object()) {
        if (auto it = config.find(key); it != config.end() && it->is_string()) {
            return it->get<std::string>();
        }
    }
    return fallback;
}

bool configBool(const nlohmann::json& config, const char* key, bool fallback) {
    if (config.is_object()) {
        if (auto it = config.find(key); it != config.end() && it->is_boolean()) {
            return it->get<bool>();
        }
    }
    return fallback;
}

std::vector<std::string> configStrings(const nlohmann::json& config, const char* key) {
    std::vector<std::string> out;
    if (!config.is_object()) {
        return out;
    }
    auto it = config.find(key);
    if (it == config.end() || !it->is_array()) {
        return out;
    }
    for (const auto& v : *it) {
        if (v.is_string()) {
            out.push_back(v.get<std::string>());
        }
    }
    return out;
}

} // namespace repere::ui::sim
