// Which zone a session's time is shown in (session_zone.hpp).
#include "session_zone.hpp"

#include "zone_rules.hpp"

namespace core {

ShownZone session_zone(std::string_view charger_zone, const PhoneZone& phone, TimePoint t) {
    const auto phone_rule = zone_for(phone.name);
    const int phone_offset = phone_rule ? utc_offset_minutes(*phone_rule, t) : phone.offset_minutes;
    const auto charger = zone_for(charger_zone);
    if (!charger) return {phone_offset, {}};
    ShownZone shown{utc_offset_minutes(*charger, t), {}};
    if (shown.offset_minutes != phone_offset) shown.label = zone_abbreviation(*charger, t);
    return shown;
}

}  // namespace core
