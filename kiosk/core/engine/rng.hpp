// Deterministic random numbers for the engine.
//
// Why not std::mt19937 + std::uniform_int_distribution: the distributions are not specified
// bit-for-bit by the standard, and an attempt must replay identically everywhere (a paused
// attempt rebuilt on another build must present the same items). So: SplitMix64 and our own
// bounded draws.
//
// Each decision draws from a stream keyed by (attempt seed, purpose, counter), never from one
// running stream: rebuilding an attempt from its responses then reproduces every draw without
// having to replay the draws in between.
#pragma once

#include <cstdint>
#include <string_view>

namespace repere::engine {

// Mixes a seed, a label (e.g. "pick:lecture") and a counter into a stream seed.
std::uint64_t streamSeed(std::uint64_t seed, std::string_view label, std::uint64_t counter = 0);

class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    Rng(std::uint64_t seed, std::string_view label, std::uint64_t counter = 0)
        : state_(streamSeed(seed, label, counter)) {}

    std::uint64_t next();
    // Uniform integer in [0, n); n must be > 0. Unbiased (rejection sampling).
    std::uint64_t below(std::uint64_t n);
    // Uniform double in [0, 1).
    double uniform();
    // Standard normal (Box-Muller).
    double normal();

private:
    std::uint64_t state_;
};

} // namespace repere::engine
