#include "ui/items/match_model.hpp"

#include <algorithm>

namespace repere::ui::items {

MatchModel::MatchModel(std::vector<std::string> leftIds, std::vector<std::string> rightIds)
    : left_(std::move(leftIds)), right_(std::move(rightIds)) {}

MatchModel::MatchModel(const quiz::Item& item) {
    for (const auto& o : item.options) {
        left_.push_back(o.id);
    }
    for (const auto& o : item.right) {
        right_.push_back(o.id);
    }
}

bool MatchModel::isLeft(const std::string& id) const {
    return std::find(left_.begin(), left_.end(), id) != left_.end();
}

bool MatchModel::isRight(const std::string& id) const {
    return std::find(right_.begin(), right_.end(), id) != right_.end();
}

void MatchModel::tapLeft(const std::string& leftId) {
    if (!isLeft(leftId)) {
        return;
    }
    if (pendingRight_) {
        pair(leftId, *pendingRight_);
        return;
    }
    if (pendingLeft_ == leftId) {
        pendingLeft_.reset();
    } else {
        pendingLeft_ = leftId;
    }
}

void MatchModel::tapRight(const std::string& rightId) {
    if (!isRight(rightId)) {
        return;
    }
    if (pendingLeft_) {
        pair(*pendingLeft_, rightId);
        return;
    }
    if (pendingRight_ == rightId) {
        pendingRight_.reset();
    } else {
        pendingRight_ = rightId;
    }
}

void MatchModel::pair(const std::string& leftId, const std::string& rightId) {
    if (!isLeft(leftId) || !isRight(rightId)) {
        return;
    }
    for (auto it = pairs_.begin(); it != pairs_.end();) {
        it = (it->second == rightId) ? pairs_.erase(it) : std::next(it);
    }
    pairs_[leftId] = rightId;
    pendingLeft_.reset();
    pendingRight_.reset();
}

void MatchModel::unpair(const std::string& leftId) {
    pairs_.erase(leftId);
}

std::optional<std::string> MatchModel::rightFor(const std::string& leftId) const {
    if (auto it = pairs_.find(leftId); it != pairs_.end()) {
        return it->second;
    }
    return std::nullopt;
}

std::optional<std::string> MatchModel::leftFor(const std::string& rightId) const {
    for (const auto& [l, r] : pairs_) {
        if (r == rightId) {
            return l;
        }
    }
    return std::nullopt;
}

int MatchModel::pairNumberOfLeft(const std::string& leftId) const {
    if (!pairs_.count(leftId)) {
        return 0;
    }
    auto it = std::find(left_.begin(), left_.end(), leftId);
    return static_cast<int>(it - left_.begin()) + 1;
}

int MatchModel::pairNumberOfRight(const std::string& rightId) const {
    auto l = leftFor(rightId);
    return l ? pairNumberOfLeft(*l) : 0;
}

bool MatchModel::canSubmit() const {
    const std::size_t needed = std::min(left_.size(), right_.size());
    return needed > 0 && pairs_.size() >= needed;
}

nlohmann::json MatchModel::answer() const {
    nlohmann::json pairs = nlohmann::json::object();
    for (const auto& [l, r] : pairs_) {
        pairs[l] = r;
    }
    return {{"pairs", pairs}};
}

} // namespace repere::ui::items
