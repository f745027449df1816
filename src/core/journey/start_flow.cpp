// Starting a session (the start guard's marker written before the request leaves), the start's
// answer, stopping, choosing among running sessions, and trying again after a failed start.
#include "flows.hpp"
#include "session_list.hpp"
#include "session_tracker.hpp"
#include "core/api/api.hpp"
#include "core/session/session.hpp"

namespace core::detail {
namespace {

// The price the driver saw for the chosen payment method, else the connector's published price.
std::optional<Tariff> tariff_at_start(const Model& m) {
    const WalletTariffItem* item = chosen_tariff_item(m);
    if (item != nullptr && item->tariff) return item->tariff;
    return m.default_tariff;
}

}  // namespace

void on_start(Step& s, const HttpResponse& r) {
    s.m.start_in_flight = false;
    auto decoded = is_success(r.status) ? decode_start_result(r.body) : Decoded<StartResult>{};
    switch (classify_start(r.status, decoded.ok())) {
        case StartOutcome::Started: {
            ActiveSession session;
            session.id = decoded.value->charge_session_id;
            session.tariff = tariff_at_start(s.m);
            if (s.m.start_marker) {  // the target travels in the marker: the driver may look elsewhere meanwhile
                session.location_id = s.m.start_marker->location_id;
                session.evse_uid = s.m.start_marker->evse_uid;
                session.connector_id = s.m.start_marker->connector_id;
            }
            if (s.m.location && s.m.location->id == session.location_id) {
                session.place_name = s.m.location->name;
                if (const Evse* evse = find_evse(*s.m.location, session.evse_uid))
                    session.charger_name = evse->display_name;
            }
            s.m.screen = Screen::Session;
            s.m.message.reset();
            announce(s, tr(Str::SessionRequested));
            // Stored as a session before the marker goes: a crash between the two leaves one of them.
            track_session(s, std::move(session), true);
            s.m.start_marker.reset();
            persist(s, kKeyStartPending, std::nullopt);
            break;
        }
        case StartOutcome::Refused:
            s.m.start_marker.reset();
            persist(s, kKeyStartPending, std::nullopt);
            s.m.message = failure(r, Str::ErrorStartFailed);
            break;
        case StartOutcome::Unclear:
            // It may have started. The marker stays, Start stays locked, and the session list decides.
            s.m.message = UserMessage{Str::StartChecking, {}};
            schedule_start_check(s, kStartCheckDelay);
            break;
    }
}

void start_charging(Step& s, const intent::StartCharging&) {
    Model& m = s.m;
    if (!can_start(m)) return;  // also swallows the second tap of a double tap
    m.start_in_flight = true;
    m.message.reset();
    ensure_registered(s);
    // Written before the request leaves: a reload or crash from here on finds it and asks the
    // session list instead of starting again.
    m.start_marker = StartMarker{m.location->id, m.chosen_evse_uid, m.chosen_connector_id,
                                 m.chosen_payment_method_id, s.now};
    persist(s, kKeyStartPending, encode_start_marker(*m.start_marker));
    send(s,
         start_request(m.app_token, m.location->id, m.chosen_evse_uid, m.chosen_connector_id,
                       m.chosen_payment_method_id),
         RequestKind::Start);
}

void stop_charging(Step& s, const intent::StopCharging& i) {
    Model& m = s.m;
    const ActiveSession* target = i.session_id.empty() ? shown_session(m) : find_session(m, i.session_id);
    m.stop_asked.clear();
    if (target != nullptr) request_stop(s, target->id);
}

void ask_stop(Step& s, const intent::AskStop& i) {
    const ActiveSession* target = i.session_id.empty() ? shown_session(s.m) : find_session(s.m, i.session_id);
    if (target != nullptr && can_stop(*target)) s.m.stop_asked = target->id;
}

void show_session(Step& s, const intent::ShowSession& i) {
    Model& m = s.m;
    if (find_session(m, i.session_id) == nullptr) return;
    m.shown_session = i.session_id;
    m.screen = Screen::Session;
}

void try_again(Step& s, const intent::TryAgain&) {
    Model& m = s.m;
    // Back to the same connector's price: the driver plugs in and starts again.
    if (!m.receipt) return;
    const SessionStatus ended = *m.receipt;
    m.receipt.reset();
    m.receipt_tariff.reset();
    m.receipt_from_history = false;
    if (!m.sessions.empty()) {
        m.screen = Screen::Session;
    } else if (m.location && m.location->id == ended.location_id && !ended.evse_uid.empty()) {
        choose_connector(s, intent::ChooseConnector{ended.evse_uid, ended.connector_id});
    } else if (!ended.location_id.empty()) {
        open_location(s, intent::OpenLocation{ended.location_id});
    } else {
        m.screen = Screen::Map;
    }
}

void choose_other_connector(Step& s, const intent::ChooseOtherConnector&) {
    Model& m = s.m;
    // The location the start was meant for, its connectors listed again (their statuses fresh).
    if (!m.receipt) return;
    const std::string location_id = m.receipt->location_id;
    m.receipt.reset();
    m.receipt_tariff.reset();
    m.receipt_from_history = false;
    if (!m.sessions.empty()) {
        m.screen = Screen::Session;
    } else if (!location_id.empty()) {
        open_location(s, intent::OpenLocation{location_id});
    } else {
        m.screen = Screen::Map;
    }
}

}  // namespace core::detail
