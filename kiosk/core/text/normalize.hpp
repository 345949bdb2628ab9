// French typed-answer normalisation: how "Pharmacie", "pharmacie." and "pharmacié" are compared
// with an accepted answer, according to the item's Tolerance.
//
// Always applied (these are typing accidents, never spelling):
//   - trimming and collapsing whitespace, including no-break spaces (U+00A0, U+202F) that French
//     typography puts before « ? ! : ; » and zero-width characters (removed);
//   - decomposed accents (e + U+0301) are composed, so they equal the precomposed letter;
//   - ligatures œ/Œ -> oe/OE, æ/Æ -> ae/AE: French keyboards have no œ key, so "oeuf" is how
//     most people type "œuf" and must never cost a point.
// Per tolerance flag:
//   - normalizeApostrophes: ’ ‘ ʼ ` ´ ′ -> '
//   - ignoreCase: Latin lowercase (ASCII, Latin-1, Latin Extended-A: É -> é, Ÿ -> ÿ)
//   - ignoreAccents: letters lose their diacritics (é è ê ë -> e, ç -> c, ñ -> n, ...)
//   - ignorePunctuation: punctuation (ASCII, « » “ ” … – — ¿ ¡, apostrophes) becomes a space,
//     so "peut-être" == "peut être" and "l'eau" == "l eau".
//   - maxEditRatio: after normalisation, accepted when Levenshtein(given, accepted) <=
//     maxEditRatio × length(accepted) in code points (0 = exact after normalisation).
#pragma once

#include "text/tolerance.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace repere::text {

// The normalised form of `text` (UTF-8 in, UTF-8 out; malformed bytes become U+FFFD).
std::string normalizeAnswer(std::string_view text, const Tolerance& tolerance);

// True when `given` equals `accepted` under `tolerance` (including the edit-distance ratio).
// An empty accepted answer only accepts an empty given answer.
bool typedAnswerMatches(std::string_view given, std::string_view accepted,
                        const Tolerance& tolerance);

// True when `given` matches at least one of `accepted`.
bool typedAnswerMatchesAny(std::string_view given, const std::vector<std::string>& accepted,
                           const Tolerance& tolerance);

} // namespace repere::text
