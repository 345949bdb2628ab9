// Hashes and secrets used by the protocol: sha256 hex, random tokens, random ids.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace repere::sync {

std::string sha256Hex(std::string_view data);
std::optional<std::string> sha256OfFile(const std::filesystem::path& file);
// Cryptographically random bytes as lowercase hex (OpenSSL RAND_bytes); throws if the RNG fails.
std::string randomHex(std::size_t bytes);
// A 256-bit bearer token.
inline std::string newToken() {
    return randomHex(32);
}
// A random version-4 UUID (batch ids, device ids).
std::string newUuid();

} // namespace repere::sync
