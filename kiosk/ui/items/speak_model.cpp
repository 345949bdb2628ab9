#include "ui/items/speak_model.hpp"

#include <algorithm>
#include <cmath>

namespace repere::ui::items {

namespace {
constexpr int kDefaultMaxS = 60; // an item without maxDurationS still stops by itself
}

SpeakModel::SpeakModel(int maxDurationS) : maxS_(maxDurationS > 0 ? maxDurationS : kDefaultMaxS) {}

SpeakModel::SpeakModel(const quiz::Item& item) : SpeakModel(item.maxDurationS) {}

bool SpeakModel::start(std::int64_t nowMs) {
    if (state_ == SpeakState::Recording) {
        return false;
    }
    state_ = SpeakState::Recording;
    startMs_ = nowMs;
    path_.clear();
    durationS_ = 0.0;
    return true;
}

bool SpeakModel::mustStop(std::int64_t nowMs) const {
    return state_ == SpeakState::Recording && nowMs - startMs_ >= static_cast<std::int64_t>(maxS_) * 1000;
}

void SpeakModel::stopped(std::string path, double durationS) {
    if (state_ != SpeakState::Recording) {
        return;
    }
    path_ = std::move(path);
    durationS_ = std::clamp(durationS, 0.0, static_cast<double>(maxS_));
    state_ = path_.empty() ? SpeakState::Idle : SpeakState::Recorded;
}

void SpeakModel::failed() {
    state_ = SpeakState::Idle;
    path_.clear();
    durationS_ = 0.0;
}

double SpeakModel::elapsedS(std::int64_t nowMs) const {
    if (state_ == SpeakState::Recording) {
        return std::clamp(static_cast<double>(nowMs - startMs_) / 1000.0, 0.0, static_cast<double>(maxS_));
    }
    return durationS_;
}

double SpeakModel::progress(std::int64_t nowMs) const {
    return elapsedS(nowMs) / static_cast<double>(maxS_);
}

bool SpeakModel::canSubmit() const {
    return state_ == SpeakState::Recorded && durationS_ >= 0.5;
}

nlohmann::json SpeakModel::answer() const {
    if (!canSubmit()) {
        return nlohmann::json::object();
    }
    return {{"recording", path_}, {"durationS", std::round(durationS_ * 10.0) / 10.0}};
}

} // namespace repere::ui::items
