// gzip with explicit limits: the server inflates untrusted bodies, so decompression stops as
// soon as the output would pass a cap instead of trusting any declared size.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace repere::sync {

std::string gzipCompress(std::string_view data, int level = 6);

enum class InflateError { None, NotGzip, Corrupt, TooLarge };

struct InflateResult {
    std::string data;
    InflateError error = InflateError::None;
    bool ok() const { return error == InflateError::None; }
};

// Inflates one gzip stream; fails with TooLarge the moment output would exceed maxOutput.
InflateResult gzipDecompress(std::string_view data, std::size_t maxOutput);

} // namespace repere::sync
