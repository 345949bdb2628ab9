// Interaction model of a hotspot item: the person taps the picture, a marker shows where, they can
// tap again to move it, then "Valider". Coordinates are fractions of the image (0..1) so the
// answer does not depend on the screen size.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

namespace repere::ui::items {

struct ImagePoint {
    double x = 0.0; // 0 = left edge, 1 = right edge
    double y = 0.0; // 0 = top edge, 1 = bottom edge
};

class HotspotModel {
public:
    // Taps outside the image (fractions outside 0..1) are ignored and return false.
    bool tap(double fx, double fy);
    const std::optional<ImagePoint>& point() const { return point_; }
    bool canSubmit() const { return point_.has_value(); }
    // {"x": 0.42, "y": 0.31} rounded to 4 decimals.
    nlohmann::json answer() const;

private:
    std::optional<ImagePoint> point_;
};

} // namespace repere::ui::items
