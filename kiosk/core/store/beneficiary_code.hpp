// Beneficiary codes: the pseudonymous key a counsellor gives a person (or the kiosk makes one).
//
// Seven characters from a 32-symbol alphabet without the look-alikes O/0 and I/1, typed on a big
// keypad: six random symbols and one Luhn mod 32 check character. Luhn mod N catches every
// single wrong character and most swaps of two neighbours, so a mistyped code is refused instead
// of silently opening (or creating) somebody else's record. 32^6 ≈ 1.07e9 codes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace repere::store {

inline constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
inline constexpr std::size_t kCodePayloadLength = 6;
inline constexpr std::size_t kCodeLength = kCodePayloadLength + 1;

// The check character for a payload of alphabet symbols. Throws std::invalid_argument otherwise.
char codeCheckCharacter(std::string_view payload);

// A new random code (payload + check character), canonical form.
std::string generateBeneficiaryCode();

// Canonical form of what was typed (case and separators ' ', '-' ignored) when it is a valid
// code; nullopt for a wrong length, a symbol outside the alphabet, or a wrong check character.
std::optional<std::string> normalizeBeneficiaryCode(std::string_view typed);

// Display form "ABC-DEFG": groups make a code easier to read out and copy.
std::string formatBeneficiaryCode(std::string_view canonical);

} // namespace repere::store
