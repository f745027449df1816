// Session durations from the backend's timestamps (see clock.hpp for why).
#include "clock.hpp"

#include <algorithm>

namespace core {

namespace {

int64_t seconds(Millis d) { return std::chrono::duration_cast<std::chrono::seconds>(d).count(); }

// The backend's latest moment in this status: its end time, else its newest meter value.
std::optional<TimePoint> backend_latest(const SessionStatus& st) {
    if (st.end_time) return st.end_time;
    std::optional<TimePoint> latest;
    for (const auto& p : st.data_points)
        if (!latest || p.at > *latest) latest = p.at;
    return latest;
}

}  // namespace

std::optional<int64_t> session_duration_seconds(const SessionStatus& st) {
    if (!st.start_time) return std::nullopt;
    const auto latest = backend_latest(st);
    if (!latest) return 0;
    return std::max<int64_t>(0, seconds(*latest - *st.start_time));
}

std::optional<int64_t> session_elapsed_seconds(const ActiveSession& s, TimePoint now) {
    if (!s.last) return std::nullopt;
    const auto base = session_duration_seconds(*s.last);
    if (!base) return std::nullopt;
    if (s.last->end_time || !s.last_update || is_final(s.last->status)) return base;
    return *base + std::max<int64_t>(0, seconds(now - *s.last_update));
}

}  // namespace core
