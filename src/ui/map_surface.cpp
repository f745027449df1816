// The map's rectangle for the platform's touch routing (see map_surface.hpp).
#include "map_surface.hpp"

namespace ui::map_surface {
namespace {
Rect g_drawing, g_last;
}

void begin_frame() {
    g_last = g_drawing;
    g_drawing = {};
}

void publish(const Rect& r) { g_drawing = r; }

Rect current() { return g_last; }

}  // namespace ui::map_surface
