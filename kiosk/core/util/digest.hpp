// The one place Repère hashes and draws random identifiers (libsodium): SHA-256 of media, packages,
// tokens and uploads; random tokens; version-4 UUIDs for record, attempt, batch and file ids.
// Every room (quiz, store, engine, audio, sync) uses these; none writes its own.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace repere::util {

// Calls sodium_init() once; safe from any thread. Throws if libsodium cannot start.
void ensureSodium();

// Streaming SHA-256, for files and for hashes built from many small pieces.
class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    std::string hexDigest(); // lowercase hex; the object must not be updated afterwards

private:
    alignas(64) unsigned char state_[256]; // crypto_hash_sha256_state, kept opaque in the header
};

// SHA-256 of `bytes`, lowercase hex.
std::string sha256Hex(std::string_view bytes);

// SHA-256 of a file's bytes, lowercase hex; nullopt when the file cannot be read.
std::optional<std::string> sha256File(const std::filesystem::path& file);

// `bytes` random bytes from the CSPRNG, as lowercase hex.
std::string randomHex(std::size_t bytes);

// A random (version 4, RFC 4122 variant) UUID, lowercase, from the CSPRNG: ids must never collide
// across kiosks, and the server uses record ids as idempotency keys.
std::string newUuid();

} // namespace repere::util
