// Running sessions, each polled and stoppable on its own (see session_tracker.hpp).
// The session runs on at the charger whatever the phone or the network does: nothing here
// forgets a session except a final status, a long COMPLETED, or the service denying it again and again.
#include "session_tracker.hpp"
#include "session_list.hpp"

#include <algorithm>

#include "core/api/api.hpp"
#include "core/session/session.hpp"
#include "receipts_flow.hpp"

namespace core::detail {
namespace {

bool may_poll(const Model& m) { return m.online && m.visible; }

void wake_for_poll(Step& s, ActiveSession& session, Millis delay) {
    session.next_poll = s.now + delay;
    wake_at(s, session.next_poll);
}

void poll(Step& s, ActiveSession& session) {
    if (!may_poll(s.m) || in_flight(s.m, RequestKind::Status, session.id)) return;
    send(s, status_request(s.m.app_token, session.id), RequestKind::Status, session.id);
}

void send_stop(Step& s, ActiveSession& session) {
    session.stop_retry_at.reset();
    if (in_flight(s.m, RequestKind::Stop, session.id)) return;
    send(s, stop_request(s.m.app_token, session.id), RequestKind::Stop, session.id);
}

// After a good status: every 3 s while starting or stopping; while charging, when the service
// proposes (nextStatusCall), kept within [2 s, 30 s] so a skewed or far-off time cannot stall us.
Millis delay_after(const ActiveSession& session, TimePoint now) {
    const SessionStatus& st = *session.last;
    const bool running = st.status == SessionStatusCode::Charging || st.status == SessionStatusCode::Parking;
    if (session.stop_requested || !running || !st.next_status_call) return kPollInterval;
    return std::clamp(std::chrono::duration_cast<Millis>(*st.next_status_call - now), kPollMin, kPollMax);
}

bool session_over(const ActiveSession& session, TimePoint now) {
    if (!session.last) return false;
    if (is_final(session.last->status)) return true;
    return session.last->status == SessionStatusCode::Completed && session.completed_since &&
           now - *session.completed_since >= kCompletedGrace;
}

// The stop got through once the service reports the session stopping or over.
bool stop_confirmed(const SessionStatus& st) {
    return st.status == SessionStatusCode::Stopping || st.status == SessionStatusCode::Completed ||
           is_final(st.status);
}

void forget_session(Step& s, const std::string& id, bool shown) {
    s.m.sessions.erase(std::remove_if(s.m.sessions.begin(), s.m.sessions.end(),
                                      [&](const ActiveSession& a) { return a.id == id; }),
                       s.m.sessions.end());
    forget(s.m, RequestKind::Status, id);
    forget(s.m, RequestKind::Stop, id);
    s.m.closed_sessions.push_back(id);
    if (shown) s.m.shown_session = s.m.sessions.empty() ? std::string() : s.m.sessions.front().id;
    persist_sessions(s);
}

void end_session(Step& s, const std::string& id) {
    ActiveSession* session = find_session(s.m, id);
    const bool shown = shown_session(s.m) == session;
    const std::optional<SessionStatus> last = session->last;
    std::optional<Tariff> tariff = session->tariff;
    const SessionStatusCode code = last ? last->status : SessionStatusCode::Unknown;
    forget_session(s, id, shown);
    if (s.m.sessions.empty()) clear_message_if(s.m, Str::ErrorPollFailed);
    if (shown) {
        // The driver was watching this one: its outcome or receipt takes the screen.
        s.m.receipt = last;
        s.m.receipt_tariff = std::move(tariff);
        s.m.receipt_from_history = false;
        s.m.receipt_session_id = id;
        reset_receipt_tasks(s.m);
        s.m.screen = Screen::Receipt;
    }
    if (code == SessionStatusCode::CdrAvailable || code == SessionStatusCode::Completed)
        announce(s, tr(Str::ReceiptReady));
    // Refused as busy: the charger may be busy with this phone's own start, sent twice on the way
    // (a browser re-sends a POST whose connection closed unanswered). The list says; on_sessions
    // puts that session in place of this outcome.
    if (last && last->error == "EVSE_NOT_AVAILABLE") fetch_sessions(s);
}

void apply_status(Step& s, const std::string& id, SessionStatus status, const std::string& body) {
    ActiveSession& session = *find_session(s.m, id);
    const bool changed = !session.last || session.last->status != status.status ||
                         session.last->status_raw != status.status_raw;
    if (status.status == SessionStatusCode::Completed && !session.completed_since) session.completed_since = s.now;
    if (status.status == SessionStatusCode::Parking) session.parked = true;
    if (session.stop_requested && stop_confirmed(status)) {
        session.stop_retry_at.reset();
        session.stop_failures = 0;
        clear_message_if(s.m, Str::ErrorStopRetrying);
    }
    session.last = std::move(status);
    session.last_body = body;
    session.last_update = s.now;
    session.consecutive_failures = 0;
    session.consecutive_client_errors = 0;
    clear_message_if(s.m, Str::ErrorPollFailed);
    if (changed) announce(s, session_status_text(*session.last));
    if (session_over(session, s.now)) {
        end_session(s, id);
        return;
    }
    persist_sessions(s);
    wake_for_poll(s, session, delay_after(session, s.now));
}

void poll_failed(Step& s, const HttpResponse& r, const std::string& id, UserMessage message) {
    ActiveSession& session = *find_session(s.m, id);
    ++session.consecutive_failures;
    const bool client_error = r.status >= 400 && r.status < 500 && r.status != 408 && r.status != 429;
    session.consecutive_client_errors = client_error ? session.consecutive_client_errors + 1 : 0;
    if (session.consecutive_client_errors >= kMaxClientErrors) {
        // Five refusals in a row: the service does not know this session (any more). Keeping it
        // would poll forever; the driver is told to check the charger.
        const bool shown = shown_session(s.m) == &session;
        forget_session(s, id, shown);
        s.m.message = UserMessage{Str::ErrorSessionLost, decode_error_message(r.body)};
        if (shown) s.m.screen = s.m.sessions.empty() ? Screen::Map : Screen::Session;
        return;
    }
    s.m.message = std::move(message);
    wake_for_poll(s, session, backoff(session.consecutive_failures, r.request_id, s.m.app_token));
}

}  // namespace

ActiveSession* find_session(Model& m, const std::string& id) {
    for (auto& a : m.sessions)
        if (a.id == id) return &a;
    return nullptr;
}

void persist_sessions(Step& s) {
    if (s.m.sessions.empty()) persist(s, kKeyActiveSessions, std::nullopt);
    else persist(s, kKeyActiveSessions, encode_active_sessions(s.m.sessions));
}

void track_session(Step& s, ActiveSession session, bool show) {
    if (find_session(s.m, session.id) != nullptr) return;
    session.next_poll = s.now;
    if (!session.requested_at) session.requested_at = s.now;
    const std::string id = session.id;
    s.m.sessions.push_back(std::move(session));
    if (show || s.m.shown_session.empty() || find_session(s.m, s.m.shown_session) == nullptr) s.m.shown_session = id;
    persist_sessions(s);
    poll(s, *find_session(s.m, id));
}

void on_status(Step& s, const HttpResponse& r, const std::string& session_id) {
    if (find_session(s.m, session_id) == nullptr) return;
    if (!is_success(r.status)) {
        poll_failed(s, r, session_id,
                    {Str::ErrorPollFailed, r.status == 0 ? std::string() : decode_error_message(r.body)});
        return;
    }
    auto decoded = decode_session_status(r.body);
    if (!decoded.ok()) {
        poll_failed(s, r, session_id, {Str::ErrorBadData, {}});
        return;
    }
    apply_status(s, session_id, std::move(*decoded.value), r.body);
}

void on_stop(Step& s, const HttpResponse& r, const std::string& session_id) {
    ActiveSession* session = find_session(s.m, session_id);
    if (session == nullptr) return;
    if (!is_success(r.status)) {
        if (unclear(r.status)) {
            // The stop may or may not have arrived; stopping twice is harmless, so it goes again
            // (with backoff) until a status says the session is stopping or over.
            ++session->stop_failures;
            session->stop_retry_at = s.now + backoff(session->stop_failures, r.request_id, s.m.app_token);
            wake_at(s, *session->stop_retry_at);
            s.m.message = UserMessage{Str::ErrorStopRetrying, {}};
            return;
        }
        session->stop_requested = false;
        session->stop_failures = 0;
        s.m.message = UserMessage{Str::ErrorStopFailed, decode_error_message(r.body)};
        return;
    }
    // The stop answers with a status; it may already be the final one (CDR_AVAILABLE).
    auto decoded = decode_session_status(r.body);
    if (decoded.ok()) {
        apply_status(s, session_id, std::move(*decoded.value), r.body);
        return;
    }
    session->stop_retry_at.reset();
    session->stop_failures = 0;
    clear_message_if(s.m, Str::ErrorStopRetrying);
    if (!in_flight(s.m, RequestKind::Status, session_id)) wake_for_poll(s, *session, kPollInterval);
}

void request_stop(Step& s, const std::string& session_id) {
    ActiveSession* session = find_session(s.m, session_id);
    if (session == nullptr || !can_stop(*session)) return;
    session->stop_requested = true;
    session->stop_failures = 0;
    clear_message_if(s.m, Str::ErrorStopFailed);
    // Offline, the stop waits and is sent once, the moment the browser says it is online again.
    if (!s.m.online) {
        session->stop_retry_at = s.now;
        return;
    }
    send_stop(s, *session);
}

void sessions_tick(Step& s) {
    for (ActiveSession& session : s.m.sessions) {
        if (session.stop_requested && session.stop_retry_at) {
            if (!s.m.online) {
            } else if (s.now >= *session.stop_retry_at) {
                send_stop(s, session);
            } else {
                wake_at(s, *session.stop_retry_at);
            }
        }
        if (!may_poll(s.m) || in_flight(s.m, RequestKind::Status, session.id)) continue;
        if (s.now >= session.next_poll)
            poll(s, session);
        else
            wake_at(s, session.next_poll);  // woken early: ask again for the due time
    }
}

void poll_now(Step& s, const std::string& session_id) {
    ActiveSession* session = find_session(s.m, session_id);
    if (session == nullptr) return;
    session->next_poll = s.now;
    poll(s, *session);
}

void sessions_catch_up(Step& s) {
    for (ActiveSession& session : s.m.sessions) {
        if (session.stop_requested && session.stop_retry_at && s.m.online) send_stop(s, session);
        session.next_poll = s.now;
        poll(s, session);
    }
}

void update_keep_awake(Step& s) {
    const bool want = std::any_of(s.m.sessions.begin(), s.m.sessions.end(), [](const ActiveSession& a) {
        if (!a.last) return true;
        const SessionStatusCode st = a.last->status;
        return st == SessionStatusCode::Requested || st == SessionStatusCode::Starting ||
               st == SessionStatusCode::Charging;
    });
    if (want == s.m.keep_awake) return;
    s.m.keep_awake = want;
    s.out.emplace_back(KeepAwake{want});
}

}  // namespace core::detail
