// Map gestures -> MapMoved intents (see map_gestures.hpp). Every move is computed from the camera
// at the start of the gesture (or of its latest finger change), so rounding never accumulates.
#include "platform/map_gestures.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include "core/journey/journey.hpp"
#include "core/map/map.hpp"
#include "platform/dispatcher.hpp"
#include "platform/display.hpp"
#include "platform/frame_loop.hpp"
#include "platform/input_queue.hpp"
#include "ui/map/map.hpp"

namespace platform::map_gestures {
namespace {

namespace geo = core::geo;

constexpr float kSlopCss = 8.0f;           // travel before a touch is a drag, not a tap
constexpr double kTapMaxMs = 500;
constexpr double kDoubleTapMs = 300;
constexpr float kDoubleTapCss = 30.0f;
constexpr double kWheelZoomPerNotch = 0.5;
constexpr double kWheelSettleMs = 200;

struct Finger {
    int id;
    float x, y;    // now, map-local CSS px
    float bx, by;  // at the baseline
};

std::vector<Finger> g_fingers;
geo::Camera g_base;
bool g_moved = false;
double g_start_ms = 0;
float g_start_x = 0, g_start_y = 0;
double g_last_tap_ms = -1e9;
float g_last_tap_x = 0, g_last_tap_y = 0;
geo::LatLng g_last_tap_ground;  // what was under the first tap of a possible double tap
core::inertia::Tracker g_tracker;  // the single finger's velocity
core::inertia::Glide g_glide;
bool g_mouse = false;
long g_wheel_timer = 0;

ui::map_surface::Rect rect_css() {
    const ui::map_surface::Rect r = ui::map_surface::current();
    const float dpr = display::dpr();
    return {r.x / dpr, r.y / dpr, r.w / dpr, r.h / dpr};
}

// Every camera the gestures ask for, with the page clock: lets tests see a glide frame by frame
// (window.__mapMoves: [ms, lat, lng, zoom, settled, glide], the last 600).
EM_JS(void, js_record_move, (double lat, double lng, double zoom, int settled, int glide), {
    var moves = window.__mapMoves || (window.__mapMoves = []);
    moves.push([performance.now(), lat, lng, zoom, settled, glide]);
    if (moves.length > 600) moves.shift();
});

// Where the map is (CSS px), for tests that compute what lies under a finger.
EM_JS(void, js_publish_view, (float x, float y, float w, float h), { window.__mapView = {x: x, y: y, w: w, h: h}; });

void move_to(const geo::Camera& c, bool settled, bool glide = false) {
    js_record_move(c.centre.lat, c.centre.lng, c.zoom, settled ? 1 : 0, glide ? 1 : 0);
    dispatch(core::UserIntent{core::MapIntent{core::intent::MapMoved{c, settled}}});
}

void baseline() {
    g_base = model().map.camera;
    for (Finger& f : g_fingers) {
        f.bx = f.x;
        f.by = f.y;
    }
}

Finger* find(int id) {
    for (Finger& f : g_fingers)
        if (f.id == id) return &f;
    return nullptr;
}

void update_camera() {
    if (g_fingers.empty()) return;
    geo::Camera c = g_base;
    if (g_fingers.size() == 1) {
        const Finger& f = g_fingers[0];
        c = geo::pan_by(g_base, f.x - f.bx, f.y - f.by);
    } else {
        const Finger &a = g_fingers[0], &b = g_fingers[1];
        const double d0 = std::hypot(a.bx - b.bx, a.by - b.by), d = std::hypot(a.x - b.x, a.y - b.y);
        const double mx0 = (a.bx + b.bx) / 2, my0 = (a.by + b.by) / 2, mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
        const double zoom = d0 > 1 && d > 1 ? g_base.zoom + std::log2(d / d0) : g_base.zoom;
        c = geo::zoom_around(g_base, zoom, {mx0, my0});
        c = geo::pan_by(c, mx - mx0, my - my0);
    }
    move_to(c, false);
}

// A tap that did not move: ImGui gets it as a click (markers, clusters, map buttons).
void forward_tap(float x, float y) {
    const ui::map_surface::Rect r = rect_css();
    const float dpr = display::dpr();
    input::pointer_move((x + r.x) * dpr, (y + r.y) * dpr);
    input::pointer_down();
    input::pointer_up();
    input::pointer_clear();
}

void settle() { move_to(model().map.camera, true); }

void on_wheel_quiet(void*) {
    g_wheel_timer = 0;
    settle();
}

void release(float x, float y, double t) {
    if (!g_moved) {
        if (t - g_start_ms > kTapMaxMs) return;
        const bool second = t - g_last_tap_ms < kDoubleTapMs &&
                            std::hypot(x - g_last_tap_x, y - g_last_tap_y) < kDoubleTapCss;
        if (second) {
            g_last_tap_ms = -1e9;
            // One level in around the ground the first tap touched, where that ground is now: the
            // first tap may have opened a sheet (the map gets shorter about its centre) and this
            // lands on the same view whether that happened before or after this tap.
            const geo::Camera c = model().map.camera;
            move_to(geo::zoom_around(c, c.zoom + 1, geo::to_screen(c, g_last_tap_ground)), true);
        } else {
            g_last_tap_ms = t;
            g_last_tap_x = x;
            g_last_tap_y = y;
            g_last_tap_ground = geo::from_screen(model().map.camera, {x, y});
            forward_tap(x, y);
        }
        return;
    }
    g_glide = core::inertia::release(g_tracker, t);
    if (g_glide.active) {
        g_glide.t = emscripten_performance_now();  // frames run on the page clock
        frames::request(0);
    } else {
        settle();
    }
}

}  // namespace

bool on_map(float x, float y) {
    const float dpr = display::dpr();
    // The map's own buttons are ordinary widgets: "+" tapped twice is two presses, not a double tap.
    return ui::map_surface::current().contains(x * dpr, y * dpr) && !ui::map_surface::on_controls(x * dpr, y * dpr);
}

bool on_sheet_handle(float x, float y) {
    const float dpr = display::dpr();
    return ui::map_surface::on_sheet_handle(x * dpr, y * dpr);
}

void touch_start(int id, float x, float y, double t) {
    const ui::map_surface::Rect r = rect_css();
    x -= r.x;
    y -= r.y;
    g_glide.active = false;  // a finger stops the glide where it is
    if (g_fingers.size() >= 2 || find(id)) return;
    if (g_fingers.empty()) {
        g_moved = false;
        g_start_ms = t;
        g_start_x = x;
        g_start_y = y;
        core::inertia::start(g_tracker, x, y, t);
    } else {
        g_moved = true;  // two fingers are never a tap
    }
    g_fingers.push_back({id, x, y, x, y});
    baseline();
}

void touch_move(int id, float x, float y, double t) {
    Finger* f = find(id);
    if (!f) return;
    const ui::map_surface::Rect r = rect_css();
    f->x = x - r.x;
    f->y = y - r.y;
    if (!g_moved && std::hypot(f->x - g_start_x, f->y - g_start_y) <= kSlopCss) return;
    g_moved = true;
    if (g_fingers.size() == 1) core::inertia::move(g_tracker, f->x, f->y, t);
    update_camera();
}

void touch_end(int id, float x, float y, double t, bool cancelled) {
    Finger* f = find(id);
    if (!f) return;
    const ui::map_surface::Rect r = rect_css();
    const float lx = x - r.x, ly = y - r.y;
    g_fingers.erase(g_fingers.begin() + (f - g_fingers.data()));
    if (!g_fingers.empty()) {
        // Pinch to pan: carry on with the finger that stays, from here. No fling after a pinch.
        baseline();
        core::inertia::start(g_tracker, g_fingers[0].x, g_fingers[0].y, t);
        return;
    }
    if (cancelled) {
        if (g_moved) settle();
        return;
    }
    release(lx, ly, t);
}

bool touching() { return !g_fingers.empty(); }

bool mouse_down(float x, float y, double t) {
    if (!on_map(x, y)) return false;
    g_mouse = true;
    touch_start(-1, x, y, t);
    return true;
}

void mouse_move(float x, float y, double t) {
    if (g_mouse) touch_move(-1, x, y, t);
}

bool mouse_up(float x, float y, double t) {
    if (!g_mouse) return false;
    g_mouse = false;
    touch_end(-1, x, y, t, false);
    if (g_glide.active) {  // a mouse drag stops where it is let go
        g_glide.active = false;
        settle();
    }
    return true;
}

bool wheel(float x, float y, float notches) {
    if (!on_map(x, y) || notches == 0) return false;
    const ui::map_surface::Rect r = rect_css();
    const geo::Camera c = model().map.camera;
    move_to(geo::zoom_around(c, c.zoom + notches * kWheelZoomPerNotch, {x - r.x, y - r.y}), false);
    if (g_wheel_timer) emscripten_clear_timeout(g_wheel_timer);
    g_wheel_timer = emscripten_set_timeout(on_wheel_quiet, kWheelSettleMs, nullptr);
    return true;
}

void after_frame() {
    static ui::map_surface::Rect shown;
    const ui::map_surface::Rect r = rect_css();
    if (r.x == shown.x && r.y == shown.y && r.w == shown.w && r.h == shown.h) return;
    shown = r;
    js_publish_view(r.x, r.y, r.w, r.h);
}

bool animate(double t) {
    if (!g_glide.active) return false;
    const core::inertia::Step step = core::inertia::advance(g_glide, t);
    move_to(geo::pan_by(model().map.camera, step.dx, step.dy), !step.more, true);
    return step.more;
}

}  // namespace platform::map_gestures
