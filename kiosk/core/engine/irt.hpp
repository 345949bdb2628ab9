// Item response model for placement: 2PL (Rasch when a = 1) and an expected-a-posteriori
// ability estimate on a fixed grid with a normal prior.
//
// Why EAP on a grid: it is defined for all-right and all-wrong patterns (maximum likelihood runs
// to infinity there, and those are exactly our first answers), costs a few microseconds, and
// gives the posterior standard error the stopping rule needs.
#pragma once

#include <cstddef>
#include <vector>

namespace repere::engine {

struct IrtItem {
    double a = 1.0; // discrimination
    double b = 0.0; // difficulty
};

// One observation: `x` in [0, 1] is the fraction of the item's points obtained (1 right, 0 wrong
// or "Je ne sais pas"; partial credit enters as a fractional Bernoulli observation).
struct Observation {
    IrtItem item;
    double x = 0.0;
};

// P(right | theta).
double probability(const IrtItem& item, double theta);
// Fisher information a² P (1 - P).
double information(const IrtItem& item, double theta);

struct AbilityEstimate {
    double theta = 0.0; // posterior mean
    double se = 0.0;    // posterior standard deviation
    // Posterior probability of each level (filled when cut-points are given): mass of the
    // posterior between consecutive cut-points.
    std::vector<double> levelProbabilities;
    // Most probable level (index), or the level of `theta` when no cut-points were given.
    std::size_t likeliestLevel() const;
};

struct GridSettings {
    double lo = -6.0;
    double hi = 6.0;
    int points = 121;
};

// Posterior mean and SD of ability given observations and a N(priorMean, priorSd²) prior.
AbilityEstimate estimateAbility(const std::vector<Observation>& observations, double priorMean,
                                double priorSd, const GridSettings& grid = {},
                                const std::vector<double>& cutPoints = {});

} // namespace repere::engine
