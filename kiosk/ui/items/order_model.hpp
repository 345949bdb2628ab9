// Interaction model of an order item: cards in a column, put them in the right order.
// Tap one card, then tap another: they swap places (tap-then-tap replaces dragging). Tapping the
// selected card again cancels. A drag calls move(from, to).
#pragma once

#include "quiz/model.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace repere::ui::items {

class OrderModel {
public:
    // Cards shown in exactly this order.
    explicit OrderModel(std::vector<std::string> initialOrder);
    // Cards of the item in the attempt's first order (engine::firstCardOrder: same attempt, same
    // order, also after a pause), never starting in the right order with two cards or more.
    OrderModel(const quiz::Item& item, std::uint64_t attemptSeed);

    void tap(std::size_t position);
    void move(std::size_t from, std::size_t to);
    const std::optional<std::size_t>& selected() const { return selected_; }
    const std::vector<std::string>& order() const { return order_; }

    bool canSubmit() const { return !order_.empty(); }
    // {"order": ["c", "a", "b"], "shown": ["b", "c", "a"]}: the answer and the first order seen.
    nlohmann::json answer() const;

private:
    std::vector<std::string> order_;
    std::vector<std::string> shown_;
    std::optional<std::size_t> selected_;
};

} // namespace repere::ui::items
