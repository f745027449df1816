// A session in a driver's words: where it stands on the timeline (requested → accepted → waiting
// for the cable → charging → car full → stopping → finished → receipt), what an outcome means and
// what to do next, and whether the figures on screen are stale. Pure functions for the views.
#pragma once
#include <optional>
#include <vector>

#include "active_session.hpp"

namespace core {

enum class StepState { Done, Now, ToCome };

struct TimelineStep {
    Str label = Str::None;
    StepState state = StepState::ToCome;
};

// Before charging (REQUESTED, STARTING) the charge station already sends meter data: a car is
// connected and the charger waits, with no current, for the start to authorize it.
bool car_waiting_for_start(const SessionStatus& st);

// The status in a few words for the top of the session screen: the API status's words, or what
// is really happening within it ("Paused by smart charging", "Car connected, starting").
std::string session_headline(const SessionStatus& st);

// The timeline for a running session; PARKING ("car full") appears only when it happened.
std::vector<TimelineStep> session_timeline(const ActiveSession& s);

// What a status means and the driver's next step. `retry` offers Try again (the start timed out
// or was cancelled: plugging in and starting again fixes it).
struct Explanation {
    Str what = Str::None;
    Str next = Str::None;  // None: nothing to do
    bool retry = false;
    bool nothing_charged = false;  // over before any energy flowed
};
Explanation explain(const SessionStatus& st);

// How long the charger still waits for the cable, while it waits (STARTING); nullopt otherwise.
// Counted from when this phone learnt of the session, against the typical charger patience.
std::optional<Millis> cable_wait_left(const ActiveSession& s, TimePoint now);
inline constexpr Millis kCableWait{30000};  // API: "the station gave up, typically ~30 s with no cable"

// The figures on screen are old: no good status for this long (twice the slowest poll plus slack).
bool is_stale(const ActiveSession& s, TimePoint now);
inline constexpr Millis kStaleAfter{75000};

}  // namespace core
