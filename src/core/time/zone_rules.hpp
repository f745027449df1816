// Local time for tariff restrictions without chrono time zones: a small table of zones with the
// EU summer-time rule, plus UTC and fixed offsets ("+02:00"). See zone_for for what is known.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "time_point.hpp"

namespace core {

struct ZoneRule {
    int standard_offset_min = 0;  // east of UTC
    bool eu_summer_time = false;  // +60 min from the last Sunday of March to the last of October, 01:00 UTC
    const char* winter = nullptr;  // abbreviations of a named zone ("CET", "CEST"); none for an offset
    const char* summer = nullptr;
};

// IANA names of the EU/EFTA zones (Europe/Amsterdam, Europe/Berlin, Europe/Brussels, Europe/London,
// Europe/Helsinki ...), the Windows names Charge Assist uses for them ("W. Europe Standard Time"),
// "UTC"/"Z"/"Etc/UTC", and fixed offsets "+HH:MM", "-HH:MM", "UTC+HH:MM". nullopt for anything else.
// Limitation: the EU rule (in force since 1996) is applied to every year.
std::optional<ZoneRule> zone_for(std::string_view name);

// Minutes east of UTC in force at `t`.
int utc_offset_minutes(const ZoneRule& zone, TimePoint t);

// The zone at `t` as people write it beside a time: "CET", "CEST", "GMT", "BST"; "UTC" or
// "UTC+03:00" for an offset.
std::string zone_abbreviation(const ZoneRule& zone, TimePoint t);

}  // namespace core
