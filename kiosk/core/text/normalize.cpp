#include "text/normalize.hpp"

#include "text/edit_distance.hpp"
#include "text/utf8.hpp"

#include <array>
#include <cmath>
#include <string_view>

namespace repere::text {

namespace {

// Base letter of each code point U+0100..U+017F (Latin Extended-A). Upper/lower case of the
// base letter follows the case of the accented letter, which also drives lowercasing below.
using namespace std::string_view_literals;

constexpr std::string_view kLatinExtendedABase = "AaAaAa"
                                                 "CcCcCcCc"
                                                 "DdDd"
                                                 "EeEeEeEeEe"
                                                 "GgGgGgGg"
                                                 "HhHh"
                                                 "IiIiIiIiIi"
                                                 "Ii"
                                                 "Jj"
                                                 "Kkk"
                                                 "LlLlLlLlLl"
                                                 "NnNnNnn"
                                                 "Nn"
                                                 "OoOoOo"
                                                 "Oo"
                                                 "RrRrRr"
                                                 "SsSsSsSs"
                                                 "TtTtTt"
                                                 "UuUuUuUuUuUu"
                                                 "Ww"
                                                 "YyY"
                                                 "ZzZzZz"
                                                 "s"sv;
static_assert(kLatinExtendedABase.size() == 0x80);

// Base letter of U+00C0..U+00FF (Latin-1 letters); '\0' for the two non-letters × ÷ and for
// letters without a plain base (Þ þ ß are kept as they are).
constexpr std::string_view kLatin1Base = "AAAAAA\0CEEEEIIII"
                                         "DNOOOOO\0OUUUUY\0\0"
                                         "aaaaaa\0ceeeeiiii"
                                         "dnooooo\0ouuuuy\0y"sv;
static_assert(kLatin1Base.size() == 0x40);

bool isAsciiUpper(char32_t c) {
    return c >= 'A' && c <= 'Z';
}

char32_t toLower(char32_t c) {
    if (isAsciiUpper(c)) {
        return c + 0x20;
    }
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) {
        return c + 0x20;
    }
    if (c == 0x178) {
        return 0xFF; // Ÿ -> ÿ lives in Latin-1
    }
    if (c == 0x130) {
        return 'i'; // İ (Turkish dotted capital I)
    }
    if (c >= 0x100 && c < 0x17F) {
        const char base = kLatinExtendedABase[c - 0x100];
        const char next = kLatinExtendedABase[c + 1 - 0x100];
        if (isAsciiUpper(static_cast<char32_t>(base)) && next == base + 0x20) {
            return c + 1;
        }
    }
    return c;
}

char32_t stripAccent(char32_t c) {
    if (c >= 0xC0 && c <= 0xFF) {
        const char base = kLatin1Base[c - 0xC0];
        return base == '\0' ? c : static_cast<char32_t>(base);
    }
    if (c >= 0x100 && c <= 0x17F) {
        return static_cast<char32_t>(kLatinExtendedABase[c - 0x100]);
    }
    return c;
}

char32_t toUpperAscii(char32_t c) {
    return c >= 'a' && c <= 'z' ? c - 0x20 : c;
}

bool isCombiningMark(char32_t c) {
    return c >= 0x300 && c <= 0x36F;
}

// Composes the French accented letters written as base + combining mark.
char32_t compose(char32_t base, char32_t mark) {
    struct Entry {
        char32_t base, mark, composed;
    };
    static constexpr std::array<Entry, 33> kTable{{
        {'a', 0x300, 0xE0}, {'e', 0x300, 0xE8},  {'u', 0x300, 0xF9}, {'A', 0x300, 0xC0},
        {'E', 0x300, 0xC8}, {'U', 0x300, 0xD9},  {'e', 0x301, 0xE9}, {'E', 0x301, 0xC9},
        {'a', 0x302, 0xE2}, {'e', 0x302, 0xEA},  {'i', 0x302, 0xEE}, {'o', 0x302, 0xF4},
        {'u', 0x302, 0xFB}, {'A', 0x302, 0xC2},  {'E', 0x302, 0xCA}, {'I', 0x302, 0xCE},
        {'O', 0x302, 0xD4}, {'U', 0x302, 0xDB},  {'e', 0x308, 0xEB}, {'i', 0x308, 0xEF},
        {'u', 0x308, 0xFC}, {'y', 0x308, 0xFF},  {'E', 0x308, 0xCB}, {'I', 0x308, 0xCF},
        {'U', 0x308, 0xDC}, {'Y', 0x308, 0x178}, {'c', 0x327, 0xE7}, {'C', 0x327, 0xC7},
        {'o', 0x308, 0xF6}, {'O', 0x308, 0xD6},  {'a', 0x308, 0xE4}, {'A', 0x308, 0xC4},
        {'n', 0x303, 0xF1},
    }};
    for (const auto& e : kTable) {
        if (e.base == base && e.mark == mark) {
            return e.composed;
        }
    }
    return 0;
}

bool isApostrophe(char32_t c) {
    return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x0060 || c == 0x00B4 || c == 0x2032;
}

bool isSpace(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0xA0 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool isInvisible(char32_t c) {
    return c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF;
}

bool isPunctuation(char32_t c) {
    if (c < 0x80) {
        return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
               (c >= 0x7B && c <= 0x7E);
    }
    return c == 0xA1 || c == 0xAB || c == 0xBB || c == 0xBF || c == 0xB7 || c == 0xB4 ||
           (c >= 0x2010 && c <= 0x2027) || c == 0x2032 || c == 0x2039 || c == 0x203A || c == 0x02BC;
}

std::u32string normalizeCodePoints(std::string_view text, const Tolerance& tolerance) {
    const std::u32string input = decodeUtf8(text);
    std::u32string letters;
    letters.reserve(input.size());
    for (std::size_t i = 0; i < input.size(); ++i) {
        char32_t c = input[i];
        // Capital ligature: "Œuvre" is written "Oeuvre", "ŒUVRE" is "OEUVRE".
        const bool nextIsLower =
            i + 1 < input.size() && toLower(input[i + 1]) == input[i + 1] &&
            stripAccent(input[i + 1]) != toUpperAscii(stripAccent(input[i + 1]));
        if (isInvisible(c)) {
            continue;
        }
        if (isCombiningMark(c)) {
            if (tolerance.ignoreAccents) {
                continue;
            }
            if (!letters.empty()) {
                if (char32_t composed = compose(letters.back(), c)) {
                    letters.back() = composed;
                    continue;
                }
            }
            letters.push_back(c);
            continue;
        }
        if (tolerance.normalizeApostrophes && isApostrophe(c)) {
            c = '\'';
        }
        switch (c) {
        case 0x153:
            letters += U"oe";
            continue;
        case 0x152:
            letters += nextIsLower ? U"Oe" : U"OE";
            continue;
        case 0xE6:
            letters += U"ae";
            continue;
        case 0xC6:
            letters += nextIsLower ? U"Ae" : U"AE";
            continue;
        default:
            letters.push_back(c);
        }
    }

    std::u32string out;
    out.reserve(letters.size());
    bool pendingSpace = false;
    for (char32_t c : letters) {
        if (tolerance.ignoreCase) {
            c = toLower(c);
        }
        if (tolerance.ignoreAccents) {
            c = stripAccent(c);
        }
        if (isSpace(c) || (tolerance.ignorePunctuation && (isPunctuation(c) || isApostrophe(c)))) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) {
            out.push_back(' ');
            pendingSpace = false;
        }
        out.push_back(c);
    }
    return out;
}

} // namespace

std::string normalizeAnswer(std::string_view text, const Tolerance& tolerance) {
    return encodeUtf8(normalizeCodePoints(text, tolerance));
}

bool typedAnswerMatches(std::string_view given, std::string_view accepted,
                        const Tolerance& tolerance) {
    const std::u32string a = normalizeCodePoints(given, tolerance);
    const std::u32string b = normalizeCodePoints(accepted, tolerance);
    if (a == b) {
        return true;
    }
    if (tolerance.maxEditRatio <= 0.0 || b.empty()) {
        return false;
    }
    // Small epsilon: 0.2 × 10 must allow 2 edits despite binary floating point.
    const double allowed =
        std::floor(tolerance.maxEditRatio * static_cast<double>(b.size()) + 1e-9);
    return static_cast<double>(editDistance(a, b)) <= allowed;
}

bool typedAnswerMatchesAny(std::string_view given, const std::vector<std::string>& accepted,
                           const Tolerance& tolerance) {
    for (const auto& candidate : accepted) {
        if (typedAnswerMatches(given, candidate, tolerance)) {
            return true;
        }
    }
    return false;
}

} // namespace repere::text
