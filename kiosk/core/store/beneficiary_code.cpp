#include "store/beneficiary_code.hpp"

#include "store/ids.hpp"
#include "util/digest.hpp"

#include <sodium.h>
#include <stdexcept>

namespace repere::store {

namespace {

constexpr int kRadix = static_cast<int>(kCodeAlphabet.size());

int symbolIndex(char c) {
    const auto pos = kCodeAlphabet.find(c);
    return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

// Luhn mod N sum over `symbols`, doubling every second symbol counted from the right, starting
// with the rightmost one when `doubleRightmost` (computing a check) or the one left of it
// (validating a string that ends with its check character).
int luhnSum(std::string_view symbols, bool doubleRightmost) {
    int factor = doubleRightmost ? 2 : 1;
    int sum = 0;
    for (auto it = symbols.rbegin(); it != symbols.rend(); ++it) {
        const int index = symbolIndex(*it);
        if (index < 0) {
            throw std::invalid_argument("symbol outside the code alphabet");
        }
        const int addend = factor * index;
        sum += addend / kRadix + addend % kRadix;
        factor = factor == 2 ? 1 : 2;
    }
    return sum;
}

} // namespace

char codeCheckCharacter(std::string_view payload) {
    const int remainder = luhnSum(payload, true) % kRadix;
    return kCodeAlphabet[static_cast<std::size_t>((kRadix - remainder) % kRadix)];
}

std::string generateBeneficiaryCode() {
    util::ensureSodium();
    std::string code;
    for (std::size_t i = 0; i < kCodePayloadLength; ++i) {
        code += kCodeAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kRadix))];
    }
    code += codeCheckCharacter(code);
    return code;
}

std::optional<std::string> normalizeBeneficiaryCode(std::string_view typed) {
    std::string code;
    for (char c : typed) {
        if (c == ' ' || c == '-') {
            continue;
        }
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
        if (symbolIndex(c) < 0) {
            return std::nullopt;
        }
        code += c;
    }
    if (code.size() != kCodeLength || luhnSum(code, false) % kRadix != 0) {
        return std::nullopt;
    }
    return code;
}

std::string formatBeneficiaryCode(std::string_view canonical) {
    if (canonical.size() != kCodeLength) {
        return std::string(canonical);
    }
    return std::string(canonical.substr(0, 3)) + "-" + std::string(canonical.substr(3));
}

} // namespace repere::store
