// The string ids that name API states for people (see labels.hpp).
#include "labels.hpp"

namespace core {

Str evse_status_label(EvseStatus s) {
    switch (s) {
        case EvseStatus::Available: return Str::StatusAvailable;
        case EvseStatus::Blocked: return Str::StatusBlocked;
        case EvseStatus::Charging: return Str::StatusCharging;
        case EvseStatus::Inoperative: return Str::StatusInoperative;
        case EvseStatus::OutOfOrder: return Str::StatusOutOfOrder;
        case EvseStatus::Planned: return Str::StatusPlanned;
        case EvseStatus::Removed: return Str::StatusRemoved;
        case EvseStatus::Reserved: return Str::StatusReserved;
        case EvseStatus::Unknown: break;
    }
    return Str::StatusUnknown;
}

Str facility_label(Facility f) {
    switch (f) {
        case Facility::Hotel: return Str::FacilityHotel;
        case Facility::Restaurant: return Str::FacilityRestaurant;
        case Facility::Cafe: return Str::FacilityCafe;
        case Facility::Mall: return Str::FacilityMall;
        case Facility::Supermarket: return Str::FacilitySupermarket;
        case Facility::Sport: return Str::FacilitySport;
        case Facility::RecreationArea: return Str::FacilityRecreationArea;
        case Facility::Nature: return Str::FacilityNature;
        case Facility::Museum: return Str::FacilityMuseum;
        case Facility::BusStop: return Str::FacilityBusStop;
        case Facility::TaxiStand: return Str::FacilityTaxiStand;
        case Facility::TrainStation: return Str::FacilityTrainStation;
        case Facility::Airport: return Str::FacilityAirport;
        case Facility::CarpoolParking: return Str::FacilityCarpoolParking;
        case Facility::FuelStation: return Str::FacilityFuelStation;
        case Facility::Wifi: return Str::FacilityWifi;
        case Facility::BikeSharing: return Str::FacilityBikeSharing;
        case Facility::MetroStation: return Str::FacilityMetroStation;
        case Facility::ParkingLot: return Str::FacilityParkingLot;
        case Facility::TramStop: return Str::FacilityTramStop;
        case Facility::Unknown: break;
    }
    return Str::None;
}

Str verification_label(VerificationStatus s) {
    switch (s) {
        case VerificationStatus::Pending: return Str::CardPending;
        case VerificationStatus::Valid: return Str::CardValid;
        case VerificationStatus::Invalid: return Str::CardInvalid;
        case VerificationStatus::Unknown: break;
    }
    return Str::None;
}

Str session_status_label(SessionStatusCode s) {
    switch (s) {
        case SessionStatusCode::Requested: return Str::SessionRequested;
        case SessionStatusCode::Rejected: return Str::SessionRejected;
        case SessionStatusCode::Starting: return Str::SessionStarting;
        case SessionStatusCode::Charging: return Str::SessionCharging;
        case SessionStatusCode::Parking: return Str::SessionParking;
        case SessionStatusCode::Stopping: return Str::SessionStopping;
        case SessionStatusCode::Completed: return Str::SessionCompleted;
        case SessionStatusCode::CdrAvailable: return Str::SessionCdrAvailable;
        case SessionStatusCode::Timeout: return Str::SessionTimeout;
        case SessionStatusCode::Cancelled: return Str::SessionCancelled;
        case SessionStatusCode::Error: return Str::SessionError;
        case SessionStatusCode::Unknown: break;
    }
    return Str::SessionUnknown;
}

std::string session_status_text(const SessionStatus& s) {
    const Str id = session_status_label(s.status);
    if (id == Str::SessionUnknown) return tr_format(id, {s.status_raw.empty() ? std::string_view("?") : s.status_raw});
    return tr(id);
}

std::string card_tail(const PaymentMethod& p) {
    // The characters after the last masked one, spaces dropped; at most the last four of them.
    std::string shown;
    for (const char c : p.card_hint) {
        if (c == '*' || c == '\xE2') shown.clear();  // '*' or the start of a '•' masks what came before
        else if (c != ' ' && static_cast<unsigned char>(c) < 0x80) shown.push_back(c);
    }
    if (shown.empty()) return {};
    if (shown.size() > 4) shown.erase(0, shown.size() - 4);
    return "\xE2\x80\xA2\xE2\x80\xA2" + shown;  // ••
}

std::string payment_method_label(const PaymentMethod& p) {
    if (!p.display_name.empty()) return p.display_name;
    const bool external = p.type == "EXTERNAL" || (p.card_hint.empty() && !p.external_id.empty());
    if (external && !p.external_id.empty()) return tr_format(Str::ExternalLabel, {p.external_id});
    const std::string tail = card_tail(p);
    if (!tail.empty()) return tr_format(Str::CardLabel, {tail});
    return p.id;
}

std::string charged_to_text(const PaymentMethod& p) {
    if (!p.display_name.empty()) return tr_format(Str::ChargedToMethod, {p.display_name});
    const bool external = p.type == "EXTERNAL" || (p.card_hint.empty() && !p.external_id.empty());
    if (external && !p.external_id.empty()) return tr_format(Str::ChargedToReference, {p.external_id});
    const std::string tail = card_tail(p);
    if (!tail.empty()) return tr_format(Str::ChargedToCard, {tail});
    return tr_format(Str::ChargedToMethod, {p.id});
}

std::string operator_name(const std::string& operator_field, const Branding* branding) {
    if (!operator_field.empty()) return operator_field;
    return branding ? branding->display_name : std::string();
}

std::string operator_name(const Location& l) { return operator_name(l.operator_name, l.branding ? &*l.branding : nullptr); }

}  // namespace core
