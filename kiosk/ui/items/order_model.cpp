#include "ui/items/order_model.hpp"

#include "engine/shown_order.hpp"

namespace repere::ui::items {

OrderModel::OrderModel(std::vector<std::string> initialOrder)
    : order_(std::move(initialOrder)), shown_(order_) {}

OrderModel::OrderModel(const quiz::Item& item, std::uint64_t attemptSeed)
    : OrderModel(engine::firstCardOrder(item, attemptSeed)) {}

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
    return {{"order", order_}, {"shown", shown_}};
}

} // namespace repere::ui::items
