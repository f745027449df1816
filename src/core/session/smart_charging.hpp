// Smart charging on the session screen: whether the charger is holding power back, the words for
// every prioritySessionStatus, and where the driver's "Charge now at full power" stands.
#pragma once
#include "active_session.hpp"
#include "core/text/text.hpp"

namespace core {

enum class SmartCharging {
    None,       // not a smart-charging session, or nothing to say about it
    Holding,    // CHARGING under smart charging (prioritySessionStatus OFF, or smart with no power)
    FullPower,  // prioritySessionStatus ON: the driver's override holds
    Unknown,    // a prioritySessionStatus this app does not know: shown as the service gave it
};
SmartCharging smart_charging(const SessionStatus& st);

// Words for each prioritySessionStatus value (NOT_APPLICABLE, OFF, ON, and one not known, with
// its raw value); empty when the answer had none.
std::string priority_text(const SessionStatus& st);

// Whether "Charge now at full power" is offered: holding back, and not already asked or refused.
bool can_ask_full_power(const ActiveSession& s);

}  // namespace core
