// Classifies a location for its map marker and puts the same in words (see marker.hpp).
#include "marker.hpp"

#include "core/api/api.hpp"
#include "core/text/text.hpp"

namespace core {

MarkerState marker_state(const LocationSummary& s) {
    const EvseTally& t = s.evses;
    if (t.listed > 0) {
        if (t.available > 0) return MarkerState::Free;
        const int in_service = t.listed - t.not_in_service;
        if (in_service <= 0) return MarkerState::Unknown;
        if (t.out_of_order == in_service) return MarkerState::OutOfOrder;
        // Nothing known to be in use: an UNKNOWN charger may well work, so "busy" would mislead.
        if (t.out_of_order + t.unknown == in_service) return MarkerState::Unknown;
        return MarkerState::Busy;
    }
    if (s.connectors_total <= 0) return MarkerState::Unknown;
    return s.connectors_available > 0 ? MarkerState::Free : MarkerState::Busy;
}

int power_class(double max_kw) {
    if (max_kw >= 150) return 3;
    if (max_kw >= 50) return 2;
    if (max_kw >= 22) return 1;
    return 0;
}

std::string marker_state_text(const LocationSummary& s) {
    switch (marker_state(s)) {
        case MarkerState::OutOfOrder: return tr(Str::MarkerOutOfOrder);
        case MarkerState::Unknown: {
            // Every charger there reported offline (or broken): it is known not to answer a start.
            const EvseTally& t = s.evses;
            const int in_service = t.listed - t.not_in_service;
            const bool offline = t.unreachable > 0 && t.unreachable + t.out_of_order == in_service;
            return tr(offline ? Str::MarkerUnreachable : Str::MarkerUnknown);
        }
        case MarkerState::Free:
        case MarkerState::Busy: break;
    }
    return tr_format(Str::ConnectorsFree,
                     {std::to_string(s.connectors_available), std::to_string(s.connectors_total)});
}

std::string marker_power_text(const LocationSummary& s) {
    if (!s.has_ac && !s.has_dc) return {};
    const Str kind = s.has_ac && s.has_dc ? Str::MarkerAcDc : s.has_dc ? Str::MarkerDc : Str::MarkerAc;
    if (s.max_kw <= 0) return tr(kind);
    const Str up_to = s.has_ac && s.has_dc ? Str::MarkerAcDcUpTo : s.has_dc ? Str::MarkerDcUpTo : Str::MarkerAcUpTo;
    return tr_format(up_to, {format_power_short(s.max_kw)});
}

std::string marker_label(const LocationSummary& s) {
    const std::string power = marker_power_text(s);
    if (power.empty()) return tr_format(Str::MarkerLabel, {s.name, marker_state_text(s)});
    return tr_format(Str::MarkerLabelPower, {s.name, marker_state_text(s), power});
}

std::string marker_kw_badge(const LocationSummary& s) {
    return s.max_kw > 0 ? format_power_short(s.max_kw) : std::string();
}

}  // namespace core
