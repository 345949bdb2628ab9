// The order in which the person saw the cards of an item, drawn from the attempt, never the clock.
//
// Why from the attempt's seed: the engine already replays every draw from (quiz, seed, responses),
// so a resumed attempt shows the same first order again, and two attempts (two seeds) differ.
// Why the order is also stored with the answer ("shown"): a review or an export must show what
// the person saw even when the way the order is drawn changes in a later version.
#pragma once

#include "quiz/model.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace repere::engine {

// The first order of an order item's cards in the attempt with `attemptSeed`: a shuffle keyed
// by (seed, item id), never already in the right order when there are two cards or more.
std::vector<std::string> firstCardOrder(const quiz::Item& item, std::uint64_t attemptSeed);

// The option ids in the order they were on screen: the answer's "shown" list when it was
// recorded and names only the item's options, else the authored order.
std::vector<std::string> shownOptionOrder(const quiz::Item& item, const nlohmann::json& answer);

} // namespace repere::engine
