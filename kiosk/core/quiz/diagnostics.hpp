// Collects the problems found in one file while loading a package.
//
// Readers never stop at the first problem: they report and carry on, so an author sees every
// problem of a package in one run.
#pragma once

#include "quiz/loader.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace repere::quiz {

class Reporter {
public:
    Reporter(std::string file, std::vector<Diagnostic>& out) : file_(std::move(file)), out_(&out) {}

    void error(std::string pointer, std::string message);
    void warning(std::string pointer, std::string message);
    std::size_t errorCount() const { return errors_; }
    const std::string& file() const { return file_; }

private:
    std::string file_;
    std::vector<Diagnostic>* out_;
    std::size_t errors_ = 0;
};

// JSON pointer helpers (RFC 6901: "~" -> "~0", "/" -> "~1").
std::string pointerJoin(const std::string& base, std::string_view key);
std::string pointerJoin(const std::string& base, std::size_t index);

// Quotes a value for a message: "abc".
std::string inQuotes(std::string_view s);

} // namespace repere::quiz
