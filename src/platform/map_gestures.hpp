// The map's gesture recogniser: touches and mouse input that start on the map (ui::map_surface)
// come here instead of ImGui scrolling. One finger pans (with inertia), two fingers pinch-zoom
// around their midpoint, a double tap zooms in, the wheel zooms at the pointer, a mouse drags.
// Taps that do not move are handed on to ImGui, so markers and map buttons get them as clicks.
// Coordinates are CSS px relative to the canvas.
#pragma once

namespace platform::map_gestures {

bool on_map(float css_x, float css_y);  // inside the map drawn in the last frame
bool on_sheet_handle(float css_x, float css_y);  // on the handle of the sheet under the map: a drag, not a scroll

void touch_start(int id, float x, float y, double t_ms);
void touch_move(int id, float x, float y, double t_ms);
void touch_end(int id, float x, float y, double t_ms, bool cancelled);
bool touching();  // fingers are down in a map gesture

bool mouse_down(float x, float y, double t_ms);  // true when the map takes it
void mouse_move(float x, float y, double t_ms);
bool mouse_up(float x, float y, double t_ms);
bool wheel(float x, float y, float notches);  // positive notches zoom in; true when over the map

// Advances an inertia fling; true while the map is still moving (keep drawing frames).
bool animate(double t_ms);

void after_frame();  // tells the page where the map is (window.__mapView), when that changed

}  // namespace platform::map_gestures
