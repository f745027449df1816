// The string ids that name API states for people (status words on the map, location and session
// screens); views call these instead of switching on enums themselves.
#pragma once
#include <string>

#include "types.hpp"
#include "core/text/text.hpp"

namespace core {

Str evse_status_label(EvseStatus s);
Str verification_label(VerificationStatus s);
Str facility_label(Facility f);  // Str::None for Unknown (shown as given on the wire)
Str session_status_label(SessionStatusCode s);
// The session status in words; an unknown wire value is shown as such ("Unknown status: X").
std::string session_status_text(const SessionStatus& s);

}  // namespace core
