// gzip with explicit limits: the server inflates untrusted bodies, so decompression stops as
// soon as the output would pass a cap instead of trusting any declared size.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace repere::sync {

std::string gzipCompress(std::string_view data, int level = 6);

enum class InflateError { None, NotGzip, Corrupt, TooLarge, Refused };

struct InflateResult {
    std::string data;
    InflateError error = InflateError::None;
    bool ok() const { return error == InflateError::None; }
};

// Sees each inflated piece as it comes out; returning false stops inflation (Refused), so a
// content check (JSON depth) can refuse a bomb before the rest of it is inflated.
using InflateWatcher = std::function<bool(std::string_view piece)>;

// Inflates one gzip stream; fails with TooLarge the moment output would exceed maxOutput.
InflateResult gzipDecompress(std::string_view data, std::size_t maxOutput,
                             const InflateWatcher& watch = {});

} // namespace repere::sync
