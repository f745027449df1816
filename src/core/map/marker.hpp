// What a map marker says about a location at a glance: free / busy / out of order / unknown, AC or
// DC and power class, and the same in words for its accessible name. Pure; the map view draws it.
#pragma once
#include <string>
#include <string_view>

#include "core/api/api.hpp"

namespace core {

enum class MarkerState { Free, Busy, OutOfOrder, Unknown };

// From the EVSE statuses when the summary lists them: some AVAILABLE is free; all out of order
// (OUTOFORDER/INOPERATIVE) is out of order; none known to be free or in use (all UNKNOWN, or only
// out of order and UNKNOWN, or only PLANNED/REMOVED) is unknown; otherwise busy. Without EVSEs from
// conAvail/conTot: none counted is unknown, any available free, else busy.
MarkerState marker_state(const LocationSummary& s);

// Power class for the marker's size: 0 up to 11 kW, 1 from 22 kW (fast AC), 2 from 50 kW (DC),
// 3 from 150 kW (high power). 0 when the power is not known.
int power_class(double max_kw);

// "2 of 3 free", "out of order" or "availability unknown".
std::string marker_state_text(const LocationSummary& s);
// "DC up to 150 kW", "AC up to 22 kW", "AC and DC up to 50 kW"; "" when the summary lists no connectors.
std::string marker_power_text(const LocationSummary& s);
// The marker's accessible name: "Marga, 2 of 3 free, AC up to 11 kW"; "Fastned A2, out of order, DC up to 300 kW".
std::string marker_label(const LocationSummary& s);
// The power drawn under a marker at street level: "150 kW", "7.4 kW"; "" when unknown.
std::string marker_kw_badge(const LocationSummary& s);

}  // namespace core
