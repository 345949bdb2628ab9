// Beneficiary codes: unambiguous symbols, a check character that catches typing mistakes.
#include "store/beneficiary_code.hpp"
#include "store_test_util.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace repere::store;

TEST_CASE("the code alphabet has no look-alike symbols", "[store][code]") {
    for (char c : {'O', '0', 'I', '1'}) {
        CHECK(kCodeAlphabet.find(c) == std::string_view::npos);
    }
    CHECK(kCodeAlphabet.size() == 32);
}

TEST_CASE("generated codes are valid, distinct and use the alphabet only", "[store][code]") {
    std::set<std::string> seen;
    for (int i = 0; i < 500; ++i) {
        const std::string code = generateBeneficiaryCode();
        REQUIRE(code.size() == kCodeLength);
        for (char c : code) {
            REQUIRE(kCodeAlphabet.find(c) != std::string_view::npos);
        }
        REQUIRE(normalizeBeneficiaryCode(code) == code);
        seen.insert(code);
    }
    CHECK(seen.size() == 500);
}

TEST_CASE("every code typed with one wrong character is rejected", "[store][code]") {
    for (int n = 0; n < 200; ++n) {
        const std::string code = generateBeneficiaryCode();
        for (std::size_t pos = 0; pos < code.size(); ++pos) {
            for (char c : kCodeAlphabet) {
                if (c == code[pos]) {
                    continue;
                }
                std::string typo = code;
                typo[pos] = c;
                INFO(code << " typed as " << typo);
                REQUIRE_FALSE(normalizeBeneficiaryCode(typo).has_value());
            }
        }
    }
}

TEST_CASE("most swaps of two neighbouring characters are rejected", "[store][code]") {
    int swaps = 0;
    int caught = 0;
    for (int n = 0; n < 500; ++n) {
        const std::string code = generateBeneficiaryCode();
        for (std::size_t pos = 0; pos + 1 < code.size(); ++pos) {
            if (code[pos] == code[pos + 1]) {
                continue;
            }
            std::string swapped = code;
            std::swap(swapped[pos], swapped[pos + 1]);
            ++swaps;
            caught += normalizeBeneficiaryCode(swapped) ? 0 : 1;
        }
    }
    // Luhn mod N misses only swaps of two specific symbol pairs.
    CHECK(caught >= swaps * 95 / 100);
}

TEST_CASE("codes are read case-insensitively with separators, and shown grouped", "[store][code]") {
    const std::string code = std::string("K7M2QX") + codeCheckCharacter("K7M2QX");
    std::string typed = code.substr(0, 3) + "-" + code.substr(3);
    for (char& c : typed) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    CHECK(normalizeBeneficiaryCode(typed) == code);
    CHECK(normalizeBeneficiaryCode(" " + code + " ") == code);
    CHECK(formatBeneficiaryCode(code) == code.substr(0, 3) + "-" + code.substr(3));
    CHECK_FALSE(normalizeBeneficiaryCode(code.substr(0, 6)));
    CHECK_FALSE(normalizeBeneficiaryCode(code + "2"));
    CHECK_FALSE(normalizeBeneficiaryCode("O" + code.substr(1)));
}

TEST_CASE("the database refuses a mistyped code and does not find it", "[store][code]") {
    test::TempDir dir;
    auto db = Database::open(dir / "k.sqlite");
    const Beneficiary b = db->registerNewBeneficiary(std::string("Awa"), db->nowMs());
    REQUIRE(db->findBeneficiary(b.code));
    std::string typo = b.code;
    typo[2] = typo[2] == 'A' ? 'B' : 'A';
    CHECK_FALSE(db->findBeneficiary(typo));
    CHECK_FALSE(db->findResumableAttempt(typo));
    try {
        db->registerBeneficiary(typo);
        FAIL("a mistyped code was registered");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreErrorKind::Invalid);
    }
    CHECK(db->counts().beneficiaries == 1);
}
