// Where the map is on screen this frame, so the platform can hand touches that start on it to the
// map's gesture recogniser instead of ImGui scrolling; and the tile images the platform provides.
#pragma once

namespace ui::map_surface {

struct Rect {  // device px
    float x = 0, y = 0, w = 0, h = 0;
    bool contains(float px, float py) const { return w > 0 && px >= x && py >= y && px < x + w && py < y + h; }
};

void begin_frame();           // forget last frame's map (a screen without a map has none)
void publish(const Rect& r);  // the map view, while drawing
Rect current();               // the last finished frame's map (w == 0: none)
void publish_controls(const Rect& r);  // the map's buttons, drawn over it: touches there are not the map's
bool on_controls(float x, float y);    // in the last finished frame

}  // namespace ui::map_surface

// Raster map tiles, fetched and decoded by the platform (implemented in src/platform/map_tiles.cpp).
namespace ui::map_tiles {

bool enabled();               // a tile URL is configured
const char* attribution();    // to show over the map ("© OpenStreetMap contributors"), "" if none
// The GL texture of tile z/x/y, or 0 while it loads (the first call asks for it). `frame` is the
// caller's frame number, so tiles unused for a while can be evicted.
unsigned texture(int z, int x, int y);

}  // namespace ui::map_tiles
