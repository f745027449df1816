// Reading the token's session list: taking up running sessions and settling unclear starts.
#include "session_list.hpp"

#include <algorithm>

#include "core/api/api.hpp"
#include "session_tracker.hpp"

namespace core::detail {
namespace {

// Statuses in which a session found in the list is taken up and followed. COMPLETED is left out:
// an old one would come back after every reload; a just-started one is matched by the marker.
bool running(SessionStatusCode st) {
    switch (st) {
        case SessionStatusCode::Requested:
        case SessionStatusCode::Starting:
        case SessionStatusCode::Charging:
        case SessionStatusCode::Parking:
        case SessionStatusCode::Stopping:
            return true;
        default:
            return false;
    }
}

bool closed_here(const Model& m, const std::string& id) {
    return std::find(m.closed_sessions.begin(), m.closed_sessions.end(), id) != m.closed_sessions.end();
}

// The outcome on screen is a start refused because this charger was busy.
bool refused_as_busy(const Model& m, const std::string& evse_uid) {
    return m.receipt && !m.receipt_from_history && m.receipt->error == "EVSE_NOT_AVAILABLE" &&
           m.receipt->evse_uid == evse_uid && !evse_uid.empty();
}

ActiveSession from_summary(const SessionSummary& summary) {
    ActiveSession a;
    a.id = summary.id;
    a.location_id = summary.location_id;
    a.evse_uid = summary.evse_uid;
    a.connector_id = summary.connector_id;
    return a;
}

void clear_start_marker(Step& s) {
    s.m.start_marker.reset();
    s.m.start_check_at.reset();
    s.m.start_check_failures = 0;
    persist(s, kKeyStartPending, std::nullopt);
}

void schedule_refresh(Step& s) {
    if (s.m.sessions.empty()) {
        s.m.sessions_refresh_at.reset();
        return;
    }
    s.m.sessions_refresh_at = s.now + kSessionsRefresh;
    wake_at(s, *s.m.sessions_refresh_at);
}

}  // namespace

void fetch_sessions(Step& s) {
    if (s.m.app_token.empty() || in_flight(s.m, RequestKind::Sessions)) return;
    // A token made on this visit has no sessions, and until registered the service answers 404.
    if (s.m.token_new && !s.m.token_registered) return;
    send(s, sessions_request(s.m.app_token, s.now - kSessionsWindow), RequestKind::Sessions);
}

void schedule_start_check(Step& s, Millis delay) {
    s.m.start_check_at = s.now + delay;
    wake_at(s, *s.m.start_check_at);
}

void on_sessions(Step& s, const HttpResponse& r) {
    auto decoded = is_success(r.status) ? decode_session_list(r.body) : Decoded<std::vector<SessionSummary>>{};
    s.m.history_loading = false;
    if (!decoded.ok()) {
        if (s.m.screen == Screen::History) s.m.message = failure(r, Str::ErrorHistory);
        // Without the list an unclear start stays unsettled, and Start stays locked: ask again.
        if (s.m.start_marker && !s.m.start_in_flight) {
            ++s.m.start_check_failures;
            schedule_start_check(s, backoff(s.m.start_check_failures, r.request_id, s.m.app_token));
        }
        schedule_refresh(s);
        return;
    }
    s.m.history = *decoded.value;
    const std::vector<SessionSummary>& list = s.m.history;

    // The start this phone sent, if the service has it (the list is newest first).
    if (s.m.start_marker && !s.m.start_in_flight) {
        if (const SessionSummary* found = find_started(list, *s.m.start_marker)) {
            if (find_session(s.m, found->id) == nullptr && !closed_here(s.m, found->id)) {
                track_session(s, from_summary(*found), true);
                s.m.screen = Screen::Session;
            }
            clear_start_marker(s);
            clear_message_if(s.m, Str::StartChecking);
        } else if (s.now - s.m.start_marker->at < kStartCheckDelay) {
            schedule_start_check(s, kStartCheckDelay);  // too early to say no: the start may still be on its way
        } else {
            clear_start_marker(s);
            s.m.message = UserMessage{Str::StartNotStarted, {}};
        }
    }
    // Sessions started elsewhere for this token, oldest first so the first stays the one shown.
    bool adopted = false, holds_refused_charger = false;
    for (auto it = list.rbegin(); it != list.rend(); ++it) {
        if (!running(it->status) || closed_here(s.m, it->id) || find_session(s.m, it->id) != nullptr) continue;
        track_session(s, from_summary(*it), false);
        adopted = true;
        holds_refused_charger |= refused_as_busy(s.m, it->evse_uid);
    }
    // A refusal because the driver's own session holds the charger is no outcome: that session is.
    if (holds_refused_charger && s.m.screen == Screen::Receipt) {
        s.m.receipt.reset();
        s.m.receipt_tariff.reset();
        s.m.screen = Screen::Session;
    }
    // The driver lands on the live session, unless reading a receipt (Done leads there).
    if (adopted && s.m.screen != Screen::Receipt) s.m.screen = Screen::Session;
    schedule_refresh(s);
}

void session_list_tick(Step& s) {
    if (!s.m.online) return;
    if (s.m.start_check_at && s.now >= *s.m.start_check_at) {
        s.m.start_check_at.reset();
        fetch_sessions(s);
    }
    if (s.m.sessions_refresh_at && s.now >= *s.m.sessions_refresh_at) {
        s.m.sessions_refresh_at.reset();
        fetch_sessions(s);
    }
}

}  // namespace core::detail
