// Interaction model of a write item: free text typed on the on-screen keyboard, scored later by a
// trainer. The limit comes from the item's maxLength (characters).
#pragma once

#include "quiz/model.hpp"
#include "ui/items/text_buffer.hpp"

#include <nlohmann/json.hpp>
#include <string_view>

namespace repere::ui::items {

class WriteModel {
public:
    explicit WriteModel(std::size_t maxChars) : buffer_(maxChars) {}
    explicit WriteModel(const quiz::Item& item);

    bool type(std::string_view utf8) { return buffer_.insert(utf8); }
    bool backspace() { return buffer_.backspace(); }
    const TextBuffer& buffer() const { return buffer_; }

    bool canSubmit() const { return buffer_.hasContent(); }
    // {"text": "…"} exactly as typed (a trainer reads it; nothing is corrected)
    nlohmann::json answer() const { return {{"text", buffer_.text()}}; }

private:
    TextBuffer buffer_;
};

} // namespace repere::ui::items
