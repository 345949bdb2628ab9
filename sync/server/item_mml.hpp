// Item parameters by marginal maximum likelihood: Bock–Aitkin EM over a quadrature grid, the
// ability distribution estimated as a histogram on that grid (our candidates are not normal: a
// kiosk sees whoever comes), one latent scale per call (the caller runs one call per skill).
// Rasch items get a difficulty b; items the package declares two-parameter (2PL) also get a
// discrimination a: P(right | θ) = 1 / (1 + exp(-a (θ - b))).
//
// Why marginal and not conditional ML: our items are chosen adaptively from earlier answers.
// The missing answers are then "missing at random" given the observed ones, which MML's
// likelihood ignores correctly; CML conditions on raw scores and is biased by that selection
// (and has no sufficient statistic at all once items have different discriminations).
//
// Identification. Location: the estimated items' mean difficulty is held at `anchorMean` (the
// caller passes the mean of their previous values), so the scale does not drift from one version
// to the next. Unit: set by the items whose discrimination is not estimated (Rasch items, a = 1,
// and kept items); when every item of the call is an estimated 2PL item, nothing else sets it, so
// the geometric mean of their discriminations is held at that of their previous values.
// Items marked `fixed` keep their values and still enter the likelihood.
#pragma once

#include <cstddef>
#include <vector>

namespace repere::sync::server {

struct MmlResponse {
    int person = 0; // 0-based, dense
    int item = 0;   // index into the items vector
    double x = 0.0; // fraction of the points obtained, in [0, 1]
};

struct MmlItem {
    double start = 0.0;        // starting difficulty (the previous value)
    double startA = 1.0;       // discrimination: 1 for a Rasch item; kept unless twoParameter
    bool twoParameter = false; // estimate the discrimination too (the package declares it 2PL)
    bool fixed = false;        // kept at its start values: too few responses, all right/wrong
};

struct MmlSettings {
    int quadraturePoints = 49;
    double lo = -6.0;
    double hi = 6.0;
    int maxIterations = 2000;
    double tolerance = 1e-4; // largest change of an estimated parameter between iterations
    double anchorMean = 0.0; // mean difficulty of the estimated items after each M-step
};

struct MmlResult {
    bool converged = false;
    int iterations = 0;
    double lastChange = 0.0;              // largest parameter change at the last iteration
    std::vector<double> difficulty;       // per item (fixed ones unchanged)
    std::vector<double> se;               // of the difficulty, per estimated item; 0 for fixed ones
    std::vector<double> discrimination;   // per item: 1 for Rasch items, the estimate for 2PL ones
    std::vector<double> seDiscrimination; // per estimated 2PL item; 0 otherwise
    std::vector<double> infit;   // information-weighted mean square (1 = as the model says)
    std::vector<double> outfit;  // unweighted mean square
    std::vector<int> responses;  // per item
    std::vector<double> grid;    // quadrature points
    std::vector<double> weights; // estimated ability distribution on the grid
    double populationMean = 0.0; // of that distribution
    double populationSd = 0.0;
    double logLikelihood = 0.0; // marginal, at the last E-step
};

// `persons` is one more than the largest MmlResponse::person. Responses in any order.
MmlResult estimateItems(int persons, const std::vector<MmlItem>& items,
                        const std::vector<MmlResponse>& responses, const MmlSettings& settings);

} // namespace repere::sync::server
