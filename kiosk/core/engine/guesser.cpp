#include "engine/guesser.hpp"

#include "engine/attempt.hpp"
#include "engine/simulation.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

namespace repere::engine {

using nlohmann::json;
using quiz::Item;
using quiz::ItemType;

namespace {

std::size_t chars(const std::string& s) {
    return text::decodeUtf8(s).size();
}

// The option a test-wise person taps: the strictly longest written one, else one of the middle
// places (the old package put picture keys there).
std::size_t guessedOption(const Item& item, Rng& rng) {
    const auto& opts = item.options;
    std::size_t best = 0, bestLength = 0;
    bool tie = false;
    for (std::size_t i = 0; i < opts.size(); ++i) {
        const std::size_t n = opts[i].image.empty() ? chars(opts[i].text) : 0;
        if (n > bestLength) {
            best = i;
            bestLength = n;
            tie = false;
        } else if (n == bestLength) {
            tie = true;
        }
    }
    if (bestLength > 0 && !tie)
        return best;
    if (opts.size() < 3)
        return rng.below(opts.size());
    // 3 options: the second; 4: the second or third; 5: the second to the fourth.
    return 1 + rng.below(opts.size() - 2);
}

json choiceAnswer(const Item& item, Strategy strategy, Rng& rng) {
    if (item.options.empty())
        return {{"selected", json::array()}};
    const std::size_t i =
        strategy == Strategy::Guesser ? guessedOption(item, rng) : rng.below(item.options.size());
    return {{"selected", {item.options[i].id}}};
}

json hotspotAnswer(const Item& item, Rng& rng) {
    // Where the areas are on the screen says nothing of which is right: both tap one at random.
    if (item.areas.empty())
        return {{"x", -1.0}, {"y", -1.0}};
    Item one = item;
    one.correct = {item.areas[rng.below(item.areas.size())].id};
    return rightAnswer(one);
}

json matchAnswer(const Item& item, Rng& rng) {
    std::vector<std::size_t> perm(item.right.size());
    std::iota(perm.begin(), perm.end(), 0);
    for (std::size_t i = perm.size(); i > 1; --i)
        std::swap(perm[i - 1], perm[rng.below(i)]);
    json pairs = json::object();
    for (std::size_t i = 0; i < item.options.size() && i < perm.size(); ++i)
        pairs[item.options[i].id] = item.right[perm[i]].id;
    return {{"pairs", pairs}};
}

json orderAnswer(const Item& item, Strategy strategy, Rng& rng) {
    json order = json::array();
    std::vector<std::string> ids;
    for (const auto& o : item.options)
        ids.push_back(o.id);
    if (strategy == Strategy::Tapper)
        for (std::size_t i = ids.size(); i > 1; --i)
            std::swap(ids[i - 1], ids[rng.below(i)]);
    for (const auto& id : ids)
        order.push_back(id);
    return {{"order", order}};
}

json simAnswer(const Item& item, Strategy strategy, Rng& rng) {
    if (item.scenario != quiz::SimScenario::PhishingMessage)
        return wrongAnswer(item); // typing an address, an e-mail or a form needs the skill
    if (strategy == Strategy::Guesser)
        return {{"state", "deleted"}, {"steps", json::array()}}; // "it's always a scam"
    static const char* actions[] = {"deleted", "reported", "opened_link"};
    return {{"state", actions[rng.below(3)]}, {"steps", json::array()}};
}

} // namespace

json strategyAnswer(const Item& item, Strategy strategy, Rng& rng) {
    switch (item.type) {
    case ItemType::Choice:
        return choiceAnswer(item, strategy, rng);
    case ItemType::Hotspot:
        return hotspotAnswer(item, rng);
    case ItemType::Match:
        return matchAnswer(item, rng);
    case ItemType::Order:
        return orderAnswer(item, strategy, rng);
    case ItemType::Sim:
        return simAnswer(item, strategy, rng);
    case ItemType::Info:
    case ItemType::Profile:
        return rightAnswer(item);
    default:
        return wrongAnswer(item);
    }
}

std::map<std::string, double> meanPlacedLevels(const quiz::Quiz& quiz, Strategy strategy,
                                               int candidates, std::uint64_t seed) {
    std::map<std::string, double> sum;
    for (const auto& skill : quiz.framework.skills)
        sum[skill.id] = 0.0;
    const char* label = strategy == Strategy::Guesser ? "guesser" : "tapper";
    for (int c = 0; c < candidates; ++c) {
        Rng rng(seed, label, static_cast<std::uint64_t>(c));
        AttemptOptions options;
        options.seed =
            streamSeed(seed, label, static_cast<std::uint64_t>(c)) & 0x7FFFFFFFFFFFFFFFull;
        options.attemptUuid = std::string(label) + "-" + std::to_string(c);
        int counter = 0;
        options.newUuid = [&counter] {
            return "g-r" + std::to_string(counter++);
        };
        options.nowMs = [] {
            return std::int64_t{0};
        };
        Attempt attempt(quiz, options);
        while (auto current = attempt.current())
            attempt.answer(strategyAnswer(*current->item, strategy, rng), 1000);
        for (const auto& skill : attempt.results().skills)
            if (skill.level && sum.count(skill.skillId))
                sum[skill.skillId] += static_cast<double>(*skill.level);
    }
    for (auto& [id, s] : sum)
        s /= std::max(1, candidates);
    return sum;
}

} // namespace repere::engine
