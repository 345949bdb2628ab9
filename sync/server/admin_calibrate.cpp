#include "sync/server/admin_calibrate.hpp"

#include "sync/server/calibration_data.hpp"

#include <cmath>
#include <map>
#include <sstream>

namespace repere::sync::server {
namespace {

using nlohmann::json;

constexpr double kFitLow = 0.7;
// A discrimination estimated less precisely than this (standard error over the estimate), or on
// a bound of the search (0.2, 4), is not written: the item keeps its previous one, and its
// difficulty estimated with the slope is written (the location barely depends on the slope; a
// second pass holding those slopes at their previous values was tried: with several wrong slopes
// held, the scale of an all-2PL skill drifted to the edges of the grid).
// Adaptive answers are the reason: an item is mostly answered by people near its difficulty, and
// that narrow spread says little about its slope (a simulation with known truth found estimates
// of 0.5 for a true 0.8, and 3.1 or 1.6 for a true 2.3, where the relative error was above 0.15).
constexpr double kMaxRelativeSeDiscrimination = 0.15;
constexpr double kFitHigh = 1.3;

double rounded(double v, double unit = 1e-4) {
    return std::round(v / unit) * unit;
}

struct ItemCounts {
    int n = 0;
    double sum = 0.0;
};

} // namespace

CalibrationOutcome calibrate(Storage& storage, const CalibrateOptions& options,
                             std::int64_t nowMs) {
    const PublishedPackage package = loadPublishedPackage(storage, options.quizId, options.version);
    const AnswerSet answers = readAnswers(storage, package);

    std::vector<ItemCounts> counts(package.items.size());
    for (const auto& a : answers.answers) {
        ++counts[a.item].n;
        counts[a.item].sum += a.x;
    }

    CalibrationOutcome outcome;
    json items = json::array(), skills = json::array();
    int estimatedTotal = 0, keptTotal = 0, twoParameterItems = 0;
    for (const auto& item : package.items)
        twoParameterItems += item.twoParameter ? 1 : 0;
    for (const auto& skill : package.skills) {
        // This skill's items and the attempts that answered them, densely renumbered.
        std::vector<std::size_t> members;
        std::map<std::size_t, int> local;
        for (std::size_t k = 0; k < package.items.size(); ++k)
            if (package.items[k].skill == skill) {
                local[k] = static_cast<int>(members.size());
                members.push_back(k);
            }
        if (members.empty())
            continue;
        std::vector<MmlItem> mmlItems(members.size());
        std::vector<std::string> reasons(members.size());
        double previousSum = 0.0;
        int estimated = 0;
        for (std::size_t m = 0; m < members.size(); ++m) {
            const auto& item = package.items[members[m]];
            const auto& c = counts[members[m]];
            mmlItems[m].start = item.difficulty;
            mmlItems[m].startA = item.discrimination;
            mmlItems[m].twoParameter = item.twoParameter;
            // An item everyone got right (or wrong) says so whatever its n: the data cannot
            // place it, and its estimate would run off to infinity.
            if (c.n > 0 && c.sum >= c.n - 1e-9)
                reasons[m] = "all-right";
            else if (c.n > 0 && c.sum <= 1e-9)
                reasons[m] = "all-wrong";
            else if (c.n < options.minResponses)
                reasons[m] = "few-responses";
            mmlItems[m].fixed = !reasons[m].empty();
            if (!mmlItems[m].fixed) {
                previousSum += item.difficulty;
                ++estimated;
            }
        }
        std::map<std::uint32_t, int> persons;
        std::vector<MmlResponse> responses;
        for (const auto& a : answers.answers) {
            auto it = local.find(a.item);
            if (it == local.end())
                continue;
            const int person =
                persons.emplace(a.attempt, static_cast<int>(persons.size())).first->second;
            responses.push_back({person, it->second, a.x});
        }
        MmlSettings settings = options.mml;
        settings.anchorMean = estimated > 0 ? previousSum / estimated : 0.0;
        MmlResult r;
        std::vector<bool> discriminationKept(members.size(), false);
        if (estimated > 0) {
            r = estimateItems(static_cast<int>(persons.size()), mmlItems, responses, settings);
            for (std::size_t m = 0; m < members.size(); ++m) {
                const double a = r.discrimination[m], se = r.seDiscrimination[m];
                discriminationKept[m] = !mmlItems[m].fixed && mmlItems[m].twoParameter &&
                                        (!(se > 0.0) || se > kMaxRelativeSeDiscrimination * a ||
                                         a <= 0.2 + 1e-6 || a >= 4.0 - 1e-6);
            }
            if (!r.converged && outcome.converged) {
                outcome.converged = false;
                std::ostringstream why;
                why << "skill " << skill << ": no convergence after " << r.iterations
                    << " iterations (largest parameter change at the last one: " << r.lastChange
                    << " logits, tolerance " << settings.tolerance << ")";
                outcome.failure = why.str();
            }
        }
        skills.push_back({{"id", skill},
                          {"attempts", persons.size()},
                          {"responses", responses.size()},
                          {"itemsEstimated", estimated},
                          {"itemsKept", static_cast<int>(members.size()) - estimated},
                          {"iterations", estimated > 0 ? r.iterations : 0},
                          {"converged", estimated == 0 || r.converged},
                          {"anchorMean", rounded(settings.anchorMean)},
                          {"populationMean", rounded(r.populationMean)},
                          {"populationSd", rounded(r.populationSd)},
                          // Mean anchoring keeps the scale: the cut points are re-expressed by
                          // a shift of 0 on each skill's scale.
                          {"cutPoints", package.cutPoints}});
        for (std::size_t m = 0; m < members.size(); ++m) {
            const auto& item = package.items[members[m]];
            json j = {{"id", item.id},
                      {"rev", item.rev},
                      {"skill", skill},
                      {"level", item.level},
                      {"n", counts[members[m]].n},
                      {"pCorrect", counts[members[m]].n > 0
                                       ? rounded(counts[members[m]].sum / counts[members[m]].n)
                                       : 0.0},
                      {"model", item.twoParameter ? "2pl" : "rasch"},
                      {"previous", item.difficulty}};
            if (item.twoParameter)
                j["previousDiscrimination"] = item.discrimination;
            if (reasons[m].empty()) {
                const double infit = r.infit[m], outfit = r.outfit[m];
                j["status"] = "estimated";
                j["estimate"] = rounded(r.difficulty[m]);
                j["se"] = rounded(r.se[m]);
                if (item.twoParameter && discriminationKept[m]) {
                    j["discrimination"] = item.discrimination;
                    j["seDiscrimination"] = nullptr;
                    j["discriminationKept"] = "imprecise";
                } else if (item.twoParameter) {
                    j["discrimination"] = rounded(r.discrimination[m]);
                    j["seDiscrimination"] = rounded(r.seDiscrimination[m]);
                }
                j["infit"] = rounded(infit, 1e-3);
                j["outfit"] = rounded(outfit, 1e-3);
                j["misfit"] =
                    infit < kFitLow || infit > kFitHigh || outfit < kFitLow || outfit > kFitHigh;
                ++estimatedTotal;
            } else {
                j["status"] = "kept";
                j["reason"] = reasons[m];
                j["estimate"] = item.difficulty;
                j["se"] = nullptr;
                if (item.twoParameter) {
                    j["discrimination"] = item.discrimination;
                    j["seDiscrimination"] = nullptr;
                }
                ++keptTotal;
            }
            items.push_back(std::move(j));
        }
    }
    outcome.calibration = {
        {"format", "repere-calibration"},
        {"formatVersion", 1},
        {"quiz", package.id},
        {"version", package.version},
        {"publishedVersions", package.publishedVersions},
        {"createdAtMs", nowMs},
        {"model", twoParameterItems > 0 ? "rasch, 2pl for the items whose difficulty gives a "
                                          "discrimination a"
                                        : "rasch"},
        {"method", "marginal maximum likelihood, EM over " +
                       std::to_string(options.mml.quadraturePoints) +
                       " quadrature points, ability distribution estimated as a histogram, one "
                       "latent scale per skill"},
        {"anchor", "per skill, the estimated items keep the mean of their previous difficulties"},
        {"minResponses", options.minResponses},
        {"fitRange", {kFitLow, kFitHigh}},
        {"responses",
         {{"used", answers.answers.size()},
          {"attempts", answers.attempts},
          {"skippedUnknownItem", answers.unknownItem},
          {"skippedOtherRevision", answers.otherRevision},
          {"skippedUnknownVersion", answers.unknownVersion},
          {"skippedNoAttempt", answers.noAttempt},
          {"notScored", answers.notScored},
          {"duplicates", answers.duplicates}}},
        {"itemsEstimated", estimatedTotal},
        {"itemsKept", keptTotal},
        {"skills", skills},
        {"items", items}};
    return outcome;
}

std::string calibrationSummary(const json& c) {
    std::ostringstream out;
    const auto& r = c.at("responses");
    out << "package " << c.value("quiz", "") << " " << c.value("version", "") << ": answers used "
        << r.value("used", 0) << " from " << r.value("attempts", 0) << " attempts\n";
    out << "left out: unknown item " << r.value("skippedUnknownItem", 0) << ", other revision "
        << r.value("skippedOtherRevision", 0) << ", unpublished version "
        << r.value("skippedUnknownVersion", 0) << ", no attempt record "
        << r.value("skippedNoAttempt", 0) << ", not scored " << r.value("notScored", 0)
        << ", earlier answer to the same item " << r.value("duplicates", 0) << "\n";
    for (const auto& s : c.at("skills"))
        out << "skill " << s.value("id", "") << ": " << s.value("itemsEstimated", 0)
            << " estimated, " << s.value("itemsKept", 0) << " kept, " << s.value("iterations", 0)
            << " iterations\n";
    int misfit = 0;
    for (const auto& i : c.at("items"))
        misfit += i.value("misfit", false) ? 1 : 0;
    out << "items estimated " << c.value("itemsEstimated", 0) << ", kept "
        << c.value("itemsKept", 0) << ", misfit (infit/outfit outside 0.7-1.3) " << misfit << "\n";
    return out.str();
}

} // namespace repere::sync::server
