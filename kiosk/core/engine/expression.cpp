#include "engine/expression.hpp"

#include "quiz/diagnostics.hpp"

#include <array>
#include <string_view>

namespace repere::engine {

using nlohmann::json;

namespace {

constexpr std::array<std::string_view, 11> kOperators{"var", "==",  "!=", "<", "<=", ">",
                                                      ">=",  "and", "or", "!", "in"};

bool isOperator(const std::string& name) {
    for (auto op : kOperators) {
        if (name == op) {
            return true;
        }
    }
    return false;
}

// Arguments of an operator node: an array, or a single value treated as a one-element list.
std::vector<json> argumentsOf(const json& args) {
    if (args.is_array()) {
        return std::vector<json>(args.begin(), args.end());
    }
    return {args};
}

std::string arityMessage(const std::string& op, std::size_t expected, std::size_t got) {
    return "operator \"" + op + "\" expects " + std::to_string(expected) + " argument" +
           (expected == 1 ? "" : "s") + ", got " + std::to_string(got);
}

// Structure check for the validator; evaluation reports the same problems as it meets them.
void checkNode(const json& node, const std::string& pointer, std::vector<std::string>& problems) {
    if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i) {
            checkNode(node[i], pointer + "/" + std::to_string(i), problems);
        }
        return;
    }
    if (!node.is_object()) {
        return; // literal
    }
    if (node.size() != 1) {
        problems.push_back((pointer.empty() ? "" : pointer) +
                           ": an operation is an object with exactly one operator, got " +
                           std::to_string(node.size()) + " keys");
        return;
    }
    // Copy the key: a structured binding on items() would dangle (the proxy is a temporary).
    const auto first = node.begin();
    const std::string op = first.key();
    const json& args = first.value();
    const std::string here = quiz::pointerJoin(pointer, op);
    if (!isOperator(op)) {
        problems.push_back(here + ": unknown operator \"" + op +
                           "\" (allowed: var == != < <= > >= and or ! in)");
        return;
    }
    const auto list = argumentsOf(args);
    if (op == "var") {
        if (list.empty() || list.size() > 2 || !list[0].is_string()) {
            problems.push_back(here + ": \"var\" takes a path string, or [path, default]");
            return;
        }
        const auto path = list[0].get<std::string>();
        if (!isKnownVariablePath(path)) {
            problems.push_back(
                here + ": unknown variable path \"" + path +
                "\" (expected answer.ID, profile.VAR, score.item.ID, score.section.ID, "
                "percent.section.ID, percent.skill.ID, level.SKILL or dontknow.section.ID)");
        }
        return;
    }
    std::size_t expected = 0;
    if (op == "!") {
        expected = 1;
    } else if (op != "and" && op != "or") {
        expected = 2;
    }
    if (expected != 0 && list.size() != expected) {
        problems.push_back(here + ": " + arityMessage(op, expected, list.size()));
        return;
    }
    if (expected == 0 && list.empty()) {
        problems.push_back(here + ": operator \"" + op + "\" needs at least one argument");
        return;
    }
    if (args.is_array()) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            checkNode(list[i], here + "/" + std::to_string(i), problems);
        }
    } else {
        checkNode(args, here, problems);
    }
}

