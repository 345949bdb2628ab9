// Pictograms drawn with ImDrawList primitives: no image files to lose, crisp at every size.
#include "ui/widgets/widgets.hpp"

#include <cmath>

namespace repere::ui {
namespace {
constexpr float kPi = 3.14159265f;

ImVec2 at(const ImVec2& o, float s, float x, float y) {
    return {o.x + x * s, o.y + y * s};
}
} // namespace

// Long on purpose: one case per pictogram, each a few vector strokes; splitting would scatter the
// drawings.
void drawPicto(ImDrawList* dl, Picto p, const Rect& box, ImU32 col) {
    if (p == Picto::None)
        return;
    const float s = std::min(box.w(), box.h());
    const ImVec2 o{box.center().x - s * 0.5f, box.center().y - s * 0.5f}; // unit square origin
    const float t = std::max(2.f, s * 0.09f);                             // stroke
    auto P = [&](float x, float y) {
        return at(o, s, x, y);
    };

    switch (p) {
    case Picto::None:
        break;
    case Picto::ArrowRight:
        dl->AddLine(P(0.15f, 0.5f), P(0.8f, 0.5f), col, t);
        dl->AddTriangleFilled(P(0.55f, 0.22f), P(0.9f, 0.5f), P(0.55f, 0.78f), col);
        break;
    case Picto::ArrowLeft:
        dl->AddLine(P(0.85f, 0.5f), P(0.2f, 0.5f), col, t);
        dl->AddTriangleFilled(P(0.45f, 0.22f), P(0.1f, 0.5f), P(0.45f, 0.78f), col);
        break;
    case Picto::Check: {
        ImVec2 pts[] = {P(0.15f, 0.52f), P(0.4f, 0.78f), P(0.87f, 0.24f)};
        dl->AddPolyline(pts, 3, col, 0, t * 1.2f);
        break;
    }
    case Picto::Cross:
        dl->AddLine(P(0.2f, 0.2f), P(0.8f, 0.8f), col, t * 1.2f);
        dl->AddLine(P(0.8f, 0.2f), P(0.2f, 0.8f), col, t * 1.2f);
        break;
    case Picto::Speaker: {
        dl->AddRectFilled(P(0.08f, 0.36f), P(0.28f, 0.64f), col);
        ImVec2 cone[] = {P(0.28f, 0.36f), P(0.52f, 0.14f), P(0.52f, 0.86f), P(0.28f, 0.64f)};
        dl->AddConvexPolyFilled(cone, 4, col);
        dl->PathArcTo(P(0.52f, 0.5f), s * 0.18f, -kPi / 3.5f, kPi / 3.5f, 12);
        dl->PathStroke(col, 0, t * 0.8f);
        dl->PathArcTo(P(0.52f, 0.5f), s * 0.34f, -kPi / 3.2f, kPi / 3.2f, 16);
        dl->PathStroke(col, 0, t * 0.8f);
        break;
    }
    case Picto::SoundOff:
        drawPicto(dl, Picto::Speaker, box, col);
        dl->AddLine(P(0.06f, 0.94f), P(0.94f, 0.06f), col, t * 1.1f);
        break;
    case Picto::Pause:
        dl->AddRectFilled(P(0.24f, 0.18f), P(0.42f, 0.82f), col, s * 0.03f);
        dl->AddRectFilled(P(0.58f, 0.18f), P(0.76f, 0.82f), col, s * 0.03f);
        break;
    case Picto::Play:
        dl->AddTriangleFilled(P(0.25f, 0.15f), P(0.85f, 0.5f), P(0.25f, 0.85f), col);
        break;
    case Picto::Stop:
        dl->AddRectFilled(P(0.22f, 0.22f), P(0.78f, 0.78f), col, s * 0.05f);
        break;
    case Picto::Question: {
        dl->AddCircle(P(0.5f, 0.5f), s * 0.42f, col, 32, t * 0.8f);
        // A question mark from arcs and a dot: no font needed.
        dl->PathArcTo(P(0.5f, 0.38f), s * 0.14f, kPi, kPi * 2.35f, 16);
        dl->PathLineTo(P(0.5f, 0.6f));
        dl->PathStroke(col, 0, t * 0.8f);
        dl->AddCircleFilled(P(0.5f, 0.74f), s * 0.055f, col);
        break;
    }
    case Picto::Home: {
        ImVec2 roof[] = {P(0.1f, 0.5f), P(0.5f, 0.12f), P(0.9f, 0.5f)};
        dl->AddPolyline(roof, 3, col, 0, t);
        dl->AddRect(P(0.22f, 0.48f), P(0.78f, 0.88f), col, 0, 0, t);
        dl->AddRectFilled(P(0.43f, 0.62f), P(0.57f, 0.88f), col);
        break;
    }
    case Picto::Globe:
        dl->AddCircle(P(0.5f, 0.5f), s * 0.4f, col, 32, t * 0.8f);
        dl->AddLine(P(0.1f, 0.5f), P(0.9f, 0.5f), col, t * 0.6f);
        dl->AddLine(P(0.5f, 0.1f), P(0.5f, 0.9f), col, t * 0.6f);
        dl->PathArcTo(P(0.5f, 0.5f), s * 0.4f, -kPi / 2, kPi / 2, 16);
        dl->PathClear();
        // Meridian as an ellipse made of two arcs.
        for (int i = 0; i <= 24; ++i) {
            const float a = -kPi / 2 + kPi * 2 * i / 24.f;
            dl->PathLineTo(P(0.5f + 0.18f * std::cos(a), 0.5f + 0.4f * std::sin(a)));
        }
        dl->PathStroke(col, 0, t * 0.6f);
        break;
    case Picto::Computer:
        dl->AddRect(P(0.1f, 0.15f), P(0.9f, 0.68f), col, s * 0.04f, 0, t);
        dl->AddLine(P(0.5f, 0.68f), P(0.5f, 0.82f), col, t);
        dl->AddLine(P(0.28f, 0.85f), P(0.72f, 0.85f), col, t);
        break;
    case Picto::Speech: {
        dl->AddRect(P(0.1f, 0.15f), P(0.9f, 0.65f), col, s * 0.12f, 0, t);
        ImVec2 tail[] = {P(0.3f, 0.63f), P(0.25f, 0.88f), P(0.5f, 0.65f)};
        dl->AddPolyline(tail, 3, col, 0, t);
        dl->AddCircleFilled(P(0.32f, 0.4f), s * 0.05f, col);
        dl->AddCircleFilled(P(0.5f, 0.4f), s * 0.05f, col);
        dl->AddCircleFilled(P(0.68f, 0.4f), s * 0.05f, col);
        break;
    }
    case Picto::Person:
        dl->AddCircleFilled(P(0.5f, 0.3f), s * 0.17f, col, 24);
        dl->PathArcTo(P(0.5f, 0.92f), s * 0.36f, kPi, kPi * 2, 24);
        dl->PathFillConvex(col);
        break;
    case Picto::Key:
        dl->AddCircle(P(0.3f, 0.5f), s * 0.17f, col, 24, t);
        dl->AddLine(P(0.47f, 0.5f), P(0.9f, 0.5f), col, t);
        dl->AddLine(P(0.75f, 0.5f), P(0.75f, 0.66f), col, t);
        dl->AddLine(P(0.86f, 0.5f), P(0.86f, 0.62f), col, t);
        break;
    case Picto::Keypad:
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 3; ++c)
                dl->AddCircleFilled(P(0.25f + c * 0.25f, 0.25f + r * 0.25f), s * 0.08f, col);
        break;
    case Picto::Backspace: {
        ImVec2 shape[] = {P(0.05f, 0.5f), P(0.3f, 0.2f), P(0.92f, 0.2f), P(0.92f, 0.8f),
                          P(0.3f, 0.8f)};
        dl->AddPolyline(shape, 5, col, ImDrawFlags_Closed, t * 0.8f);
        dl->AddLine(P(0.45f, 0.36f), P(0.73f, 0.64f), col, t * 0.8f);
        dl->AddLine(P(0.73f, 0.36f), P(0.45f, 0.64f), col, t * 0.8f);
        break;
    }
    case Picto::Star: {
        ImVec2 pts[10];
        for (int i = 0; i < 10; ++i) {
            const float a = -kPi / 2 + i * kPi / 5;
            const float r = (i % 2 == 0) ? 0.45f : 0.19f;
            pts[i] = P(0.5f + r * std::cos(a), 0.53f + r * std::sin(a));
        }
        // Filled as a fan of triangles from the centre (the star is not convex).
        for (int i = 0; i < 10; ++i)
            dl->AddTriangleFilled(P(0.5f, 0.53f), pts[i], pts[(i + 1) % 10], col);
        break;
    }
    case Picto::Door:
        dl->AddRect(P(0.2f, 0.1f), P(0.62f, 0.9f), col, 0, 0, t);
        dl->AddCircleFilled(P(0.52f, 0.52f), s * 0.04f, col);
        dl->AddLine(P(0.6f, 0.5f), P(0.88f, 0.5f), col, t);
        dl->AddTriangleFilled(P(0.78f, 0.38f), P(0.95f, 0.5f), P(0.78f, 0.62f), col);
        break;
    case Picto::Info:
        dl->AddCircle(P(0.5f, 0.5f), s * 0.42f, col, 32, t * 0.8f);
        dl->AddCircleFilled(P(0.5f, 0.3f), s * 0.06f, col);
        dl->AddLine(P(0.5f, 0.44f), P(0.5f, 0.74f), col, t * 1.1f);
        break;
    case Picto::Pencil: {
        ImVec2 body[] = {P(0.22f, 0.68f), P(0.68f, 0.22f), P(0.8f, 0.34f), P(0.34f, 0.8f)};
        dl->AddConvexPolyFilled(body, 4, col);
        dl->AddTriangleFilled(P(0.22f, 0.68f), P(0.34f, 0.8f), P(0.14f, 0.88f), col);
        break;
    }
    case Picto::Microphone:
        dl->AddRectFilled(P(0.38f, 0.1f), P(0.62f, 0.58f), col, s * 0.12f);
        dl->PathArcTo(P(0.5f, 0.46f), s * 0.22f, 0, kPi, 16);
        dl->PathStroke(col, 0, t * 0.8f);
        dl->AddLine(P(0.5f, 0.68f), P(0.5f, 0.86f), col, t * 0.8f);
        dl->AddLine(P(0.34f, 0.88f), P(0.66f, 0.88f), col, t * 0.8f);
        break;
    case Picto::Hand:
        dl->AddRectFilled(P(0.3f, 0.45f), P(0.75f, 0.9f), col, s * 0.1f);
        for (int i = 0; i < 4; ++i)
            dl->AddRectFilled(P(0.3f + i * 0.115f, 0.15f + (i == 0 || i == 3 ? 0.08f : 0)),
                              P(0.38f + i * 0.115f, 0.55f), col, s * 0.04f);
        dl->AddRectFilled(P(0.15f, 0.45f), P(0.32f, 0.62f), col, s * 0.06f);
        break;
    }
}

} // namespace repere::ui
