// UTF-8 <-> code points, and the byte-level helpers every room that edits or checks text uses
// (the on-screen keyboard, typed answers, the quiz reader). Typed answers come from an on-screen
// keyboard but also from files and the network, so malformed bytes must never crash or be
// silently dropped: they become U+FFFD.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace repere::text {

// Decodes UTF-8; each malformed or truncated sequence (and overlong forms, surrogates,
// code points above U+10FFFF) becomes one U+FFFD REPLACEMENT CHARACTER.
std::u32string decodeUtf8(std::string_view bytes);

// Encodes code points; invalid ones (surrogates, > U+10FFFF) are written as U+FFFD.
std::string encodeUtf8(std::u32string_view codePoints);
// Appends one code point, encoded (invalid ones as U+FFFD).
void appendUtf8(std::string& out, char32_t codePoint);

// Offset of the first byte that is not well-formed UTF-8 (overlong, surrogate, > U+10FFFF,
// truncated), or npos.
std::size_t firstInvalidUtf8(std::string_view bytes);

// A byte that continues a sequence (10xxxxxx), never the start of a character.
inline bool isContinuationByte(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

// Bytes of the sequence a lead byte starts (1 to 4; 1 for a stray continuation byte).
std::size_t sequenceLength(unsigned char lead);

// Characters (code points) in a UTF-8 string: what a person counts; invalid bytes count one each.
std::size_t codepointCount(std::string_view bytes);

// Removes the last character (a whole code point, e.g. "é"); nothing when empty.
void popLastCodepoint(std::string& bytes);

} // namespace repere::text
