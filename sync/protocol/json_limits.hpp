// Bounds on untrusted JSON checked before any DOM is built: nlohmann::json recurses and allocates
// per nesting level, so 16 MiB of `[[[[` becomes ~1.5 GB and seconds of CPU. JsonShapeCheck scans
// text (in pieces, as it is inflated) with a constant amount of memory and stops at the first
// byte past the depth limit, so a bomb is refused after its first chunk.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace repere::sync {

// No wire type nests deeper than 4 (batch -> records -> record -> field); 32 leaves room for
// answers carried inside payload strings, which are strings on the wire and never nest here.
inline constexpr int kMaxJsonDepth = 32;
// Per-endpoint body limits (the batch limits are in wire.hpp).
inline constexpr std::size_t kMaxEnrolBodyBytes = 4 * 1024;
inline constexpr std::size_t kMaxSmallBodyBytes = 4 * 1024; // GET / anything else with a body

class JsonShapeCheck {
public:
    explicit JsonShapeCheck(int maxDepth = kMaxJsonDepth) : maxDepth_(maxDepth) {}
    // Feeds the next piece of text; false as soon as the depth limit is passed (error() says so).
    bool feed(std::string_view text);
    const std::string& error() const { return error_; }
    int maxDepthSeen() const { return maxSeen_; }

private:
    int maxDepth_;
    int depth_ = 0;
    int maxSeen_ = 0;
    bool inString_ = false;
    bool escaped_ = false;
    std::string error_;
};

// One-shot form: empty when `text` nests at most maxDepth deep, else the reason.
std::string checkJsonDepth(std::string_view text, int maxDepth = kMaxJsonDepth);

} // namespace repere::sync
