// Where the kiosk breaks a text into lines: one function, used by ui::text to draw and to measure,
// so what is measured is what is drawn.
#pragma once

#include <string_view>
#include <vector>

struct ImFont;

namespace repere::ui {

// The lines of `text` at `px` within `width`: greedy, with ImGui's word breaks (at spaces and tabs,
// and after . , ; ! ?); an explicit newline starts a new line; spaces at a line's end are dropped.
// A no-break space (U+00A0, U+202F) is not a break: a code written "2 5 8 0" with them, or
// "14 h", never splits over two lines. A word wider than the line is cut rather than looping.
std::vector<std::string_view> wrapLines(const ImFont* font, float px, float width,
                                        std::string_view text);

} // namespace repere::ui
