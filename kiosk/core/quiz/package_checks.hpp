// Checks that need the whole package: unique item ids and profile variables, routing (gotos,
// loops, unreachable sections) and the expressions used by showIf / next / results.
#pragma once

#include "quiz/diagnostics.hpp"
#include "quiz/model.hpp"
#include "quiz/package_reader.hpp"

namespace repere::quiz {

void checkPackage(const Quiz& quiz, const ReadExtras& extras, Reporter& report);

} // namespace repere::quiz
