#include "engine/rng.hpp"

#include <cmath>
#include <numbers>

namespace repere::engine {

namespace {
std::uint64_t splitmix(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
} // namespace

std::uint64_t streamSeed(std::uint64_t seed, std::string_view label, std::uint64_t counter) {
    // FNV-1a over the label, then mixed with seed and counter through SplitMix64.
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (unsigned char c : label) {
        h = (h ^ c) * 0x100000001B3ULL;
    }
    std::uint64_t state = seed ^ (h * 0x9E3779B97F4A7C15ULL);
    splitmix(state);
    state ^= counter * 0xD1B54A32D192ED03ULL;
    return splitmix(state);
}

std::uint64_t Rng::next() {
    return splitmix(state_);
}

std::uint64_t Rng::below(std::uint64_t n) {
    if (n <= 1) {
        return 0;
    }
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    std::uint64_t x = next();
    while (x >= limit) {
        x = next();
    }
    return x % n;
}

double Rng::uniform() {
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

double Rng::normal() {
    double u1 = uniform();
    while (u1 <= 0.0) {
        u1 = uniform();
    }
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

} // namespace repere::engine
