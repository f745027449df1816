// Velocity tracking and exponential glide for the map (see inertia.hpp).
#include "inertia.hpp"

#include <algorithm>
#include <cmath>

namespace core::inertia {

void start(Tracker& k, double x, double y, double t) { k = Tracker{0, 0, t, x, y}; }

void move(Tracker& k, double x, double y, double t) {
    const double dt = t - k.last_t;
    if (dt > 0) {
        const double w = std::min(1.0, dt / kSmoothingMs);
        k.vx += ((x - k.last_x) / dt - k.vx) * w;
        k.vy += ((y - k.last_y) / dt - k.vy) * w;
    }
    k.last_t = t;
    k.last_x = x;
    k.last_y = y;
}

Glide release(const Tracker& k, double t) {
    Glide g{k.vx, k.vy, t, false};
    g.active = t - k.last_t < kStaleMs && std::hypot(k.vx, k.vy) > kFlingMin;
    return g;
}

Step advance(Glide& g, double t) {
    Step s;
    if (!g.active) return s;
    // A long gap (a background tab, a slow frame) is taken as one ordinary frame, not a jump.
    const double dt = std::clamp(t - g.t, 0.0, 50.0);
    g.t = t;
    // Exact integral of v(t) = v0 * exp(-t / tau) over the step, so the glide's length does not
    // depend on the frame rate.
    const double decay = std::exp(-dt / kDecayMs);
    s.dx = g.vx * kDecayMs * (1 - decay);
    s.dy = g.vy * kDecayMs * (1 - decay);
    g.vx *= decay;
    g.vy *= decay;
    g.active = std::hypot(g.vx, g.vy) >= kFlingStop;
    s.more = g.active;
    return s;
}

}  // namespace core::inertia
