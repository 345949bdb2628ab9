// SHA-256 (libsodium) for media files and the package content hash.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace repere::quiz {

class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    std::string hexDigest(); // lowercase hex; the object must not be updated afterwards

private:
    alignas(64) unsigned char state_[256]; // crypto_hash_sha256_state, kept opaque in the header
};

std::string sha256Hex(std::string_view bytes);

// nullopt when the file cannot be read.
std::optional<std::string> sha256File(const std::filesystem::path& file);

} // namespace repere::quiz
