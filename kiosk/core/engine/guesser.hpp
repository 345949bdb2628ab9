// Candidates without the skill, to find give-aways (issue 17): a test-wise guesser who taps the
// longest written answer (else a middle one) and calls every message a scam, and a tapper who
// taps at random. If the guesser is placed clearly above the tapper, the items teach their keys.
//
// Both go through the real engine (engine::Attempt), like the candidates of simulation.hpp; what
// they cannot do at all (type an e-mail, fill a form) they get wrong.
#pragma once

#include "engine/rng.hpp"
#include "quiz/model.hpp"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace repere::engine {

enum class Strategy {
    Guesser, // longest written option, else a middle one; "delete" on every message; order as shown
    Tapper   // a random option, area, pairing, order or message action
};

// The answer the strategy gives to `item`, in the kiosk's answer shapes (scoring.hpp).
nlohmann::json strategyAnswer(const quiz::Item& item, Strategy strategy, Rng& rng);

// Mean placed level index (0 = lowest) per skill over `candidates` attempts; a skill not placed
// in an attempt counts as the lowest level.
std::map<std::string, double> meanPlacedLevels(const quiz::Quiz& quiz, Strategy strategy,
                                               int candidates, std::uint64_t seed);

} // namespace repere::engine
