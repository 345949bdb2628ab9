#include "text/utf8.hpp"

namespace repere::text {

namespace {
constexpr char32_t kReplacement = 0xFFFD;

// One step of decoding at `i`: the code point, how many bytes it took (at least 1), and whether
// those bytes were a well-formed sequence.
struct Step {
    char32_t codePoint = 0;
    std::size_t taken = 1;
    bool valid = false;
};

Step decodeAt(std::string_view bytes, std::size_t i) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead < 0x80) {
        return {lead, 1, true};
    }
    std::size_t length = 0;
    char32_t cp = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, cp = lead & 0x1F, minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, cp = lead & 0x0F, minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, cp = lead & 0x07, minimum = 0x10000;
    } else {
        return {kReplacement, 1, false};
    }
    std::size_t taken = 1;
    while (taken < length && i + taken < bytes.size() &&
           isContinuationByte(static_cast<unsigned char>(bytes[i + taken]))) {
        cp = (cp << 6) | (static_cast<unsigned char>(bytes[i + taken]) & 0x3F);
        ++taken;
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    const bool valid =
        taken == length && cp >= minimum && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    return {valid ? cp : kReplacement, taken, valid};
}

} // namespace

std::u32string decodeUtf8(std::string_view bytes) {
    std::u32string out;
    out.reserve(bytes.size());
    for (std::size_t i = 0; i < bytes.size();) {
        const Step s = decodeAt(bytes, i);
        out.push_back(s.codePoint);
        i += s.taken;
    }
    return out;
}

std::size_t firstInvalidUtf8(std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size();) {
        const Step s = decodeAt(bytes, i);
        if (!s.valid) {
            return i;
        }
        i += s.taken;
    }
    return std::string_view::npos;
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        cp = kReplacement;
    }
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string encodeUtf8(std::u32string_view codePoints) {
    std::string out;
    out.reserve(codePoints.size());
    for (char32_t cp : codePoints) {
        appendUtf8(out, cp);
    }
    return out;
}

std::size_t sequenceLength(unsigned char lead) {
    if (lead >= 0xF0) {
        return 4;
    }
    if (lead >= 0xE0) {
        return 3;
    }
    if (lead >= 0xC0) {
        return 2;
    }
    return 1;
}

std::size_t codepointCount(std::string_view bytes) {
    std::size_t n = 0;
    for (unsigned char c : bytes) {
        if (!isContinuationByte(c)) {
            ++n;
        }
    }
    return n;
}

void popLastCodepoint(std::string& bytes) {
    while (!bytes.empty()) {
        const auto c = static_cast<unsigned char>(bytes.back());
        bytes.pop_back();
        if (!isContinuationByte(c)) {
            break;
        }
    }
}

} // namespace repere::text
