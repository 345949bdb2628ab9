// Turns a parsed quiz.json into the model, checking each object where it stands: types, unknown
// and missing fields, ids, references to assets/skills/levels, item-type rules, scoring rules.
// Checks that need the whole package (duplicate item ids, routing, expressions) are in
// package_checks.hpp. Array elements always get a model entry, even when broken, so model
// indices match JSON indices and later checks can build pointers from them.
#pragma once

#include "quiz/diagnostics.hpp"
#include "quiz/model.hpp"

#include <nlohmann/json.hpp>

namespace repere::quiz {

struct ReadExtras {
    std::vector<std::string> usedAssets;          // every asset id referenced by the content
    std::vector<std::vector<bool>> hasDifficulty; // [section][item]: difficulty given explicitly
};

Quiz readPackage(const nlohmann::json& doc, Reporter& report, ReadExtras& extras);

} // namespace repere::quiz