bool startsWith(const std::string& s, std::string_view prefix) {
    return s.size() > prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool looseEquals(const json& a, const json& b) {
    if (a.is_number() && b.is_number()) {
        return a.get<double>() == b.get<double>();
    }
    return a == b;
}

// Ordering: only number/number and string/string compare; anything else is "not comparable".
std::optional<int> compare(const json& a, const json& b) {
    if (a.is_number() && b.is_number()) {
        const double x = a.get<double>();
        const double y = b.get<double>();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (a.is_string() && b.is_string()) {
        const int c = a.get_ref<const std::string&>().compare(b.get_ref<const std::string&>());
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    return std::nullopt;
}

json evaluateNode(const json& node, const VariableResolver& resolve, const std::string& pointer) {
    if (node.is_array()) {
        json out = json::array();
        for (std::size_t i = 0; i < node.size(); ++i) {
            out.push_back(evaluateNode(node[i], resolve, pointer + "/" + std::to_string(i)));
        }
        return out;
    }
    if (!node.is_object()) {
        return node;
    }
    if (node.size() != 1) {
        throw ExpressionError(pointer, "an operation is an object with exactly one operator, got " +
                                           std::to_string(node.size()) + " keys");
    }
    // Copy the key: a structured binding on items() would dangle (the proxy is a temporary).
    const auto first = node.begin();
    const std::string op = first.key();
    const json& args = first.value();
    const std::string here = quiz::pointerJoin(pointer, op);
    if (!isOperator(op)) {
        throw ExpressionError(here, "unknown operator \"" + op +
                                        "\" (allowed: var == != < <= > >= and or ! in)");
    }
    const auto list = argumentsOf(args);
    auto arg = [&](std::size_t i) {
        return evaluateNode(list[i], resolve,
                            args.is_array() ? here + "/" + std::to_string(i) : here);
    };

    if (op == "var") {
        if (list.empty() || list.size() > 2 || !list[0].is_string()) {
            throw ExpressionError(here, "\"var\" takes a path string, or [path, default]");
        }
        const auto path = list[0].get<std::string>();
        auto value = resolve(path);
        if (!value) {
            throw ExpressionError(here, "unknown variable path \"" + path + "\"");
        }
        if (value->is_null() && list.size() == 2) {
            return list[1];
        }
        return *value;
    }
    if (op == "and" || op == "or") {
        if (list.empty()) {
            throw ExpressionError(here, "operator \"" + op + "\" needs at least one argument");
        }
        // Short-circuit like JSON-logic: returns the deciding value.
        json value;
        for (std::size_t i = 0; i < list.size(); ++i) {
            value = arg(i);
            const bool truthy = isTruthy(value);
            if ((op == "and" && !truthy) || (op == "or" && truthy)) {
                return value;
            }
        }
        return value;
    }
    if (op == "!") {
        if (list.size() != 1) {
            throw ExpressionError(here, arityMessage(op, 1, list.size()));
        }
        return !isTruthy(arg(0));
    }
    if (list.size() != 2) {
        throw ExpressionError(here, arityMessage(op, 2, list.size()));
    }
    const json a = arg(0);
    const json b = arg(1);
    if (op == "==") {
        return looseEquals(a, b);
    }
    if (op == "!=") {
        return !looseEquals(a, b);
    }
    if (op == "in") {
        if (b.is_array()) {
            for (const auto& element : b) {
                if (looseEquals(a, element)) {
                    return true;
                }
            }
            return false;
        }
        if (b.is_string() && a.is_string()) {
            return b.get_ref<const std::string&>().find(a.get_ref<const std::string&>()) !=
                   std::string::npos;
        }
        return false; // null (unanswered) or a number: nothing is in it
    }
    const auto c = compare(a, b);
    if (!c) {
        return false;
    }
    if (op == "<") {
        return *c < 0;
    }
    if (op == "<=") {
        return *c <= 0;
    }
    if (op == ">") {
        return *c > 0;
    }
    return *c >= 0; // ">="
}

} // namespace

bool isKnownVariablePath(const std::string& path) {
    for (std::string_view prefix :
         {"answer.", "profile.", "score.item.", "score.section.", "percent.section.",
          "percent.skill.", "level.", "dontknow.section."}) {
        if (startsWith(path, prefix)) {
            return true;
        }
    }
    return false;
}

bool isTruthy(const json& value) {
    if (value.is_null()) {
        return false;
    }
    if (value.is_boolean()) {
        return value.get<bool>();
    }
    if (value.is_number()) {
        return value.get<double>() != 0.0;
    }
    if (value.is_string()) {
        return !value.get_ref<const std::string&>().empty();
    }
    if (value.is_array()) {
        return !value.empty();
    }
    return true;
}

json evaluateExpression(const json& expr, const VariableResolver& resolve) {
    return evaluateNode(expr, resolve, "");
}

bool evaluateCondition(const json& condition, const VariableResolver& resolve) {
    if (condition.is_null()) {
        return true;
    }
    return isTruthy(evaluateExpression(condition, resolve));
}

std::vector<std::string> checkExpression(const json& expr) {
    std::vector<std::string> problems;
    checkNode(expr, "", problems);
    return problems;
}

} // namespace repere::engine
