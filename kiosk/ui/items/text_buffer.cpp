#include "ui/items/text_buffer.hpp"

namespace repere::ui::items {

namespace {
bool isContinuation(unsigned char c) {
    return (c & 0xC0) == 0x80;
}
} // namespace

std::size_t utf8Length(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text) {
        if (!isContinuation(c)) {
            ++n;
        }
    }
    return n;
}

bool TextBuffer::insert(std::string_view utf8) {
    if (utf8.empty()) {
        return false;
    }
    if (max_ != 0 && length() + utf8Length(utf8) > max_) {
        return false;
    }
    text_.append(utf8);
    return true;
}

bool TextBuffer::backspace() {
    if (text_.empty()) {
        return false;
    }
    std::size_t end = text_.size() - 1;
    while (end > 0 && isContinuation(static_cast<unsigned char>(text_[end]))) {
        --end;
    }
    text_.erase(end);
    return true;
}

bool TextBuffer::hasContent() const {
    return text_.find_first_not_of(" \t\n") != std::string::npos;
}

} // namespace repere::ui::items
