// A UTF-8 text being typed on the on-screen keyboard: insert, backspace by code point, a limit
// counted in characters (what the beneficiary sees), never in bytes.
#pragma once

#include "text/utf8.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace repere::ui::items {

class TextBuffer {
public:
    explicit TextBuffer(std::size_t maxChars = 0) : max_(maxChars) {}

    // Appends `utf8`; refuses (returns false) when the limit would be exceeded.
    bool insert(std::string_view utf8);
    // Removes the last character (a whole code point, e.g. "é"); false when already empty.
    bool backspace();
    void clear() { text_.clear(); }

    const std::string& text() const { return text_; }
    std::size_t length() const { return text::codepointCount(text_); }
    std::size_t maxChars() const { return max_; }
    bool empty() const { return text_.empty(); }
    // True when the text holds something other than spaces.
    bool hasContent() const;

private:
    std::string text_;
    std::size_t max_ = 0; // 0 = no limit
};

} // namespace repere::ui::items
