// Strict JSON reading for quiz files: UTF-8 checked first, nesting bounded, duplicate keys
// reported, syntax errors located by line and column (what an author's editor shows).
#pragma once

#include "quiz/diagnostics.hpp"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace repere::quiz {

inline constexpr std::size_t kMaxJsonDepth = 64;

// "line L, column C" of the byte at `offset` (columns count characters, both 1-based).
std::string lineColumn(std::string_view text, std::size_t offset);

// Parses `text`; on any problem reports it and returns nullopt. Never throws.
// With `contentDigest`, also writes the SHA-256 of the document's token stream (values, keys and
// structure in document order; spaces, line breaks and number spelling left out), computed
// while parsing so the package content hash costs no second pass over the document.
std::optional<nlohmann::json> parseJsonText(std::string_view text, Reporter& report,
                                            std::string* contentDigest = nullptr);

} // namespace repere::quiz
