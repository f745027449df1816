// Keeps the canvas backing store at round(CSS size x devicePixelRatio) so ImGui lays out and draws
// in device pixels, and notices rotation, window resizes and the on-screen keyboard.
#include "platform/display.hpp"

#include <algorithm>
#include <cmath>

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include "platform/frame_loop.hpp"

namespace platform::display {
namespace {

constexpr const char* kCanvas = "#canvas";

bool g_dirty = true;
float g_dpr = 0;
int g_width = 0, g_height = 0;
float g_visible_bottom = 1e9f;

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    invalidate();
    return EM_FALSE;
}

EM_BOOL on_orientation(int, const EmscriptenOrientationChangeEvent*, void*) {
    invalidate();
    return EM_FALSE;
}

// iOS shrinks only the visual viewport when the keyboard opens; Android resizes the window too.
// A new devicePixelRatio (zoom, moving to another screen) fires no resize: a media query does.
EM_JS(void, js_watch_viewport, (), {
    if (window.visualViewport) window.visualViewport.addEventListener('resize', function() { _ev_display_changed(); });
    (function watchRatio() {
        if (!window.matchMedia) return;
        var mq = matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
        var changed = function() { mq.removeEventListener('change', changed); _ev_display_changed(); watchRatio(); };
        mq.addEventListener('change', changed);
    })();
});

EM_JS(double, js_visible_bottom_css, (), {
    var v = window.visualViewport;
    return v ? v.offsetTop + v.height : window.innerHeight;
});

}  // namespace

void invalidate() {
    g_dirty = true;
    frames::request();
}

void install() {
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
    emscripten_set_orientationchange_callback(nullptr, EM_FALSE, on_orientation);
    js_watch_viewport();
}

bool refresh() {
    // Checked every frame as well: not every browser reports a ratio change by an event.
    const float dpr_now = static_cast<float>(emscripten_get_device_pixel_ratio());
    if (!g_dirty && dpr_now == g_dpr) return false;
    g_dirty = false;
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
    const int w = std::max(1, static_cast<int>(std::lround(css_w * dpr_now)));
    const int h = std::max(1, static_cast<int>(std::lround(css_h * dpr_now)));
    if (w != g_width || h != g_height) {
        emscripten_set_canvas_element_size(kCanvas, w, h);
        g_width = w;
        g_height = h;
    }
    g_visible_bottom = static_cast<float>(js_visible_bottom_css() * dpr_now);
    const bool changed = dpr_now != g_dpr;
    g_dpr = dpr_now;
    return changed;
}

float dpr() { return g_dpr > 0 ? g_dpr : 1.0f; }
int width() { return g_width; }
int height() { return g_height; }
float visible_bottom() { return g_visible_bottom; }

}  // namespace platform::display

extern "C" EMSCRIPTEN_KEEPALIVE void ev_display_changed() { platform::display::invalidate(); }
