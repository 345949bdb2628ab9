#include "sync/server/item_mml.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace repere::sync::server {
namespace {

using Eigen::ArrayXd;
using Eigen::ArrayXXd;

double logistic(double z) {
    return 1.0 / (1.0 + std::exp(-z));
}

// Responses grouped by person (compressed rows), so the E-step walks each person once.
struct ByPerson {
    std::vector<int> start; // persons + 1 offsets
    std::vector<int> item;
    std::vector<double> x;
};

ByPerson groupByPerson(int persons, const std::vector<MmlResponse>& responses) {
    ByPerson g;
    g.start.assign(static_cast<std::size_t>(persons) + 1, 0);
    for (const auto& r : responses)
        ++g.start[static_cast<std::size_t>(r.person) + 1];
    std::partial_sum(g.start.begin(), g.start.end(), g.start.begin());
    std::vector<int> fill(g.start.begin(), g.start.end() - 1);
    g.item.resize(responses.size());
    g.x.resize(responses.size());
    for (const auto& r : responses) {
        const auto at = static_cast<std::size_t>(fill[static_cast<std::size_t>(r.person)]++);
        g.item[at] = r.item;
        g.x[at] = std::clamp(r.x, 0.0, 1.0);
    }
    return g;
}

// One item's Newton steps on its expected complete-data log-likelihood (r right out of n at
// each grid point). Steps are bounded so an item with extreme counts moves, never jumps.
double newtonItem(double b, const ArrayXd& grid, const ArrayXd& r, const ArrayXd& n) {
    for (int step = 0; step < 4; ++step) {
        const ArrayXd p = (1.0 + (-(grid - b)).exp()).inverse();
        const double score = (r - n * p).sum();
        const double info = (n * p * (1.0 - p)).sum();
        if (info < 1e-12)
            break;
        const double delta = std::clamp(score / info, -1.0, 1.0);
        b = std::clamp(b - delta, -10.0, 10.0);
        if (std::abs(delta) < 1e-7)
            break;
    }
    return b;
}

// A 2PL item's Fisher-scoring steps on (a, b) with the same expected counts. Steps and values are
// bounded: a discrimination below 0.2 says the item barely measures anything (it is reported, not
// pushed towards 0 where b runs off), and above 4 the item is a step function the data cannot
// tell from a steeper one.
void newtonItem2pl(double& a, double& b, const ArrayXd& grid, const ArrayXd& r, const ArrayXd& n) {
    for (int step = 0; step < 4; ++step) {
        const ArrayXd d = grid - b;
        const ArrayXd p = (1.0 + (-(a * d)).exp()).inverse();
        const ArrayXd residual = r - n * p;
        const ArrayXd w = n * p * (1.0 - p);
        const double ga = (residual * d).sum(), gb = -a * residual.sum();
        const double iaa = (w * d.square()).sum(), ibb = a * a * w.sum(), iab = -a * (w * d).sum();
        const double det = iaa * ibb - iab * iab;
        if (iaa < 1e-12 || ibb < 1e-12 || det < 1e-12 * iaa * ibb)
            break;
        const double da = std::clamp((ibb * ga - iab * gb) / det, -0.5, 0.5);
        const double db = std::clamp((iaa * gb - iab * ga) / det, -1.0, 1.0);
        a = std::clamp(a + da, 0.2, 4.0);
        b = std::clamp(b + db, -10.0, 10.0);
        if (std::abs(da) < 1e-7 && std::abs(db) < 1e-7)
            break;
    }
}

} // namespace

