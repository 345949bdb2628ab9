#include "quiz/json_text.hpp"

#include "text/utf8.hpp"
#include "util/digest.hpp"

#include <cstdio>
#include <cstring>
#include <vector>

namespace repere::quiz {

using nlohmann::json;

std::string lineColumn(std::string_view text, std::size_t offset) {
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if (!text::isContinuationByte(c)) { // count characters, not continuation bytes
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

namespace {

// Builds the DOM like nlohmann's own SAX DOM parser, but knows where it is (for pointers),
// refuses deep nesting before it costs anything and reports duplicate keys, which the
// standard parser silently resolves by keeping the last one.
// The tokens of the document, each with a tag and a length, fed to SHA-256 through a buffer
// (one libsodium call per 64 KiB, not per token). Spaces, line breaks and the spelling of numbers
// (1.0 / 1.00) do not change the digest; any value, key or structure does.
class TokenHasher {
public:
    void add(char tag, std::string_view bytes = {}) {
        buffer_ += tag;
        buffer_ += std::to_string(bytes.size());
        buffer_ += ':';
        buffer_.append(bytes);
        if (buffer_.size() >= 64 * 1024) {
            flush();
        }
    }
    template <typename Number> void addNumber(char tag, Number n) {
        char bytes[sizeof n];
        std::memcpy(bytes, &n, sizeof n);
        add(tag, std::string_view(bytes, sizeof n));
    }
    std::string hexDigest() {
        flush();
        return sha_.hexDigest();
    }

private:
    void flush() {
        sha_.update(buffer_);
        buffer_.clear();
    }
    std::string buffer_;
    util::Sha256 sha_;
};

class CheckingBuilder : public nlohmann::json_sax<json> {
public:
    CheckingBuilder(std::string_view text, Reporter& report, TokenHasher* hasher)
        : text_(text), report_(report), hasher_(hasher) {}

    bool null() override { return hashed('n'), put(json(nullptr)); }
    bool boolean(bool v) override { return hashed(v ? 't' : 'f'), put(json(v)); }
    bool number_integer(number_integer_t v) override { return hashedNumber('i', v), put(json(v)); }
    bool number_unsigned(number_unsigned_t v) override {
        return hashedNumber('u', v), put(json(v));
    }
    bool number_float(number_float_t v, const string_t&) override {
        return hashedNumber('d', v), put(json(v));
    }
    bool string(string_t& v) override { return hashed('s', v), put(json(std::move(v))); }
    bool binary(binary_t&) override { return put(json()); }

    bool start_object(std::size_t) override { return hashed('{'), open(json::object()); }
    bool start_array(std::size_t) override { return hashed('['), open(json::array()); }
    bool end_object() override { return hashed('}'), close(); }
    bool end_array() override { return hashed(']'), close(); }

    bool key(string_t& k) override {
        hashed('k', k);
        Frame& top = stack_.back();
        if (top.value->contains(k)) {
            report_.error(pointerJoin(pointerOfTop(), k),
                          "duplicate key " + inQuotes(k) + " in the same object (keep only one)");
        }
        top.key = std::move(k);
        return true;
    }

    bool parse_error(std::size_t position, const std::string& lastToken,
                     const nlohmann::detail::exception& ex) override {
        std::size_t at = position > 0 ? position - 1 : 0;
        std::string detail = ex.what();
        // nlohmann says "[json.exception.parse_error.101] parse error at line 1, column 5: X";
        // keep X, our own location is given in the pointer slot.
        if (auto colon = detail.find(": ", detail.find("parse error"));
            colon != std::string::npos) {
            detail = detail.substr(colon + 2);
        }
        std::string message = "invalid JSON: " + detail;
        if (lastToken.size() >= 2 && (lastToken.back() == '}' || lastToken.back() == ']')) {
            auto prev = lastToken.find_last_not_of(" \t\r\n", lastToken.size() - 2);
            if (prev != std::string::npos && lastToken[prev] == ',') {
                message += " (a comma before a closing bracket is not allowed in JSON)";
            }
        }
        report_.error(lineColumn(text_, at), message);
        return false;
    }

    std::optional<json> take() {
        if (!rootPlaced_ || failed_ || !stack_.empty()) {
            return std::nullopt;
        }
        return std::move(root_);
    }

private:
    struct Frame {
        json* value;
        std::string key; // object: key of the value being read
    };

    std::string pointerOfTop() const {
        std::string ptr;
        for (std::size_t i = 0; i + 1 < stack_.size(); ++i) {
            const Frame& f = stack_[i];
            ptr = f.value->is_object() ? pointerJoin(ptr, f.key)
                                       : pointerJoin(ptr, f.value->size() - 1);
        }
        return ptr;
    }

    std::string pointerOfNext() const {
        std::string ptr = pointerOfTop();
        if (stack_.empty()) {
            return ptr;
        }
        const Frame& f = stack_.back();
        return f.value->is_object() ? pointerJoin(ptr, f.key) : pointerJoin(ptr, f.value->size());
    }

    void hashed(char tag, std::string_view bytes = {}) {
        if (hasher_) {
            hasher_->add(tag, bytes);
        }
    }
    template <typename Number> void hashedNumber(char tag, Number n) {
        if (hasher_) {
            hasher_->addNumber(tag, n);
        }
    }

    json* place(json&& v) {
        if (stack_.empty()) {
            root_ = std::move(v);
            rootPlaced_ = true;
            return &root_;
        }
        Frame& top = stack_.back();
        if (top.value->is_object()) {
            json& slot = (*top.value)[top.key];
            slot = std::move(v);
            return &slot;
        }
        top.value->push_back(std::move(v));
        return &top.value->back();
    }

    bool put(json&& v) {
        place(std::move(v));
        return true;
    }

    bool open(json&& container) {
        if (stack_.size() >= kMaxJsonDepth) {
            report_.error(pointerOfNext(), "nesting deeper than " + std::to_string(kMaxJsonDepth) +
                                               " levels of objects and arrays");
            failed_ = true;
            return false;
        }
        json* slot = place(std::move(container));
        stack_.push_back(Frame{slot, {}});
        return true;
    }

    bool close() {
        stack_.pop_back();
        return true;
    }

    std::string_view text_;
    Reporter& report_;
    TokenHasher* hasher_;
    json root_;
    std::vector<Frame> stack_;
    bool rootPlaced_ = false;
    bool failed_ = false;
};

} // namespace

std::optional<json> parseJsonText(std::string_view text, Reporter& report,
                                  std::string* contentDigest) {
    // Editors on Windows may save a byte-order mark; it is not an error for an author.
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
    }
    if (auto bad = text::firstInvalidUtf8(text); bad != std::string_view::npos) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
        report.error(lineColumn(text, bad), std::string("invalid UTF-8 (byte ") + byte +
                                                "): save the file with the UTF-8 encoding");
        return std::nullopt;
    }
    std::size_t errorsBefore = report.errorCount();
    TokenHasher hasher;
    CheckingBuilder builder(text, report, contentDigest ? &hasher : nullptr);
    bool ok = false;
    try {
        ok = json::sax_parse(text, &builder, json::input_format_t::json, true, false);
    } catch (const std::exception& e) { // defensive: the SAX parser reports through parse_error
        report.error("", std::string("invalid JSON: ") + e.what());
        return std::nullopt;
    }
    auto value = builder.take();
    if (!ok || !value) {
        if (report.errorCount() == errorsBefore) {
            report.error("", "invalid JSON");
        }
        return std::nullopt;
    }
    if (contentDigest) {
        *contentDigest = hasher.hexDigest();
    }
    return value; // duplicate keys were reported but the rest is still worth checking
}

} // namespace repere::quiz
