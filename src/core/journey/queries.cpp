// The pure helpers views use to read the model (journey.hpp).
#include <algorithm>

#include "flows.hpp"

namespace core {

using detail::find_connector;
using detail::find_evse;

const Evse* chosen_evse(const Model& m) {
    return m.location ? find_evse(*m.location, m.chosen_evse_uid) : nullptr;
}

const Connector* chosen_connector(const Model& m) {
    const Evse* e = chosen_evse(m);
    return e != nullptr ? find_connector(*e, m.chosen_connector_id) : nullptr;
}

const WalletTariffItem* chosen_tariff_item(const Model& m) {
    if (m.chosen_payment_method_id.empty()) return nullptr;
    for (const auto& t : m.tariffs)
        if (t.payment_method.id == m.chosen_payment_method_id) return &t;
    return nullptr;
}

Millis verification_wait(int polls_so_far) {
    double ms = static_cast<double>(kVerifyFirstWait.count());
    for (int i = 0; i < polls_so_far && ms < kVerifyMaxWait.count(); ++i) ms *= 1.5;
    return std::min(kVerifyMaxWait, Millis{static_cast<int64_t>(ms)});
}

bool payment_usable(const WalletTariffItem& item) {
    const VerificationStatus v = item.payment_method.verification;
    // A card still being checked is never started with: the charger would refuse its token.
    if (v == VerificationStatus::Pending || v == VerificationStatus::Invalid) return false;
    if (item.payment_method.is_compatible == false) return false;
    // UNKNOWN (no price known for this method) only for a method the service has verified.
    return item.validity == TariffValidity::Valid ||
           (item.validity == TariffValidity::Unknown && v == VerificationStatus::Valid);
}

bool payment_pending(const WalletTariffItem& item) {
    return item.payment_method.verification == VerificationStatus::Pending &&
           item.payment_method.is_compatible != false && item.validity != TariffValidity::NotCompatible;
}

Str start_blocker(const Model& m) {
    if (!m.online && m.booted && chosen_evse(m) != nullptr && m.sessions.empty()) return Str::StartOffline;
    if (can_start(m) || !m.booted || m.start_in_flight || m.start_marker || m.start_elsewhere ||
        !m.sessions.empty() || m.tariffs_loading)
        return Str::None;
    const Evse* evse = chosen_evse(m);
    if (evse == nullptr || chosen_connector(m) == nullptr) return Str::None;
    if (evse_unreachable(*evse)) return Str::ChargerUnreachable;
    if (evse_broken(*evse)) return Str::StartChargerBroken;
    if (evse->charging_not_allowed) return Str::ChargingNotAllowed;
    const WalletTariffItem* item = chosen_tariff_item(m);
    if (item != nullptr && payment_pending(*item)) return Str::StartWaitsForCard;
    if (item != nullptr && item->payment_method.verification == VerificationStatus::Invalid)
        return Str::CardInvalidExplain;
    if (m.tariffs.empty()) return Str::None;  // the screen already says to add a card
    // Nothing here can be used or will be: a card that can is what is missing.
    const bool any = std::any_of(m.tariffs.begin(), m.tariffs.end(), [](const WalletTariffItem& t) {
        return payment_usable(t) || payment_pending(t);
    });
    return any ? Str::StartNeedsMethod : Str::NoPaymentMethod;
}

bool evse_unreachable(const Evse& e) { return e.status == EvseStatus::Unknown && e.status_raw == "UNKNOWN"; }

bool evse_broken(const Evse& e) {
    return e.status == EvseStatus::OutOfOrder || e.status == EvseStatus::Inoperative ||
           e.status == EvseStatus::Removed || e.status == EvseStatus::Planned;
}

bool can_start(const Model& m) {
    // One session at a time: the service asks apps not to start another before the first stops.
    // A start whose outcome is unknown, here or in another tab, counts as one.
    if (!m.booted || m.start_in_flight || m.start_marker || m.start_elsewhere || !m.sessions.empty() ||
        m.tariffs_loading)
        return false;
    // A start is never queued: offline it cannot reach the charger, and a start sent later would
    // surprise a driver who has walked away.
    if (!m.online) return false;
    const Evse* evse = chosen_evse(m);
    if (evse == nullptr || evse->charging_not_allowed || chosen_connector(m) == nullptr) return false;
    if (evse_unreachable(*evse) || evse_broken(*evse)) return false;  // a remote start cannot succeed
    const WalletTariffItem* item = chosen_tariff_item(m);
    return item != nullptr && payment_usable(*item);
}

Str offline_note(const Model& m) {
    if (m.online) return Str::None;
    const bool stopping = std::any_of(m.sessions.begin(), m.sessions.end(), [](const ActiveSession& a) {
        return a.stop_requested;
    });
    if (stopping) return Str::OfflineStopQueued;
    return m.sessions.empty() ? Str::OfflineIdle : Str::Offline;
}

bool can_apply_update(const Model& m) {
    return m.update_ready && m.sessions.empty() && !m.start_in_flight && !m.start_marker && !m.start_elsewhere;
}

const ActiveSession* shown_session(const Model& m) {
    for (const auto& a : m.sessions)
        if (a.id == m.shown_session) return &a;
    return m.sessions.empty() ? nullptr : &m.sessions.front();
}

bool can_stop(const ActiveSession& s) {
    if (s.stop_requested) return false;
    if (!s.last) return true;
    const SessionStatusCode st = s.last->status;
    return !is_final(st) && st != SessionStatusCode::Stopping && st != SessionStatusCode::Completed;
}

bool is_stopping(const ActiveSession& s) {
    if (s.stop_requested) return true;
    if (!s.last) return false;
    const SessionStatusCode st = s.last->status;
    return st == SessionStatusCode::Stopping || st == SessionStatusCode::Completed;
}

bool is_cancel(const ActiveSession& s) {
    return !s.last || s.last->status == SessionStatusCode::Requested || s.last->status == SessionStatusCode::Starting;
}

bool can_stop(const Model& m) {
    const ActiveSession* s = shown_session(m);
    return s != nullptr && can_stop(*s);
}

bool is_stopping(const Model& m) {
    const ActiveSession* s = shown_session(m);
    return s != nullptr && is_stopping(*s);
}

std::optional<std::string> normalize_card_number(std::string_view typed) {
    std::string out;
    for (const char c : typed) {
        if (c == ' ' || c == '-') continue;
        const bool alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        if (!alnum) return std::nullopt;
        out.push_back(c);
    }
    if (out.size() < 6 || out.size() > 30) return std::nullopt;
    return out;
}

bool card_number_plausible(std::string_view typed) { return normalize_card_number(typed).has_value(); }

std::string format_card_number(std::string_view typed) {
    std::string raw;
    for (const char c : typed)
        if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) raw.push_back(c);
    auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    std::string out;
    if (raw.size() >= 2 && letter(raw[0]) && letter(raw[1])) {
        // A contract id: country, provider, instance, and the check character of the two
        // standard lengths (EVCO-ID 6 + 1, eMAID 9 + 1) set apart as printed.
        out = raw.substr(0, 2);
        if (raw.size() > 2) out.append("-").append(raw.substr(2, 3));
        if (raw.size() > 5) {
            std::string instance = raw.substr(5);
            if (instance.size() == 7 || instance.size() == 10) instance.insert(instance.size() - 1, "-");
            out.append("-").append(instance);
        }
        return out;
    }
    // Groups of four counted from the end, so the last group is the one the card hint shows.
    const size_t first = raw.size() % 4 == 0 ? 4 : raw.size() % 4;
    for (size_t i = 0; i < raw.size(); ++i) {
        if (i == first || (i > first && (i - first) % 4 == 0)) out.push_back(' ');
        out.push_back(raw[i]);
    }
    return out;
}

std::string evse_name(const Evse& e) { return e.display_name.empty() ? e.uid : e.display_name; }

ReceiptContext receipt_context(const Model& m) {
    ReceiptContext c;
    c.phone_zone = m.phone_zone;
    if (m.receipt_tariff) c.tariff = &*m.receipt_tariff;
    if (m.receipt && m.location && m.location->id == m.receipt->location_id) {
        if (const Evse* e = find_evse(*m.location, m.receipt->evse_uid)) c.charger_name = evse_name(*e);
        c.operator_name = operator_name(*m.location);
    }
    return c;
}

}  // namespace core
