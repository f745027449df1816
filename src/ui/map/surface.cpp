// The map's rectangle for the platform's touch routing (see surface.hpp).
#include "surface.hpp"

namespace ui::map_surface {
namespace {
Rect g_drawing, g_last, g_controls_drawing, g_controls_last, g_handle_drawing, g_handle_last;
}

void begin_frame() {
    g_last = g_drawing;
    g_drawing = {};
    g_controls_last = g_controls_drawing;
    g_controls_drawing = {};
    g_handle_last = g_handle_drawing;
    g_handle_drawing = {};
}

void publish(const Rect& r) { g_drawing = r; }

Rect current() { return g_last; }

void publish_controls(const Rect& r) { g_controls_drawing = r; }

bool on_controls(float x, float y) { return g_controls_last.contains(x, y); }

}  // namespace ui::map_surface

namespace ui::map_surface {

void publish_sheet_handle(const Rect& r) { g_handle_drawing = r; }

bool on_sheet_handle(float x, float y) { return g_handle_last.contains(x, y); }

}  // namespace ui::map_surface
