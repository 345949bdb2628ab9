#include "util/digest.hpp"

#include <array>
#include <fstream>
#include <new>
#include <sodium.h>
#include <stdexcept>

namespace repere::util {

static_assert(sizeof(crypto_hash_sha256_state) <= 256, "Sha256::state_ is too small");

namespace {

crypto_hash_sha256_state* stateOf(unsigned char* raw) {
    return std::launder(reinterpret_cast<crypto_hash_sha256_state*>(raw));
}

std::string toHex(const unsigned char* bytes, std::size_t n) {
    static const char* digits = "0123456789abcdef";
    std::string out(n * 2, '0');
    for (std::size_t i = 0; i < n; ++i) {
        out[2 * i] = digits[bytes[i] >> 4];
        out[2 * i + 1] = digits[bytes[i] & 0xF];
    }
    return out;
}

} // namespace

void ensureSodium() {
    static const int rc = sodium_init();
    if (rc < 0) {
        throw std::runtime_error("libsodium could not be initialised");
    }
}

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
    return toHex(digest.data(), digest.size());
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

std::string randomHex(std::size_t bytes) {
    ensureSodium();
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    return toHex(reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
}

std::string newUuid() {
    ensureSodium();
    std::array<unsigned char, 16> b{};
    randombytes_buf(b.data(), b.size());
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40); // version 4
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80); // RFC 4122 variant
    const std::string h = toHex(b.data(), b.size());
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
           "-" + h.substr(20);
}

} // namespace repere::util
