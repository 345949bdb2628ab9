// Interaction model of a match item: pair each card on the left with one on the right.
// Tap-then-tap in either order (left then right, or right then left) makes a pair; a drag from
// one card onto the other calls pair() directly. A right card belongs to at most one pair:
// pairing it again moves it. Tapping the selected card again cancels the selection.
#pragma once

#include "quiz/model.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace repere::ui::items {

class MatchModel {
public:
    MatchModel(std::vector<std::string> leftIds, std::vector<std::string> rightIds);
    explicit MatchModel(const quiz::Item& item);

    void tapLeft(const std::string& leftId);
    void tapRight(const std::string& rightId);
    void pair(const std::string& leftId, const std::string& rightId);
    void unpair(const std::string& leftId);

    const std::optional<std::string>& pendingLeft() const { return pendingLeft_; }
    const std::optional<std::string>& pendingRight() const { return pendingRight_; }
    std::optional<std::string> rightFor(const std::string& leftId) const;
    std::optional<std::string> leftFor(const std::string& rightId) const;
    // 1-based number shown on both cards of a pair (the left card's position), so a pair is
    // recognisable without colour alone; 0 when unpaired.
    int pairNumberOfLeft(const std::string& leftId) const;
    int pairNumberOfRight(const std::string& rightId) const;

    const std::vector<std::string>& leftIds() const { return left_; }
    const std::vector<std::string>& rightIds() const { return right_; }
    // Every left card paired (or every right card, when there are fewer right cards).
    bool canSubmit() const;
    // {"pairs": {"l1": "r2", ...}}
    nlohmann::json answer() const;

private:
    bool isLeft(const std::string& id) const;
    bool isRight(const std::string& id) const;

    std::vector<std::string> left_;
    std::vector<std::string> right_;
    std::map<std::string, std::string> pairs_; // left -> right
    std::optional<std::string> pendingLeft_;
    std::optional<std::string> pendingRight_;
};

} // namespace repere::ui::items
