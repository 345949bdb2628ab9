#include "ui/items/order_model.hpp"

#include <algorithm>
#include <random>

namespace repere::ui::items {

OrderModel::OrderModel(std::vector<std::string> initialOrder) : order_(std::move(initialOrder)) {}

OrderModel::OrderModel(const quiz::Item& item, std::uint64_t seed) {
    for (const auto& o : item.options) {
        order_.push_back(o.id);
    }
    // A hand-written Fisher-Yates with mt19937_64 (std::shuffle's algorithm is not specified,
    // so the order would change between standard libraries).
    std::mt19937_64 rng(seed);
    for (std::size_t i = order_.size(); i > 1; --i) {
        std::swap(order_[i - 1], order_[rng() % i]);
    }
    // Starting in the right order would give the point for tapping "Valider" at once.
    if (order_.size() >= 2 && order_ == item.correct) {
        std::rotate(order_.begin(), order_.begin() + 1, order_.end());
    }
}

void OrderModel::tap(std::size_t position) {
    if (position >= order_.size()) {
        return;
    }
    if (!selected_) {
        selected_ = position;
        return;
    }
    if (*selected_ != position) {
        std::swap(order_[*selected_], order_[position]);
    }
    selected_.reset();
}

void OrderModel::move(std::size_t from, std::size_t to) {
    if (from >= order_.size() || to >= order_.size() || from == to) {
        return;
    }
    auto id = order_[from];
    order_.erase(order_.begin() + static_cast<std::ptrdiff_t>(from));
    order_.insert(order_.begin() + static_cast<std::ptrdiff_t>(to), id);
    selected_.reset();
}

nlohmann::json OrderModel::answer() const {
    return {{"order", order_}};
}

} // namespace repere::ui::items
