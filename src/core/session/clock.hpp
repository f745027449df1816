// How long a session has been charging, measured on the backend's clock, not the phone's.
#pragma once
#include <cstdint>

#include "active_session.hpp"

namespace core {

// The backend's own elapsed time at the last status (its newest meter value or end time minus
// its start time), plus the time since that status arrived on this phone while the session runs.
// A phone clock that is off by minutes, or a simulator running faster than real time, then still
// shows a sensible, steadily growing duration. Returns nullopt before the session has started.
std::optional<int64_t> session_elapsed_seconds(const ActiveSession& s, TimePoint now);

// The same for a finished session's status (receipt): end (or last meter value) minus start.
std::optional<int64_t> session_duration_seconds(const SessionStatus& st);

}  // namespace core
