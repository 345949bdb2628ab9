// Conditions of showIf, next rules and result messages: a small JSON-logic subset.
//
//   {"var": "path"} | {"var": ["path", default]}
//   {"==": [a, b]} {"!=": [a, b]} {"<": [a, b]} {"<=": [a, b]} {">": [a, b]} {">=": [a, b]}
//   {"and": [...]} {"or": [...]} {"!": x} or {"!": [x]} {"in": [needle, array-or-string]}
//   literals: numbers, strings, booleans, null, arrays of those
//
// Variable paths (resolved by the attempt, see attempt.hpp):
//   answer.<itemId>  profile.<variable>  score.item.<itemId>  score.section.<sectionId>
//   percent.section.<sectionId>  percent.skill.<skillId>  level.<skillId>
//   dontknow.section.<sectionId>
// A known path with no value yet (item not answered, skill not placed) is null.
//
// Semantics (JSON-logic): null, false, 0, "" and [] are false, everything else true;
// == and != compare numbers numerically and everything else by JSON equality;
// < <= > >= compare two numbers or two strings and are false for anything else (null included),
// so "level.reading >= 2" is simply false while reading is not placed.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace repere::engine {

// A malformed expression: unknown operator, wrong arity, bad var path. `pointer` is the JSON
// pointer of the faulty node inside the expression ("" = the expression itself).
class ExpressionError : public std::runtime_error {
public:
    ExpressionError(std::string pointer, const std::string& message)
        : std::runtime_error((pointer.empty() ? std::string("expression") : pointer) + ": " +
                             message),
          pointer_(std::move(pointer)) {}
    const std::string& pointer() const { return pointer_; }

private:
    std::string pointer_;
};

// Returns the value of a variable path, or nullopt when the path is not a known kind of path
// (which is an error: a typo in a quiz must not silently route everybody the same way).
// A known path without a value returns json(nullptr).
using VariableResolver = std::function<std::optional<nlohmann::json>(const std::string& path)>;

// Evaluates `expr`. Throws ExpressionError.
nlohmann::json evaluateExpression(const nlohmann::json& expr, const VariableResolver& resolve);

// Evaluates a condition: null (absent) is true; otherwise the truthiness of the value.
bool evaluateCondition(const nlohmann::json& condition, const VariableResolver& resolve);

bool isTruthy(const nlohmann::json& value);

// Checks the structure of an expression without evaluating it (for the validator): operators,
// arities and var path shapes. Returns one message per problem, each "pointer: message" with a
// pointer relative to the expression (e.g. "/and/1/>=: expects 2 arguments").
std::vector<std::string> checkExpression(const nlohmann::json& expr);

// True when `path` has one of the documented shapes (does not check that the ids exist).
bool isKnownVariablePath(const std::string& path);

} // namespace repere::engine
