#include "ui/items/write_model.hpp"

namespace repere::ui::items {

WriteModel::WriteModel(const quiz::Item& item)
    : buffer_(item.maxLength > 0 ? static_cast<std::size_t>(item.maxLength) : 0) {}

} // namespace repere::ui::items
