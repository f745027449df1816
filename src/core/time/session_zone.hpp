// The one rule for the zone a charging session's times are shown in, on the receipt, in Past
// sessions and in every document of a session: the charger's, from its location's timeZone; the
// zone is named beside the time when the phone's own offset at that moment differs. A charger whose
// zone is unknown shows the phone's time (the driver's own clock), unnamed.
#pragma once
#include <string>
#include <string_view>

#include "time_point.hpp"

namespace core {

// The phone's zone as the browser says it: its IANA name (may be empty or unknown to zone_for)
// and its offset from UTC when the app started (used when the name is not known).
struct PhoneZone {
    std::string name;
    int offset_minutes = 0;
};

struct ShownZone {
    int offset_minutes = 0;  // east of UTC, at that moment
    std::string label;       // "CET", "UTC+03:00"; empty when it is the phone's own offset then
};

ShownZone session_zone(std::string_view charger_zone, const PhoneZone& phone, TimePoint t);

}  // namespace core
