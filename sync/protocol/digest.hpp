// The protocol's secrets: bearer tokens. Hashes and random ids are defined once for every room in
// util/digest.hpp (libsodium); the sync rooms name them through this namespace.
#pragma once

#include "util/digest.hpp"

#include <string>

namespace repere::sync {

using util::newUuid;
using util::randomHex;
using util::sha256File;
using util::sha256Hex;

// A 256-bit bearer token.
inline std::string newToken() {
    return randomHex(32);
}

} // namespace repere::sync
