#include "quiz/diagnostics.hpp"

namespace repere::quiz {

std::string Diagnostic::format() const {
    std::string out = file;
    out += ':';
    if (!pointer.empty()) {
        out += pointer;
        out += ':';
    }
    out += ' ';
    if (warning) {
        out += "warning: ";
    }
    out += message;
    return out;
}

void Reporter::error(std::string pointer, std::string message) {
    out_->push_back(Diagnostic{file_, std::move(pointer), std::move(message), false});
    ++errors_;
}

void Reporter::warning(std::string pointer, std::string message) {
    out_->push_back(Diagnostic{file_, std::move(pointer), std::move(message), true});
}

std::string pointerJoin(const std::string& base, std::string_view key) {
    std::string out = base;
    out += '/';
    for (char c : key) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

std::string pointerJoin(const std::string& base, std::size_t index) {
    return base + "/" + std::to_string(index);
}

std::string inQuotes(std::string_view s) {
    std::string out = "\"";
    out += s;
    out += '"';
    return out;
}

} // namespace repere::quiz
