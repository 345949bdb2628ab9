// Levenshtein distance over code points (not bytes: "é" is one letter to a reader, two bytes
// to a naive byte comparison, which would double the cost of every accent mistake).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace repere::text {

// Insertions, deletions and substitutions, each of cost 1.
std::size_t editDistance(std::u32string_view a, std::u32string_view b);

// Same, on UTF-8 strings (decoded first).
std::size_t editDistanceUtf8(std::string_view a, std::string_view b);

} // namespace repere::text