MmlResult estimateItems(int persons, const std::vector<MmlItem>& items,
                        const std::vector<MmlResponse>& responses, const MmlSettings& settings) {
    const int nq = std::max(settings.quadraturePoints, 5);
    const auto nItems = static_cast<Eigen::Index>(items.size());
    MmlResult out;
    out.grid.resize(static_cast<std::size_t>(nq));
    ArrayXd grid(nq);
    for (int q = 0; q < nq; ++q)
        grid[q] = out.grid[static_cast<std::size_t>(q)] =
            settings.lo + (settings.hi - settings.lo) * q / (nq - 1);
    // Start from a wide normal around the anchor: the histogram then takes its own shape.
    ArrayXd weights = (-0.5 * ((grid - settings.anchorMean) / 2.0).square()).exp();
    weights /= weights.sum();

    std::vector<double> b(items.size()), a(items.size());
    int estimated = 0, estimated2pl = 0;
    bool unitSetByOthers = false; // some item's discrimination is not estimated
    double logAnchorA = 0.0;
    for (std::size_t j = 0; j < items.size(); ++j) {
        b[j] = items[j].start;
        a[j] = std::clamp(items[j].startA, 0.2, 4.0);
        estimated += items[j].fixed ? 0 : 1;
        if (!items[j].fixed && items[j].twoParameter) {
            ++estimated2pl;
            logAnchorA += std::log(a[j]);
        } else {
            unitSetByOthers = true;
        }
    }
    const bool anchorUnit = estimated2pl > 0 && !unitSetByOthers;
    logAnchorA = estimated2pl > 0 ? logAnchorA / estimated2pl : 0.0;
    out.responses.assign(items.size(), 0);
    for (const auto& r : responses)
        ++out.responses[static_cast<std::size_t>(r.item)];
    const ByPerson byPerson = groupByPerson(persons, responses);

    // Columns per item so one person's answer adds one contiguous column.
    ArrayXXd logP(nq, nItems), logQ(nq, nItems), right(nq, nItems), seen(nq, nItems);
    ArrayXd logPost(nq), post(nq), histogram(nq), logWeights(nq);
    // Person i's posterior on the grid into `post`; returns their log marginal likelihood.
    auto posterior = [&](int from, int to) {
        logPost = logWeights;
        for (int k = from; k < to; ++k) {
            const double x = byPerson.x[static_cast<std::size_t>(k)];
            const auto j = byPerson.item[static_cast<std::size_t>(k)];
            logPost += x * logP.col(j) + (1.0 - x) * logQ.col(j);
        }
        const double top = logPost.maxCoeff();
        post = (logPost - top).exp();
        const double mass = post.sum();
        post /= mass;
        return top + std::log(mass);
    };
    auto eStep = [&](bool accumulate) {
        for (Eigen::Index j = 0; j < nItems; ++j) {
            const auto at = static_cast<std::size_t>(j);
            const ArrayXd logit = a[at] * (grid - b[at]);
            logP.col(j) = -(1.0 + (-logit).exp()).log();
            logQ.col(j) = -(1.0 + logit.exp()).log();
        }
        right.setZero();
        seen.setZero();
        histogram.setZero();
        logWeights = weights.max(1e-300).log();
        double logLikelihood = 0.0;
        for (int i = 0; i < persons; ++i) {
            const int from = byPerson.start[static_cast<std::size_t>(i)];
            const int to = byPerson.start[static_cast<std::size_t>(i) + 1];
            if (from == to)
                continue;
            logLikelihood += posterior(from, to);
            if (!accumulate)
                continue;
            histogram += post;
            for (int k = from; k < to; ++k) {
                const auto j = byPerson.item[static_cast<std::size_t>(k)];
                right.col(j) += byPerson.x[static_cast<std::size_t>(k)] * post;
                seen.col(j) += post;
            }
        }
        return logLikelihood;
    };

    for (out.iterations = 1; out.iterations <= settings.maxIterations; ++out.iterations) {
        out.logLikelihood = eStep(true);
        const double total = histogram.sum();
        if (total > 0.0)
            weights = histogram / total;
        std::vector<double> nextB = b, nextA = a;
        double sum = 0.0, logSumA = 0.0;
        for (std::size_t j = 0; j < items.size(); ++j) {
            if (items[j].fixed)
                continue;
            const auto col = static_cast<Eigen::Index>(j);
            if (items[j].twoParameter) {
                newtonItem2pl(nextA[j], nextB[j], grid, right.col(col), seen.col(col));
                logSumA += std::log(nextA[j]);
            } else {
                nextB[j] = newtonItem(b[j], grid, right.col(col), seen.col(col));
            }
            sum += nextB[j];
        }
        // The anchor: estimated items keep the mean of their previous difficulties, and (when
        // nothing else sets the unit) the 2PL items the geometric mean of their discriminations.
        const double shift = estimated > 0 ? settings.anchorMean - sum / estimated : 0.0;
        const double stretch = anchorUnit ? std::exp(logAnchorA - logSumA / estimated2pl) : 1.0;
        double change = 0.0;
        for (std::size_t j = 0; j < items.size(); ++j) {
            if (items[j].fixed)
                continue;
            nextB[j] = settings.anchorMean + (nextB[j] + shift - settings.anchorMean) / stretch;
            nextA[j] *= items[j].twoParameter ? stretch : 1.0;
            change = std::max({change, std::abs(nextB[j] - b[j]), std::abs(nextA[j] - a[j])});
        }
        b = std::move(nextB);
        a = std::move(nextA);
        out.lastChange = change;
        if (change < settings.tolerance) {
            out.converged = true;
            break;
        }
    }
    out.iterations = std::min(out.iterations, settings.maxIterations);
    out.logLikelihood = eStep(true);
    out.difficulty = b;
    out.discrimination = a;
    out.weights.assign(weights.data(), weights.data() + nq);
    out.populationMean = (weights * grid).sum();
    out.populationSd =
        std::sqrt(std::max(0.0, (weights * grid.square()).sum() - std::pow(out.populationMean, 2)));

    // Standard errors from the cross-product of each person's score (the empirical information
    // of the marginal likelihood), inverted with Eigen; fit from each person's EAP ability.
    // Columns: every estimated item's b, then a 2PL item's a.
    std::vector<Eigen::Index> column(items.size(), -1), columnA(items.size(), -1);
    Eigen::Index free = 0;
    for (std::size_t j = 0; j < items.size(); ++j)
        if (!items[j].fixed) {
            column[j] = free++;
            if (items[j].twoParameter)
                columnA[j] = free++;
        }
    Eigen::MatrixXd information = Eigen::MatrixXd::Zero(free, free);
    std::vector<double> residual2(items.size(), 0.0), variance(items.size(), 0.0),
        standardized2(items.size(), 0.0);
    logWeights = weights.max(1e-300).log();
    std::vector<std::pair<Eigen::Index, double>> score;
    for (int i = 0; i < persons; ++i) {
        const int from = byPerson.start[static_cast<std::size_t>(i)];
        const int to = byPerson.start[static_cast<std::size_t>(i) + 1];
        if (from == to)
            continue;
        posterior(from, to);
        const double theta = (post * grid).sum();
        score.clear();
        for (int k = from; k < to; ++k) {
            const double x = byPerson.x[static_cast<std::size_t>(k)];
            const auto j = static_cast<std::size_t>(byPerson.item[static_cast<std::size_t>(k)]);
            const auto col = static_cast<Eigen::Index>(j);
            if (column[j] >= 0) {
                // d/db log P(x | θ) = -a (x - p), d/da = (θ - b)(x - p), averaged over the
                // person's posterior.
                const ArrayXd residual = x - logP.col(col).exp();
                score.emplace_back(column[j], -a[j] * (post * residual).sum());
                if (columnA[j] >= 0)
                    score.emplace_back(columnA[j], (post * (grid - b[j]) * residual).sum());
            }
            const double p = logistic(a[j] * (theta - b[j]));
            const double w = std::max(p * (1.0 - p), 1e-9);
            residual2[j] += (x - p) * (x - p);
            variance[j] += w;
            standardized2[j] += (x - p) * (x - p) / w;
        }
        for (const auto& [r, sr] : score)
            for (const auto& [c, sc] : score)
                information(r, c) += sr * sc;
    }
    Eigen::LDLT<Eigen::MatrixXd> ldlt(information);
    const bool invertible = free > 0 && ldlt.info() == Eigen::Success && ldlt.isPositive();
    Eigen::MatrixXd covariance;
    if (invertible)
        covariance = ldlt.solve(Eigen::MatrixXd::Identity(free, free));
    // A singular matrix (an item answered by too few people): its own information alone.
    auto standardError = [&](Eigen::Index c) {
        if (c < 0)
            return 0.0;
        const double v = invertible ? covariance(c, c) : 0.0;
        const double own = information(c, c);
        return v > 0.0 ? std::sqrt(v) : (own > 0.0 ? 1.0 / std::sqrt(own) : 0.0);
    };
    out.se.assign(items.size(), 0.0);
    out.seDiscrimination.assign(items.size(), 0.0);
    for (std::size_t j = 0; j < items.size(); ++j) {
        out.se[j] = standardError(column[j]);
        out.seDiscrimination[j] = standardError(columnA[j]);
    }
    out.infit.assign(items.size(), 0.0);
    out.outfit.assign(items.size(), 0.0);
    for (std::size_t j = 0; j < items.size(); ++j) {
        if (out.responses[j] == 0)
            continue;
        out.infit[j] = variance[j] > 0.0 ? residual2[j] / variance[j] : 0.0;
        out.outfit[j] = standardized2[j] / out.responses[j];
    }
    return out;
}

} // namespace repere::sync::server
