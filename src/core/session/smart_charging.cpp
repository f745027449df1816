// Smart charging on the session screen (see smart_charging.hpp).
#include "smart_charging.hpp"

namespace core {

SmartCharging smart_charging(const SessionStatus& st) {
    if (st.status != SessionStatusCode::Charging) return SmartCharging::None;
    switch (st.priority) {
        case PriorityStatus::Off: return SmartCharging::Holding;
        case PriorityStatus::On: return SmartCharging::FullPower;
        case PriorityStatus::Other: return SmartCharging::Unknown;
        case PriorityStatus::NotApplicable: return SmartCharging::None;
        case PriorityStatus::Absent: break;
    }
    // No priority field: a smart-charging session that draws nothing is being held back.
    return st.smart_charging == true && st.power_kw <= 0 ? SmartCharging::Holding : SmartCharging::None;
}

std::string priority_text(const SessionStatus& st) {
    switch (st.priority) {
        case PriorityStatus::Absent: return {};
        case PriorityStatus::NotApplicable: return tr(Str::PriorityNotApplicable);
        case PriorityStatus::Off: return tr(Str::PriorityOff);
        case PriorityStatus::On: return tr(Str::PriorityOn);
        case PriorityStatus::Other: break;
    }
    return tr_format(Str::PriorityOther, {st.priority_raw});
}

bool can_ask_full_power(const ActiveSession& s) {
    if (!s.last || smart_charging(*s.last) != SmartCharging::Holding || s.stop_requested) return false;
    return s.priority_ask == PriorityAsk::None || s.priority_ask == PriorityAsk::Failed;
}

}  // namespace core
