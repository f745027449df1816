// One running session as this phone follows it: what the service said last, when, and where
// stopping it stands. Held in the journey's Model, stored by store.hpp, explained by explain.hpp.
#pragma once
#include <optional>
#include <string>

#include "core/api/api.hpp"
#include "core/time/time.hpp"

namespace core {

// The driver's "Charge now at full power" (POST /session/highpriority) for this session.
enum class PriorityAsk { None, Asking, Approved, Denied, Failed };

struct ActiveSession {
    std::string id;
    std::string location_id, evse_uid, connector_id;
    std::optional<SessionStatus> last;  // last status received
    std::optional<Tariff> tariff;  // the price shown at the start (tariff.hpp), for the running cost
    std::string last_body;                 // its body, as stored
    std::optional<TimePoint> last_update;  // when `last` arrived
    std::optional<TimePoint> requested_at;  // when this phone learnt of the session (start answered)
    bool stop_requested = false;  // from the tap until the session is over, or the stop is refused
    int stop_failures = 0;        // stops that got no clear answer in a row: retried with backoff
    std::optional<TimePoint> stop_retry_at;
    int consecutive_failures = 0;
    int consecutive_client_errors = 0;  // 4xx in a row: the service may have forgotten the session
    TimePoint next_poll{};
    std::optional<TimePoint> completed_since;  // first COMPLETED seen; CDR_AVAILABLE normally follows
    PriorityAsk priority_ask = PriorityAsk::None;
    bool parked = false;  // PARKING was seen (the timeline shows "car full")
    std::string place_name, charger_name;  // as the driver saw them when starting ("Marga", "Charger 2")
};

}  // namespace core
