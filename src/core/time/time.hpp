// Time as the core counts it: UTC instants (TimePoint, Millis) read from and written as ISO 8601,
// the civil-time rules of the zones the app prices in (UTC, fixed offsets, EU/EFTA zones), and the
// one rule for the zone a session's times are shown in (session_zone.hpp).
// Other parts include only this header.
#pragma once

#include "time_point.hpp"
#include "zone_rules.hpp"
#include "session_zone.hpp"
