#include "ui/widgets/text_wrap.hpp"

#include "text/utf8.hpp"

#include <imgui.h>

namespace repere::ui {

std::vector<std::string_view> wrapLines(const ImFont* font, float px, float width,
                                        std::string_view text) {
    std::vector<std::string_view> lines;
    const char* s = text.data();
    const char* end = text.data() + text.size();
    const float scale = px / font->FontSize;
    while (s < end) {
        const char* nl = s;
        while (nl < end && *nl != '\n')
            ++nl;
        // ImGui 1.86 breaks only at ' ', '\t' and U+3000 (ImCharIsBlankW): U+00A0 and U+202F are
        // letters to it, which is what keeps a code whole.
        const char* eol = font->CalcWordWrapPositionA(scale, s, nl, width);
        if (eol <= s) { // a single word wider than the line: cut it rather than loop
            eol = s + 1;
            while (eol < nl && text::isContinuationByte(static_cast<unsigned char>(*eol)))
                ++eol;
        }
        const char* lineEnd = eol;
        while (lineEnd > s && (lineEnd[-1] == ' '))
            --lineEnd;
        lines.emplace_back(s, static_cast<std::size_t>(lineEnd - s));
        s = eol;
        while (s < nl && *s == ' ')
            ++s;
        if (s == nl && nl < end)
            ++s; // consume the newline
    }
    return lines;
}

} // namespace repere::ui
