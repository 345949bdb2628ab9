#include "quiz/suggest.hpp"

#include <algorithm>
#include <cctype>

namespace repere::quiz {

namespace {

char lower(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

// Case-insensitive edit distance counting a swap of two neighbours as one edit ("titel" ->
// "title"), the commonest typo. Field names are short, so the full table is fine.
std::size_t editDistance(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    std::vector<std::size_t> d((n + 1) * (m + 1));
    auto at = [&](std::size_t i, std::size_t j) -> std::size_t& {
        return d[i * (m + 1) + j];
    };
    for (std::size_t i = 0; i <= n; ++i) {
        at(i, 0) = i;
    }
    for (std::size_t j = 0; j <= m; ++j) {
        at(0, j) = j;
    }
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
                lower(a[i - 2]) == lower(b[j - 1])) {
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
            }
        }
    }
    return at(n, m);
}

bool sameLetters(std::string_view a, std::string_view b) {
    std::string x(a);
    std::string y(b);
    std::sort(x.begin(), x.end());
    std::sort(y.begin(), y.end());
    return x == y;
}

} // namespace

std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates) {
    if (word.size() > 64) {
        return {};
    }
    std::string best;
    std::size_t bestDistance = 0;
    for (const auto& c : candidates) {
        if (c.size() > 64) {
            continue;
        }
        std::size_t d = editDistance(word, c);
        // On a tie, the candidate with the same letters wins: "=>" means ">=", not "==".
        if (best.empty() || d < bestDistance ||
            (d == bestDistance && sameLetters(word, c) && !sameLetters(word, best))) {
            best = c;
            bestDistance = d;
        }
    }
    // A third of the word may be wrong (at least one letter, at most three): "optoins" ->
    // "options".
    std::size_t allowed = std::clamp<std::size_t>(word.size() / 3, 1, 3);
    return (!best.empty() && bestDistance <= allowed) ? best : std::string{};
}

std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best = closestMatch(word, candidates);
    return best.empty() ? std::string{} : " (did you mean \"" + best + "\"?)";
}

} // namespace repere::quiz
