// The map's inertia: the finger's velocity at release (smoothed over the last moves) and the glide
// that follows, slowing exponentially like a native map. Pure; times in ms, distances in CSS px.
#pragma once

namespace core::inertia {

inline constexpr double kFlingMin = 0.25;      // px/ms at release to glide at all
inline constexpr double kFlingStop = 0.02;     // px/ms where the glide ends
inline constexpr double kDecayMs = 325;        // time constant of the slow-down
inline constexpr double kStaleMs = 80;         // a finger that rested this long before lifting does not fling
inline constexpr double kSmoothingMs = 50;     // moves older than about this weigh little

struct Tracker {
    double vx = 0, vy = 0;
    double last_t = 0, last_x = 0, last_y = 0;
};

void start(Tracker& k, double x, double y, double t);
void move(Tracker& k, double x, double y, double t);

struct Glide {
    double vx = 0, vy = 0;
    double t = 0;
    bool active = false;
};

// The glide a release at time `t` starts (inactive when too slow or stale).
Glide release(const Tracker& k, double t);

// Advances the glide to time `t`: the distance to pan by, and whether it goes on afterwards.
struct Step {
    double dx = 0, dy = 0;
    bool more = false;
};
Step advance(Glide& g, double t);

}  // namespace core::inertia
