// UTF-8 <-> code points. Typed answers come from an on-screen keyboard but also from files and
// the network, so malformed bytes must never crash or be silently dropped: they become U+FFFD.
#pragma once

#include <string>
#include <string_view>

namespace repere::text {

// Decodes UTF-8; each malformed or truncated sequence (and overlong forms, surrogates,
// code points above U+10FFFF) becomes one U+FFFD REPLACEMENT CHARACTER.
std::u32string decodeUtf8(std::string_view bytes);

// Encodes code points; invalid ones (surrogates, > U+10FFFF) are written as U+FFFD.
std::string encodeUtf8(std::u32string_view codePoints);

} // namespace repere::text
