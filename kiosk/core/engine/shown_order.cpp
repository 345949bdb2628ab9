#include "engine/shown_order.hpp"

#include "engine/rng.hpp"

#include <algorithm>

namespace repere::engine {

std::vector<std::string> firstCardOrder(const quiz::Item& item, std::uint64_t attemptSeed) {
    std::vector<std::string> order;
    for (const auto& o : item.options)
        order.push_back(o.id);
    // Fisher-Yates with our own bounded draws (std::shuffle is not specified bit for bit).
    Rng rng(attemptSeed, "cards:" + item.id);
    for (std::size_t i = order.size(); i > 1; --i)
        std::swap(order[i - 1], order[rng.below(i)]);
    // Starting in the right order would give the point for tapping "Valider" at once.
    if (order.size() >= 2 && order == item.correct)
        std::rotate(order.begin(), order.begin() + 1, order.end());
    return order;
}

std::vector<std::string> shownOptionOrder(const quiz::Item& item, const nlohmann::json& answer) {
    std::vector<std::string> authored;
    for (const auto& o : item.options)
        authored.push_back(o.id);
    if (!answer.is_object() || !answer.contains("shown") || !answer["shown"].is_array())
        return authored;
    std::vector<std::string> shown;
    for (const auto& v : answer["shown"]) {
        if (!v.is_string())
            return authored;
        shown.push_back(v.get<std::string>());
    }
    // Only a permutation of the item's options is trusted (a record from another revision is not).
    auto a = authored, s = shown;
    std::sort(a.begin(), a.end());
    std::sort(s.begin(), s.end());
    return a == s ? shown : authored;
}

} // namespace repere::engine
