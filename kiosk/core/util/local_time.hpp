// Dates as people read them: local time, formatted with strftime.
#pragma once

#include <cstdint>
#include <string>

namespace repere::util {

// `ms` since the epoch in the machine's time zone, e.g. formatLocalTime(ms, "%d/%m/%Y").
std::string formatLocalTime(std::int64_t ms, const char* strftimeFormat);

} // namespace repere::util
