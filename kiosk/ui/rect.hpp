// Screen-space rectangles and the few layout cuts the screens need (no ImGui layout engine:
// every screen places its big elements explicitly so sizes follow the theme exactly).
#pragma once

#include <algorithm>
#include <imgui.h>

namespace repere::ui {

struct Rect {
    ImVec2 min{0, 0}, max{0, 0};

    float w() const { return max.x - min.x; }
    float h() const { return max.y - min.y; }
    ImVec2 size() const { return {w(), h()}; }
    ImVec2 center() const { return {(min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f}; }
    bool contains(ImVec2 p) const {
        return p.x >= min.x && p.x < max.x && p.y >= min.y && p.y < max.y;
    }
    bool empty() const { return w() <= 0 || h() <= 0; }

    Rect shrink(float d) const { return {{min.x + d, min.y + d}, {max.x - d, max.y - d}}; }
    Rect shrinkX(float d) const { return {{min.x + d, min.y}, {max.x - d, max.y}}; }
    // Cuts: take a band from one side, the rest stays in *this.
    Rect cutTop(float h) {
        Rect r{min, {max.x, std::min(max.y, min.y + h)}};
        min.y = r.max.y;
        return r;
    }
    Rect cutBottom(float h) {
        Rect r{{min.x, std::max(min.y, max.y - h)}, max};
        max.y = r.min.y;
        return r;
    }
    Rect cutLeft(float w) {
        Rect r{min, {std::min(max.x, min.x + w), max.y}};
        min.x = r.max.x;
        return r;
    }
    Rect cutRight(float w) {
        Rect r{{std::max(min.x, max.x - w), min.y}, max};
        max.x = r.min.x;
        return r;
    }
    // A centred rectangle of at most (w, h) inside this one.
    Rect centered(float cw, float ch) const {
        cw = std::min(cw, w());
        ch = std::min(ch, h());
        const ImVec2 c = center();
        return {{c.x - cw * 0.5f, c.y - ch * 0.5f}, {c.x + cw * 0.5f, c.y + ch * 0.5f}};
    }
    Rect translated(float dx, float dy) const {
        return {{min.x + dx, min.y + dy}, {max.x + dx, max.y + dy}};
    }
};

// Cell `i` of `n` equal columns separated by `gap`.
inline Rect column(const Rect& r, int i, int n, float gap) {
    const float cw = (r.w() - gap * (n - 1)) / n;
    const float x = r.min.x + i * (cw + gap);
    return {{x, r.min.y}, {x + cw, r.max.y}};
}

// Cell `i` of `n` equal rows separated by `gap`.
inline Rect row(const Rect& r, int i, int n, float gap) {
    const float rh = (r.h() - gap * (n - 1)) / n;
    const float y = r.min.y + i * (rh + gap);
    return {{r.min.x, y}, {r.max.x, y + rh}};
}

} // namespace repere::ui
