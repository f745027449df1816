// The bottom sheet's words for what a location offers besides charging: its facilities and its
// opening hours, as single lines for the sheet (and the screen reader).
#pragma once
#include <string>
#include <vector>

#include "types.hpp"

namespace core {

// "At this place: Shopping centre, Hotel"; a value this app does not know is shown as given.
// Empty when the location lists none.
std::string facilities_line(const std::vector<FacilityValue>& facilities);
// "Open 24/7", or "Open: Mon 08:00–20:00, Tue 08:00–20:00"; empty when the hours say nothing.
std::string opening_hours_line(const OpeningHours& hours);

}  // namespace core
