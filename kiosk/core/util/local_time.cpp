#include "util/local_time.hpp"

#include <ctime>

namespace repere::util {

std::string formatLocalTime(std::int64_t ms, const char* strftimeFormat) {
    const std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[64];
    const std::size_t n = std::strftime(buf, sizeof buf, strftimeFormat, &tm);
    return std::string(buf, n);
}

} // namespace repere::util
