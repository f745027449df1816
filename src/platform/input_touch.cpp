// Touch on the canvas: one finger is tracked. A tap becomes hover -> press -> release -> no pointer
// (ImGui 1.86 needs each on its own frame); a drag past a few px becomes a scroll instead of a click,
// except from the bottom sheet's handle, where it drags the sheet.
// Touches that start on the map go to the map's gesture recogniser instead (pan, pinch, taps).
#include <cmath>

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include "platform/map_gestures.hpp"

#include "platform/display.hpp"
#include "platform/input_events.hpp"
#include "platform/input_queue.hpp"
#include "platform/text_input.hpp"

namespace platform::input {
namespace {

constexpr float kScrollSlopCss = 10.0f;  // finger travel before a touch counts as a scroll

bool g_tracking = false;
bool g_map = false;  // the fingers down belong to a map gesture
bool g_scrolling = false;
bool g_dragging = false;  // the finger holds a drag handle: it moves the pointer, it never scrolls
int g_id = 0;
float g_start_x = 0, g_start_y = 0, g_last_y = 0;

const EmscriptenTouchPoint* tracked(const EmscriptenTouchEvent* e, bool changed_only) {
    for (int i = 0; i < e->numTouches; ++i) {
        const EmscriptenTouchPoint& t = e->touches[i];
        if (t.identifier == g_id && (!changed_only || t.isChanged)) return &t;
    }
    return nullptr;
}

EM_BOOL on_touch_start(int, const EmscriptenTouchEvent* e, void*) {
    if (!g_tracking) {
        for (int i = 0; i < e->numTouches; ++i) {
            const EmscriptenTouchPoint& t = e->touches[i];
            if (!t.isChanged) continue;
            if (g_map || map_gestures::on_map(t.targetX, t.targetY)) {
                g_map = true;
                map_gestures::touch_start(t.identifier, t.targetX, t.targetY, e->timestamp);
            }
        }
        if (g_map) return EM_TRUE;
    }
    if (g_tracking) return EM_TRUE;  // a second finger: ignored, but no browser gesture either
    for (int i = 0; i < e->numTouches; ++i) {
        const EmscriptenTouchPoint& t = e->touches[i];
        if (!t.isChanged) continue;
        const float dpr = display::dpr();
        g_tracking = true;
        g_scrolling = false;
        g_dragging = map_gestures::on_sheet_handle(t.targetX, t.targetY);
        g_id = t.identifier;
        g_start_x = t.targetX * dpr;
        g_start_y = g_last_y = t.targetY * dpr;
        pointer_move(g_start_x, g_start_y);
        pointer_down();
        break;
    }
    return EM_TRUE;  // preventDefault: no emulated mouse events, no page scroll or zoom
}

EM_BOOL on_touch_move(int, const EmscriptenTouchEvent* e, void*) {
    if (g_map) {
        for (int i = 0; i < e->numTouches; ++i)
            if (e->touches[i].isChanged)
                map_gestures::touch_move(e->touches[i].identifier, e->touches[i].targetX, e->touches[i].targetY,
                                         e->timestamp);
        return EM_TRUE;
    }
    const EmscriptenTouchPoint* t = g_tracking ? tracked(e, true) : nullptr;
    if (!t) return EM_TRUE;
    const float dpr = display::dpr();
    const float x = t->targetX * dpr, y = t->targetY * dpr;
    if (g_dragging) {
        pointer_move(x, y);
    } else if (!g_scrolling && std::hypot(x - g_start_x, y - g_start_y) > kScrollSlopCss * dpr) {
        g_scrolling = true;
        pointer_cancel();
        scroll_by(y - g_start_y);
    } else if (g_scrolling) {
        scroll_by(y - g_last_y);
    } else {
        pointer_move(x, y);
    }
    g_last_y = y;
    return EM_TRUE;
}

void finish(const EmscriptenTouchPoint& t, bool cancelled) {
    const float dpr = display::dpr();
    const float x = t.targetX * dpr, y = t.targetY * dpr;
    if (!g_scrolling) {
        if (cancelled) {
            pointer_cancel();
        } else {
            pointer_move(x, y);
            pointer_up();
            // Still inside the touchend handler: iOS raises the keyboard only from here.
            text_input::on_tap(x, y, true);
        }
    }
    pointer_clear();
    g_tracking = false;
    g_scrolling = false;
    g_dragging = false;
}

EM_BOOL on_touch_end(int type, const EmscriptenTouchEvent* e, void*) {
    if (g_map) {
        for (int i = 0; i < e->numTouches; ++i)
            if (e->touches[i].isChanged)
                map_gestures::touch_end(e->touches[i].identifier, e->touches[i].targetX, e->touches[i].targetY,
                                        e->timestamp, type == EMSCRIPTEN_EVENT_TOUCHCANCEL);
        g_map = map_gestures::touching();
        return EM_TRUE;
    }
    if (const EmscriptenTouchPoint* t = g_tracking ? tracked(e, true) : nullptr)
        finish(*t, type == EMSCRIPTEN_EVENT_TOUCHCANCEL);
    return EM_TRUE;
}

}  // namespace

void install_touch() {
    // On the canvas, not window/document: Chrome makes those passive and ignores preventDefault.
    emscripten_set_touchstart_callback("#canvas", nullptr, EM_FALSE, on_touch_start);
    emscripten_set_touchmove_callback("#canvas", nullptr, EM_FALSE, on_touch_move);
    emscripten_set_touchend_callback("#canvas", nullptr, EM_FALSE, on_touch_end);
    emscripten_set_touchcancel_callback("#canvas", nullptr, EM_FALSE, on_touch_end);
}

}  // namespace platform::input
