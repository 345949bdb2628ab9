#include "quiz/suggest.hpp"

#include <algorithm>
#include <cctype>

namespace repere::quiz {

namespace {

// Case-insensitive Levenshtein distance; field names are short, so the O(n*m) table is fine.
std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                        std::tolower(static_cast<unsigned char>(b[j - 1]));
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates) {
    if (word.size() > 64) {
        return {};
    }
    std::string best;
    std::size_t bestDistance = 0;
    for (const auto& c : candidates) {
        std::size_t d = editDistance(word, c);
        if (best.empty() || d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    // A third of the word may be wrong (at least one letter, at most three): "optoins" -> "options".
    std::size_t allowed = std::clamp<std::size_t>(word.size() / 3, 1, 3);
    return (!best.empty() && bestDistance <= allowed) ? best : std::string{};
}

std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best = closestMatch(word, candidates);
    return best.empty() ? std::string{} : " (did you mean \"" + best + "\"?)";
}

} // namespace repere::quiz
