// Time in the core: UTC milliseconds, handed in by events; nothing in the core reads a clock.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace core {

using TimePoint = std::chrono::sys_time<std::chrono::milliseconds>;
using Millis = std::chrono::milliseconds;

inline TimePoint time_from_ms(int64_t ms) { return TimePoint{Millis{ms}}; }
inline int64_t ms_since_epoch(TimePoint t) { return t.time_since_epoch().count(); }

// ISO 8601 with offset ("2021-06-14T10:59:20+02:00", "…T08:57:20.0231712+00:00", "…Z").
// A missing offset is read as UTC. Returns nullopt for anything else.
std::optional<TimePoint> parse_iso8601(std::string_view text);

// "2021-06-14T08:57:20Z", with ".mmm" only when the milliseconds are not zero.
std::string format_iso8601_utc(TimePoint t);

// A moment split into civil fields (proleptic Gregorian), e.g. for showing a clock time.
struct CivilTime {
    int year = 1970;
    int month = 1;   // 1..12
    int day = 1;     // 1..31
    int hour = 0, minute = 0, second = 0, millisecond = 0;
};

// Days since 1970-01-01 of a proleptic Gregorian date (month 1..12).
int64_t days_from_civil(int64_t year, unsigned month, unsigned day);

// The civil time at `t` shifted by `utc_offset_minutes` (0 for UTC).
CivilTime civil_time(TimePoint t, int utc_offset_minutes = 0);

}  // namespace core
