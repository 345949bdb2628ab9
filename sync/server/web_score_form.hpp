// What a trainer's score form on a person's page says (issue 18): the points of each rubric
// criterion of the answer's item (0 to the criterion's points, as on the kiosk), or a total when
// the package gives no rubric. The score stored is the criteria's sum, so kiosk and server show
// the same criteria and the same total.
#pragma once

#include "quiz/model.hpp"

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <variant>

namespace repere::sync::server::web {

struct ScoreInput {
    double score = 0.0;
    double maxScore = 0.0;
    nlohmann::json points = nlohmann::json::object(); // rubric id -> points ({}: a total)
};

// `param(name)` is the form's value of `name` ("" when absent). `item` is null when the
// answer's package is not on the server (then a total within `responseMax` is asked).
// Returns the French reason when a value is missing or out of range.
std::variant<ScoreInput, std::string>
readScoreForm(const quiz::Item* item, double responseMax,
              const std::function<std::string(const std::string&)>& param);

} // namespace repere::sync::server::web
