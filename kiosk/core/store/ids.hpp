// Identifiers and digests for records that leave the kiosk.
#pragma once

#include <cstdint>
#include <string>

namespace repere::store {

// Random (version 4) UUID, lowercase, from libsodium's CSPRNG: record ids must never collide
// across kiosks, and the server uses them as idempotency keys.
std::string newUuid();

// SHA-256 of `data`, lowercase hex.
std::string sha256Hex(const std::string& data);

// Milliseconds since the Unix epoch (system clock).
std::int64_t systemNowMs();

// Calls sodium_init() once; safe from any thread.
void ensureSodium();

} // namespace repere::store
