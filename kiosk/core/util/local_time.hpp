// Dates as people read them: local time (the machine's time zone), formatted with strftime. The
// kiosk's trainer pages, bilans, exports and sync panel and the server's back office all go
// through these, so "today", "this week" and every printed date agree.
#pragma once

#include <cstdint>
#include <ctime>
#include <string>

namespace repere::util {

// `ms` since the epoch in the machine's time zone, e.g. formatLocalTime(ms, "%d/%m/%Y").
std::string formatLocalTime(std::int64_t ms, const char* strftimeFormat);

// The broken-down local time of `ms`.
std::tm localTm(std::int64_t ms);

// Midnight (local) of the day `t` names, in ms; `t`'s day fields may be out of range (the 0th of
// a month, a Monday found by subtracting days): mktime normalises them, DST decided by the date.
std::int64_t localMidnightMs(std::tm t);

// Midnight (local) of the day `ms` falls in.
std::int64_t startOfLocalDayMs(std::int64_t ms);

// The machine's offset from UTC at `ms`, in minutes (e.g. 60 in Paris in winter).
int localUtcOffsetMinutes(std::int64_t ms);

} // namespace repere::util
