// Rasch item difficulties by marginal maximum likelihood: Bock–Aitkin EM over a quadrature grid,
// the ability distribution estimated as a histogram on that grid (our candidates are not normal:
// a kiosk sees whoever comes), one latent scale per call (the caller runs one call per skill).
//
// Why marginal and not conditional ML: our items are chosen adaptively from earlier answers.
// The missing answers are then "missing at random" given the observed ones, which MML's
// likelihood ignores correctly; CML conditions on raw scores and is biased by that selection.
//
// Identification: the estimated items' mean difficulty is held at `anchorMean` (the caller passes
// the mean of their previous values), so the scale does not drift from one version to the next.
// Items marked `fixed` keep their value and still enter the likelihood.
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
    double start = 0.0; // starting value (the previous difficulty)
    bool fixed = false; // kept at `start`: too few responses, or all right / all wrong
};

struct MmlSettings {
    int quadraturePoints = 49;
    double lo = -6.0;
    double hi = 6.0;
    int maxIterations = 2000;
    double tolerance = 1e-4; // largest change of an estimated difficulty between iterations
    double anchorMean = 0.0; // mean difficulty of the estimated items after each M-step
};

struct MmlResult {
    bool converged = false;
    int iterations = 0;
    double lastChange = 0.0;        // largest difficulty change at the last iteration
    std::vector<double> difficulty; // per item (fixed ones unchanged)
    std::vector<double> se;         // per estimated item; 0 for fixed ones
    std::vector<double> infit;      // information-weighted mean square (1 = as the model says)
    std::vector<double> outfit;     // unweighted mean square
    std::vector<int> responses;     // per item
    std::vector<double> grid;       // quadrature points
    std::vector<double> weights;    // estimated ability distribution on the grid
    double populationMean = 0.0;    // of that distribution
    double populationSd = 0.0;
    double logLikelihood = 0.0; // marginal, at the last E-step
};

// `persons` is one more than the largest MmlResponse::person. Responses in any order.
MmlResult estimateRasch(int persons, const std::vector<MmlItem>& items,
                        const std::vector<MmlResponse>& responses, const MmlSettings& settings);

} // namespace repere::sync::server
