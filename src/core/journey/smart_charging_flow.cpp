// "Charge now at full power": the driver overrides smart charging for one session
// (POST /session/highpriority), and the answer: APPROVED is followed by a status at once, so the
// power arriving shows without waiting for the next poll.
#include "flows.hpp"
#include "session_tracker.hpp"
#include "core/api/api.hpp"
#include "core/session/session.hpp"

namespace core::detail {

void charge_now(Step& s, const intent::ChargeNow& i) {
    ActiveSession* session = i.session_id.empty() ? nullptr : find_session(s.m, i.session_id);
    if (session == nullptr) {
        const ActiveSession* shown = shown_session(s.m);
        session = shown ? find_session(s.m, shown->id) : nullptr;
    }
    if (session == nullptr || !can_ask_full_power(*session) || in_flight(s.m, RequestKind::HighPriority, session->id))
        return;
    session->priority_ask = PriorityAsk::Asking;
    send(s, high_priority_request(s.m.app_token, session->id), RequestKind::HighPriority, session->id);
}

void on_high_priority(Step& s, const HttpResponse& r, const std::string& session_id) {
    ActiveSession* session = find_session(s.m, session_id);
    if (session == nullptr) return;
    // 400 is the service's "smart charging is not on at this location": nothing to override.
    if (r.status == 400) {
        session->priority_ask = PriorityAsk::Denied;
        return;
    }
    const auto decoded = is_success(r.status) ? decode_high_priority(r.body) : Decoded<HighPriorityAnswer>{};
    if (!decoded.ok()) {
        session->priority_ask = PriorityAsk::Failed;
        return;
    }
    switch (*decoded.value) {
        case HighPriorityAnswer::Approved:
            session->priority_ask = PriorityAsk::Approved;
            announce(s, tr(Str::ChargeNowApproved));
            poll_now(s, session_id);
            break;
        case HighPriorityAnswer::Denied:
            session->priority_ask = PriorityAsk::Denied;
            announce(s, tr(Str::ChargeNowDenied));
            break;
        case HighPriorityAnswer::Error:
        case HighPriorityAnswer::Other: session->priority_ask = PriorityAsk::Failed; break;
    }
}

}  // namespace core::detail
