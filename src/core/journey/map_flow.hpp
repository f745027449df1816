// The map's part of update(): its intents, its answers, its timers, restoring its filters and
// camera at boot. Called from update.cpp's update().
#pragma once
#include <chrono>
#include <vector>

#include "journey.hpp"

namespace core {

inline constexpr double kLocateZoom = 14.0;  // close enough to read the streets around the driver
// The browser's own timeout (15 s) only runs once access is allowed; a permission prompt that is
// dismissed without an answer (some browsers) would leave "Finding your position…" for ever.
inline constexpr std::chrono::seconds kLocateGiveUp{30};

// Returns true when the event was the map's alone (a map intent or an answer to a map request).
// Boot and Tick are handled here too but also belong to the journey: false.
bool map_update(Model& m, const Event& event, TimePoint now, std::vector<Effect>& out);
// After any event: once the token is registered, the driver's favourites are read (so the list
// and the star are right before any sheet opens).
void map_after_event(Model& m, std::vector<Effect>& out);

}  // namespace core
