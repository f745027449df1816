// No double start: a start is announced in storage before it is sent, and an unclear outcome
// (no answer, 5xx, a reload mid-request) is settled from the token's session list, never by
// sending the start again.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/api/api.hpp"
#include "core/time/time.hpp"

namespace core {

// What was being started, and when: persisted before the start request leaves the phone.
struct StartMarker {
    std::string location_id, evse_uid, connector_id, payment_method_id;
    TimePoint at{};
};

std::string encode_start_marker(const StartMarker& m);
std::optional<StartMarker> decode_start_marker(std::string_view stored);

// How a start request ended, as far as the phone can tell.
enum class StartOutcome {
    Started,  // 2xx with a session id
    Refused,  // 4xx: the service said no, so nothing was started
    Unclear,  // no answer, 408/429/5xx, or a 2xx without a readable id: it may have started
};
StartOutcome classify_start(int status, bool has_session_id);

// The session in `list` that this start created, if the service has it: the newest one on the
// same EVSE (and connector, when both are known) that began no earlier than the marker, less
// `kStartClockSlack` for clocks that disagree. Nullptr when there is none.
const SessionSummary* find_started(const std::vector<SessionSummary>& list, const StartMarker& marker);

// How far the service's clock may be behind the phone's and still match a start.
inline constexpr Millis kStartClockSlack{120000};
// After an unclear outcome the check waits this long, so a start the server is still
// processing has time to show up in the list.
inline constexpr Millis kStartCheckDelay{3000};
// A marker this old that matches nothing is dropped: a start never takes that long.
inline constexpr Millis kStartMarkerMaxAge{600000};

}  // namespace core
