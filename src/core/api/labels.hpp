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

// The last characters of a card's number, as its hint shows them ("** **** **** **** 2836" or the
// printed number itself → "••2836"); empty when the hint shows none.
std::string card_tail(const PaymentMethod& p);
// A payment method as the driver knows it, the same on every screen: its own name when it has one
// ("Room 12"), a card by the end of its number ("Card ••2836"), else the external reference
// ("External: room-12") or, failing all, its id.
std::string payment_method_label(const PaymentMethod& p);
// The receipt's line for the method a session was charged to ("Charged to card ••2836").
std::string charged_to_text(const PaymentMethod& p);

// Who runs a location, the same on every screen and the receipt: the location's `operator.name`
// where present, else its branding's `displayName`; empty when neither is given.
std::string operator_name(const std::string& operator_field, const Branding* branding);
std::string operator_name(const Location& l);

}  // namespace core
