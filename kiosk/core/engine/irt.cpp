#include "engine/irt.hpp"

#include <algorithm>
#include <cmath>

namespace repere::engine {

double probability(const IrtItem& item, double theta) {
    return 1.0 / (1.0 + std::exp(-item.a * (theta - item.b)));
}

double information(const IrtItem& item, double theta) {
    const double p = probability(item, theta);
    return item.a * item.a * p * (1.0 - p);
}

AbilityEstimate estimateAbility(const std::vector<Observation>& observations, double priorMean,
                                double priorSd, const GridSettings& grid,
                                const std::vector<double>& cutPoints) {
    const int n = std::max(grid.points, 3);
    const double step = (grid.hi - grid.lo) / (n - 1);
    const double sd = priorSd > 0.0 ? priorSd : 1.0;
    std::vector<double> logPost(static_cast<std::size_t>(n));
    double best = -INFINITY;
    for (int i = 0; i < n; ++i) {
        const double theta = grid.lo + step * i;
        const double z = (theta - priorMean) / sd;
        double lp = -0.5 * z * z;
        for (const auto& o : observations) {
            // log P and log(1-P) computed stably from the logit.
            const double logit = o.item.a * (theta - o.item.b);
            const double logP = -std::log1p(std::exp(-logit));
            const double logQ = -std::log1p(std::exp(logit));
            lp += o.x * logP + (1.0 - o.x) * logQ;
        }
        logPost[static_cast<std::size_t>(i)] = lp;
        best = std::max(best, lp);
    }
    AbilityEstimate e;
    double mass = 0.0, first = 0.0, second = 0.0;
    if (!cutPoints.empty()) {
        e.levelProbabilities.assign(cutPoints.size() + 1, 0.0);
    }
    for (int i = 0; i < n; ++i) {
        const double theta = grid.lo + step * i;
        const double w = std::exp(logPost[static_cast<std::size_t>(i)] - best);
        mass += w;
        first += w * theta;
        second += w * theta * theta;
        if (!cutPoints.empty()) {
            std::size_t level = 0;
            while (level < cutPoints.size() && theta >= cutPoints[level]) {
                ++level;
            }
            e.levelProbabilities[level] += w;
        }
    }
    for (double& p : e.levelProbabilities) {
        p /= mass;
    }

    e.theta = first / mass;
    e.se = std::sqrt(std::max(0.0, second / mass - e.theta * e.theta));
    return e;
}

} // namespace repere::engine

namespace repere::engine {

std::size_t AbilityEstimate::likeliestLevel() const {
    std::size_t best = 0;
    for (std::size_t i = 1; i < levelProbabilities.size(); ++i) {
        if (levelProbabilities[i] > levelProbabilities[best]) {
            best = i;
        }
    }
    return best;
}

} // namespace repere::engine
