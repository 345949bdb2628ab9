#include "ui/items/hotspot_model.hpp"

#include <cmath>

namespace repere::ui::items {

namespace {
double round4(double v) {
    return std::round(v * 10000.0) / 10000.0;
}
} // namespace

bool HotspotModel::tap(double fx, double fy) {
    if (!(fx >= 0.0 && fx <= 1.0 && fy >= 0.0 && fy <= 1.0)) {
        return false;
    }
    point_ = ImagePoint{fx, fy};
    return true;
}

nlohmann::json HotspotModel::answer() const {
    if (!point_) {
        return nlohmann::json::object();
    }
    return {{"x", round4(point_->x)}, {"y", round4(point_->y)}};
}

} // namespace repere::ui::items
