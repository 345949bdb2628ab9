// One full-screen canvas per frame: an ImGui window with no title bar, no border, no resize
// grip, no scrollbars, painted with the page colour. Screens draw inside it.
#pragma once

#include "ui/rect.hpp"
#include "ui/theme.hpp"

namespace repere::ui {

void beginCanvas(const Theme& theme);
void endCanvas();

// The area screens lay out in: the window minus the margins and the top bar.
Rect contentRect(const Theme& theme);
// The top bar's left part (left of the speaker button): progress and titles of the item screen.
Rect topBarRect(const Theme& theme);

} // namespace repere::ui
