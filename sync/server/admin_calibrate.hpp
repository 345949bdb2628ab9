// `repere-server admin calibrate`: item difficulties of a published package from every stored
// answer (marginal maximum likelihood, item_mml.hpp), one latent scale per skill, written as
// calibration.json for `repere quiz apply-calibration`. Rasch for items whose difficulty is a
// number; 2PL (difficulty and discrimination) where the package writes {"b": ..., "a": ...}.
//
// Per item: n, previous value, estimate, standard error, estimated or kept (and why), infit and
// outfit mean squares (flagged outside 0.7-1.3). Kept: fewer than `minResponses` answers, every
// answer right or every answer wrong (its difficulty is beyond what the data can say). Anchor: per
// skill, the estimated items keep the mean of their previous difficulties, so the framework's cut
// points mean the same thing after a recalibration; calibration.json writes them per skill
// (re-expressed: unchanged).
#pragma once

#include "sync/server/item_mml.hpp"
#include "sync/server/storage.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace repere::sync::server {

struct CalibrateOptions {
    std::string quizId;
    std::optional<std::string> version; // the package whose values are "previous"; default latest
    int minResponses = 200;
    MmlSettings mml;
};

struct CalibrationOutcome {
    bool converged = true;
    std::string failure;        // "skill X: no convergence after N iterations ..." when not
    nlohmann::json calibration; // calibration.json (only written by the caller when converged)
};

CalibrationOutcome calibrate(Storage& storage, const CalibrateOptions& options, std::int64_t nowMs);

// A few lines for the administrator: answers used and left out, items estimated and kept.
std::string calibrationSummary(const nlohmann::json& calibration);

} // namespace repere::sync::server
