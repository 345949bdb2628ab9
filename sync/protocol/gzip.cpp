#include "sync/protocol/gzip.hpp"

#include <stdexcept>
#include <zlib.h>

namespace repere::sync {

std::string gzipCompress(std::string_view data, int level) {
    z_stream zs{};
    // 15 + 16: zlib window of 32 KiB with a gzip header and trailer.
    if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("deflateInit2 failed");
    std::string out;
    out.resize(deflateBound(&zs, static_cast<uLong>(data.size())) + 32);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    const auto written = zs.total_out;
    deflateEnd(&zs);
    if (rc != Z_STREAM_END)
        throw std::runtime_error("deflate failed");
    out.resize(written);
    return out;
}

InflateResult gzipDecompress(std::string_view data, std::size_t maxOutput,
                             const InflateWatcher& watch) {
    InflateResult result;
    if (data.size() < 18 || static_cast<unsigned char>(data[0]) != 0x1f ||
        static_cast<unsigned char>(data[1]) != 0x8b) {
        result.error = InflateError::NotGzip;
        return result;
    }
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 16) != Z_OK) {
        result.error = InflateError::Corrupt;
        return result;
    }
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    char buf[64 * 1024];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        zs.next_out = reinterpret_cast<Bytef*>(buf);
        zs.avail_out = sizeof buf;
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            result.error = InflateError::Corrupt;
            break;
        }
        const std::size_t produced = sizeof buf - zs.avail_out;
        if (result.data.size() + produced > maxOutput) {
            result.error = InflateError::TooLarge;
            break;
        }
        if (watch && produced > 0 && !watch(std::string_view(buf, produced))) {
            result.error = InflateError::Refused;
            break;
        }
        result.data.append(buf, produced);
        if (rc == Z_OK && produced == 0 && zs.avail_in == 0) { // truncated stream
            result.error = InflateError::Corrupt;
            break;
        }
    }
    if (result.ok() && zs.avail_in != 0)
        result.error = InflateError::Corrupt; // trailing garbage
    inflateEnd(&zs);
    if (!result.ok())
        result.data.clear();
    return result;
}

} // namespace repere::sync
