#include "quiz/sha256.hpp"

#include <array>
#include <fstream>
#include <new>
#include <sodium.h>

namespace repere::quiz {

static_assert(sizeof(crypto_hash_sha256_state) <= 256, "Sha256::state_ is too small");

namespace {
crypto_hash_sha256_state* stateOf(unsigned char* raw) {
    return std::launder(reinterpret_cast<crypto_hash_sha256_state*>(raw));
}
} // namespace

Sha256::Sha256() {
    // crypto_hash_sha256_* need no sodium_init(): they use no random numbers or CPU dispatch.
    crypto_hash_sha256_init(new (state_) crypto_hash_sha256_state);
}

void Sha256::update(std::string_view bytes) {
    crypto_hash_sha256_update(stateOf(state_), reinterpret_cast<const unsigned char*>(bytes.data()),
                              bytes.size());
}

std::string Sha256::hexDigest() {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256_final(stateOf(state_), digest.data());
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(digest.size() * 2);
    for (unsigned char b : digest) {
        out += hex[b >> 4];
        out += hex[b & 0xF];
    }
    return out;
}

std::string sha256Hex(std::string_view bytes) {
    Sha256 h;
    h.update(bytes);
    return h.hexDigest();
}

std::optional<std::string> sha256File(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    Sha256 h;
    std::array<char, 64 * 1024> buffer{};
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        if (in.gcount() > 0) {
            h.update(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
        }
    }
    if (in.bad()) {
        return std::nullopt;
    }
    return h.hexDigest();
}

} // namespace repere::quiz
