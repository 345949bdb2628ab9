// Virtual candidates through the real engine: how accurate and how long is placement?
//
// Each candidate gets a true ability per skill, drawn uniformly from `abilityMargin` logits
// below the first cut-point to `abilityMargin` above the last (the whole scale), takes the
// package through engine::Attempt, and answers each item right with the item response model's
// probability at its true ability (2PL: a, b of the item). Profile questions get a random
// option, info screens an empty answer. Placement is compared per skill that got an estimate.
//
// Used by `repere simulate` and by bench/adaptive.sh; deterministic for a seed.
#pragma once

#include "engine/attempt.hpp"
#include "engine/rng.hpp"
#include "quiz/model.hpp"

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace repere::engine {

// Sees every virtual attempt as the kiosk would: `repere simulate --data-dir` stores them through
// the real storage layer (the load generator for storage and sync). The engine stays storage-free.
class SimulationObserver {
public:
    virtual ~SimulationObserver() = default;
    // Before the candidate's attempt starts; returns the attempt uuid to use (the stored one).
    virtual std::string attemptStarting(int candidate, std::uint64_t attemptSeed) = 0;
    // After every answer, in order, before the next item is asked for.
    virtual void responded(const Response& response) = 0;
    // After the last answer and Attempt::finish().
    virtual void finished(const Attempt& attempt) = 0;
};

struct SimulationOptions {
    int candidates = 1000;
    std::uint64_t seed = 1;
    double abilityMargin = 1.5;
    // > 0: compare with a fixed-length test: every adaptive section becomes a linear one made of
    // its first `fixedLength` non-practice items in bank (authored) order.
    int fixedLength = 0;
    // When set, attempts get fresh random uuids and real timestamps (they are stored), and the
    // observer sees each one. Placement figures are the same with or without an observer.
    SimulationObserver* observer = nullptr;
    // Candidates answer as if each item's difficulty were another one ("true" difficulties, the
    // package's being an estimate): > 0 draws each scored item's true value as the package's
    // plus N(0, perturbSd²) (stream "perturb", seeded); `trueDifficulty` gives them outright
    // (item id -> logits; items missing keep the package's). The engine still places with the
    // package's values: how placement suffers from wrong difficulties, and the data a
    // calibration has to recover them from.
    double perturbSd = 0.0;
    std::map<std::string, double> trueDifficulty;
};

struct SimulationReport {
    int candidates = 0;
    int placements = 0;               // (candidate, skill) pairs compared
    double accuracyExact = 0.0;       // placed level == true level
    double accuracyWithinOne = 0.0;   // |placed - true| <= 1
    double medianItemsPerSkill = 0.0; // scored items per placed skill
    int maxItemsPerSkill = 0;
    double meanItemsPerSkill = 0.0;
    double rmse = 0.0; // of the ability estimate (logits)
    // The same per skill: a package can be fine overall and place one skill badly.
    struct SkillAccuracy {
        int placements = 0;
        double accuracyExact = 0.0;
        double accuracyWithinOne = 0.0;
    };
    std::map<std::string, SkillAccuracy> perSkill;
    // The difficulty each scored item was answered with (package's unless perturbed or given).
    std::map<std::string, double> trueDifficulty;

    // "accuracy_exact=X accuracy_within_one=Y median_items_per_skill=Z max_items_per_skill=W"
    std::string summaryLine() const;
};

SimulationReport simulate(const quiz::Quiz& quiz, const SimulationOptions& options);

// The fixed-length variant of a quiz (see SimulationOptions::fixedLength).
quiz::Quiz fixedLengthVariant(const quiz::Quiz& quiz, int length);

// A fully right answer to `item` and a wrong one, in the kiosk's answer shapes (scoring.hpp).
// Used by the simulation and handy in tests.
nlohmann::json rightAnswer(const quiz::Item& item);
nlohmann::json wrongAnswer(const quiz::Item& item);

} // namespace repere::engine
