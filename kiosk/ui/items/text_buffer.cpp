#include "ui/items/text_buffer.hpp"

#include "text/utf8.hpp"

namespace repere::ui::items {

bool TextBuffer::insert(std::string_view utf8) {
    if (utf8.empty()) {
        return false;
    }
    if (max_ != 0 && length() + text::codepointCount(utf8) > max_) {
        return false;
    }
    text_.append(utf8);
    return true;
}

bool TextBuffer::backspace() {
    if (text_.empty()) {
        return false;
    }
    text::popLastCodepoint(text_);
    return true;
}

bool TextBuffer::hasContent() const {
    return text_.find_first_not_of(" \t\n") != std::string::npos;
}

} // namespace repere::ui::items
