// Session durations come from the backend's clock, whatever the phone's clock says.
#include <catch2/catch.hpp>

#include "core/session/clock.hpp"

using namespace core;

namespace {
TimePoint at(const char* iso) { return *parse_iso8601(iso); }
}  // namespace

TEST_CASE("elapsed time follows the backend's meter values plus the time since the last status") {
    ActiveSession s;
    CHECK_FALSE(session_elapsed_seconds(s, at("2021-06-14T09:00:00Z")).has_value());  // no status yet
    SessionStatus st;
    st.status = SessionStatusCode::Starting;
    s.last = st;
    CHECK_FALSE(session_elapsed_seconds(s, at("2021-06-14T09:00:00Z")).has_value());  // not started

    // The backend is 40 minutes ahead of the phone (a fast simulator, or a skewed phone clock).
    st.status = SessionStatusCode::Charging;
    st.start_time = at("2021-06-14T10:00:00+01:00");  // 09:00 UTC
    st.data_points = {{at("2021-06-14T09:38:00Z"), 4.0, 7.0}, {at("2021-06-14T09:40:00Z"), 4.6, 7.0}};
    s.last = st;
    s.last_update = at("2021-06-14T09:00:05Z");
    CHECK(session_elapsed_seconds(s, at("2021-06-14T09:00:05Z")) == 2400);
    CHECK(session_elapsed_seconds(s, at("2021-06-14T09:00:17Z")) == 2412);
    // A phone clock that steps backwards never makes the time shrink below the backend's.
    CHECK(session_elapsed_seconds(s, at("2021-06-14T08:00:00Z")) == 2400);
}

TEST_CASE("a finished session's duration is end minus start and does not grow") {
    SessionStatus st;
    st.status = SessionStatusCode::CdrAvailable;
    st.start_time = at("2021-06-14T11:56:56+02:00");
    st.end_time = at("2021-06-14T10:30:00Z");
    CHECK(session_duration_seconds(st) == 1984);
    ActiveSession s;
    s.last = st;
    s.last_update = at("2021-06-14T08:00:00Z");
    CHECK(session_elapsed_seconds(s, at("2021-06-14T12:00:00Z")) == 1984);
    // Started but no meter value yet: zero, not a negative or a phone-clock guess.
    SessionStatus fresh;
    fresh.status = SessionStatusCode::Charging;
    fresh.start_time = at("2021-06-14T11:56:56+02:00");
    CHECK(session_duration_seconds(fresh) == 0);
}
