// "Did you mean ...?" hints for misspelt field names, types and ids.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace repere::quiz {

// The candidate closest to `word` when it is close enough to be a likely typo, else "".
std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean \"x\"?)" or "" when nothing is close.
std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates);

} // namespace repere::quiz
