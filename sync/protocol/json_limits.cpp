#include "sync/protocol/json_limits.hpp"

namespace repere::sync {

bool JsonShapeCheck::feed(std::string_view text) {
    if (!error_.empty())
        return false;
    for (const char c : text) {
        if (inString_) {
            // Brackets inside strings are data: only an unescaped quote ends the string.
            if (escaped_)
                escaped_ = false;
            else if (c == '\\')
                escaped_ = true;
            else if (c == '"')
                inString_ = false;
            continue;
        }
        switch (c) {
        case '"':
            inString_ = true;
            break;
        case '[':
        case '{':
            if (++depth_ > maxSeen_)
                maxSeen_ = depth_;
            if (depth_ > maxDepth_) {
                error_ = "JSON nested deeper than " + std::to_string(maxDepth_) + " levels";
                return false;
            }
            break;
        case ']':
        case '}':
            // Unbalanced closers are the parser's business; never let the count go negative.
            if (depth_ > 0)
                --depth_;
            break;
        default:
            break;
        }
    }
    return true;
}

std::string checkJsonDepth(std::string_view text, int maxDepth) {
    JsonShapeCheck check(maxDepth);
    check.feed(text);
    return check.error();
}

} // namespace repere::sync
