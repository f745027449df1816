// The map's fling: release velocity from the finger's last moves, and the glide after it.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/map/inertia.hpp"

using namespace core::inertia;

TEST_CASE("a quick flick glides on in its direction, then stops") {
    Tracker k;
    start(k, 200, 300, 0);
    for (int i = 1; i <= 6; ++i) move(k, 200 - 20.0 * i, 300, 16.0 * i);  // 1.25 px/ms to the left
    CHECK(k.vx == Approx(-1.25).epsilon(0.15));
    Glide g = release(k, 100);
    REQUIRE(g.active);
    double x = 0, t = 100;
    int frames = 0;
    for (Step s; (s = advance(g, t += 16)).more || s.dx != 0; ++frames) {
        x += s.dx;
        CHECK(s.dx <= 0);
        CHECK(s.dy == 0);
        if (!s.more) break;
    }
    // v0 * tau is the whole glide for an exponential slow-down; it stops a little short of it.
    CHECK(x < -0.8 * 1.25 * kDecayMs);
    CHECK(x > -1.25 * kDecayMs * 1.05);
    CHECK(frames < 200);  // ends within a few seconds at 60 fps
    CHECK_FALSE(g.active);
}

TEST_CASE("the glide's length does not depend on the frame rate") {
    auto glide = [](double frame_ms) {
        Glide g{1.0, -0.5, 0, true};
        double x = 0, y = 0;
        for (double t = frame_ms; g.active; t += frame_ms) {
            const Step s = advance(g, t);
            x += s.dx;
            y += s.dy;
        }
        return std::hypot(x, y);
    };
    CHECK(glide(8) == Approx(glide(33)).epsilon(0.02));
}

TEST_CASE("no fling after a rest, a slow drag, or from a long gap") {
    Tracker k;
    start(k, 0, 0, 0);
    for (int i = 1; i <= 6; ++i) move(k, 20.0 * i, 0, 16.0 * i);
    CHECK_FALSE(release(k, 16 * 6 + kStaleMs + 1).active);  // the finger rested before lifting
    Tracker slow;
    start(slow, 0, 0, 0);
    for (int i = 1; i <= 10; ++i) move(slow, 2.0 * i, 0, 16.0 * i);  // 0.125 px/ms
    CHECK_FALSE(release(slow, 170).active);
    Glide g{2.0, 0, 0, true};
    const Step s = advance(g, 5000);  // the tab was in the background
    CHECK(s.dx <= 2.0 * kDecayMs * (1 - std::exp(-50 / kDecayMs)) + 1e-9);
}
