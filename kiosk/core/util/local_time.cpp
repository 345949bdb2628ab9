#include "util/local_time.hpp"

namespace repere::util {

std::tm localTm(std::int64_t ms) {
    const std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    return tm;
}

std::string formatLocalTime(std::int64_t ms, const char* strftimeFormat) {
    const std::tm tm = localTm(ms);
    char buf[64];
    const std::size_t n = std::strftime(buf, sizeof buf, strftimeFormat, &tm);
    return std::string(buf, n);
}

std::int64_t localMidnightMs(std::tm t) {
    t.tm_hour = 0;
    t.tm_min = 0;
    t.tm_sec = 0;
    t.tm_isdst = -1;
    return static_cast<std::int64_t>(std::mktime(&t)) * 1000;
}

std::int64_t startOfLocalDayMs(std::int64_t ms) {
    return localMidnightMs(localTm(ms));
}

int localUtcOffsetMinutes(std::int64_t ms) {
    return static_cast<int>(localTm(ms).tm_gmtoff / 60);
}

} // namespace repere::util
