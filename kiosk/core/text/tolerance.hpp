// How a typed answer is compared with an accepted answer (gaps typed, form fields). It lives in
// the text room, beside the comparison that reads it (normalize.hpp), so text depends on no other
// room; the quiz model names it quiz::Tolerance and the package reader fills it from the JSON.
#pragma once

namespace repere::text {

struct Tolerance {
    bool ignoreCase = true;
    bool ignoreAccents = false;       // "a" == "à" when true
    bool ignorePunctuation = true;    // trailing dots, commas, hyphens vs spaces
    bool normalizeApostrophes = true; // ’ == '
    double maxEditRatio = 0.0;        // Levenshtein distance / length of the accepted answer
};

} // namespace repere::text
