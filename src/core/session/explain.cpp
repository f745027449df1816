// A session in a driver's words (see explain.hpp).
#include "explain.hpp"

#include <algorithm>

#include "smart_charging.hpp"

namespace core {
namespace {

// The position of a status on the main line: 0 requested, 1 accepted / waiting for the cable,
// 2 charging, 3 car full, 4 stopping, 5 finished, 6 receipt.
int position(SessionStatusCode st) {
    switch (st) {
        case SessionStatusCode::Requested: return 0;
        case SessionStatusCode::Starting: return 1;
        case SessionStatusCode::Charging: return 2;
        case SessionStatusCode::Parking: return 3;
        case SessionStatusCode::Stopping: return 4;
        case SessionStatusCode::Completed: return 5;
        case SessionStatusCode::CdrAvailable: return 6;
        default: return -1;
    }
}

}  // namespace

bool car_waiting_for_start(const SessionStatus& st) {
    return st.meter_reported &&
           (st.status == SessionStatusCode::Requested || st.status == SessionStatusCode::Starting);
}

std::string session_headline(const SessionStatus& st) {
    if (car_waiting_for_start(st)) return tr(Str::SessionCarWaiting);
    if (smart_charging(st) == SmartCharging::Holding && st.power_kw <= 0) return tr(Str::SessionSmartHold);
    return session_status_text(st);
}

std::vector<TimelineStep> session_timeline(const ActiveSession& s) {
    const SessionStatusCode st = s.last ? s.last->status : SessionStatusCode::Requested;
    int at = position(st);
    if (at < 0) at = 0;  // unknown: the line stays where it was first known to be
    // PARKING shows only once it happened; stopping after charging skips it.
    const bool parked = st == SessionStatusCode::Parking || s.parked;
    struct Row { Str label; int pos; };
    // With the car already connected, the charger waits for the start, not for the cable.
    const bool connected = s.last && car_waiting_for_start(*s.last);
    std::vector<Row> rows = {{Str::StepRequested, 0}, {Str::StepAccepted, 1},
                             {connected ? Str::StepWaitStart : Str::StepWaitCable, 1}, {Str::StepCharging, 2}};
    if (parked) rows.push_back({Str::StepCarFull, 3});
    rows.insert(rows.end(), {{Str::StepStopping, 4}, {Str::StepFinished, 5}, {Str::StepReceipt, 6}});
    std::vector<TimelineStep> out;
    for (const Row& r : rows) {
        StepState state = r.pos < at ? StepState::Done : r.pos == at ? StepState::Now : StepState::ToCome;
        // Accepted is done the moment the charger waits for the cable.
        if (r.label == Str::StepAccepted && at == 1) state = StepState::Done;
        out.push_back({r.label, state});
    }
    return out;
}

Explanation explain(const SessionStatus& st) {
    Explanation e;
    const std::string& code = st.error;
    // The error code says more than the status; codes we do not know fall back to the status.
    if (code == "INVALID_TOKEN") {
        e = {Str::WhyInvalidToken, Str::NextOtherMethod, false, true};
    } else if (code == "EVSE_NOT_AVAILABLE") {
        e = {Str::WhyEvseNotAvailable, Str::NextOtherCharger, false, true};
    } else if (code == "COMMAND_TIMED_OUT") {
        e = {Str::WhyCommandTimedOut, Str::NextCheckCharger, true, true};
    } else if (code == "SOFT_TIME_OUT") {
        e = {Str::WhySoftTimeOut, Str::NextTryAgain, true, true};
    } else {
        switch (st.status) {
            case SessionStatusCode::Requested:
                e.what = car_waiting_for_start(st) ? Str::WhyCarWaiting : Str::WhyRequested;
                break;
            case SessionStatusCode::Starting:
                e.what = car_waiting_for_start(st) ? Str::WhyCarWaiting : Str::WhyStarting;
                break;
            case SessionStatusCode::Charging:
                e.what = smart_charging(st) != SmartCharging::Holding ? Str::WhyCharging
                         : st.power_kw <= 0                          ? Str::WhySmartHold
                                                                     : Str::WhySmartSlow;
                break;
            case SessionStatusCode::Parking: e.what = Str::WhyParking; break;
            case SessionStatusCode::Stopping: e.what = Str::WhyStopping; break;
            case SessionStatusCode::Completed: e.what = Str::WhyCompleted; break;
            case SessionStatusCode::CdrAvailable: break;  // the receipt speaks for itself
            case SessionStatusCode::Rejected: e = {Str::WhyRejected, Str::NextOtherCharger, false, true}; break;
            case SessionStatusCode::Timeout: e = {Str::WhyTimeout, Str::NextTryAgain, true, true}; break;
            case SessionStatusCode::Cancelled: e = {Str::WhyCancelled, Str::NextStartAgain, true, true}; break;
            case SessionStatusCode::Error: e = {Str::WhyError, Str::NextUnplug, false, false}; break;
            case SessionStatusCode::Unknown: e.what = Str::WhyUnknown; break;
        }
    }
    // An error code on a session that ended after charging: energy was delivered, so it is billed.
    if (e.nothing_charged && (st.energy_kwh > 0 || st.total_costs.value_or(0) > 0)) e.nothing_charged = false;
    if (st.status == SessionStatusCode::Error) e.retry = false;
    return e;
}

std::optional<Millis> cable_wait_left(const ActiveSession& s, TimePoint now) {
    if (!s.last || s.last->status != SessionStatusCode::Starting || !s.requested_at) return std::nullopt;
    if (car_waiting_for_start(*s.last)) return std::nullopt;  // the cable is in already
    const Millis waited = std::chrono::duration_cast<Millis>(now - *s.requested_at);
    return std::max(Millis{0}, kCableWait - waited);
}

bool is_stale(const ActiveSession& s, TimePoint now) {
    const std::optional<TimePoint> since = s.last_update ? s.last_update : s.requested_at;
    return since && now - *since > kStaleAfter;
}

}  // namespace core
