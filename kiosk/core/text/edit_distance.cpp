#include "text/edit_distance.hpp"

#include "text/utf8.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

namespace repere::text {

std::size_t editDistance(std::u32string_view a, std::u32string_view b) {
    if (a.size() < b.size()) {
        std::swap(a, b); // keep the row as short as possible
    }
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::size_t editDistanceUtf8(std::string_view a, std::string_view b) {
    return editDistance(decodeUtf8(a), decodeUtf8(b));
}

} // namespace repere::text
