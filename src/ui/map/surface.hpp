// Where the map is on screen this frame, so the platform can hand touches that start on it to the
// map's gesture recogniser instead of ImGui scrolling; and the tile images the platform provides.
#pragma once
#include <vector>

#include "core/basemap/basemap.hpp"
#include "core/map/map.hpp"

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
// The bottom sheet's handle: a finger that starts there drags the sheet, it does not scroll.
void publish_sheet_handle(const Rect& r);
bool on_sheet_handle(float x, float y);  // in the last finished frame

}  // namespace ui::map_surface

// Raster map tiles, fetched and decoded by the platform (implemented in src/platform/map_tiles.cpp;
// the bookkeeping is core/map_tile_set).
namespace ui::map_tiles {

bool enabled();                    // a tile URL is configured
const char* attribution();         // the tiles' credit ("© OpenStreetMap contributors"), "" if none
const char* data_attribution();    // the charger data's licence credit (from the server), "" if none
// This frame's tiles, nearest the view's centre first: missing ones are fetched a few at a time,
// fetches of tiles no longer shown are aborted. Call once per frame that draws the map.
void show(const std::vector<core::geo::TileId>& tiles);
unsigned texture(core::geo::TileId t);  // the GL texture of a loaded tile, else 0; never fetches
// The nearest loaded ancestor of `t`, as the part of its texture that covers `t` (texture 0: none).
struct Piece {
    unsigned texture = 0;
    float u0 = 0, v0 = 0, u1 = 1, v1 = 1;
};
Piece ancestor(core::geo::TileId t);

}  // namespace ui::map_tiles

// The offline base map's cells (core/basemap), fetched and decoded by the platform (implemented in
// src/platform/basemap_cells.cpp; the bookkeeping is core/map's TileSet, as for raster tiles).
namespace ui::basemap_cells {

struct Loaded {
    core::geo::TileId id;
    bool absent = false;  // outside the covered region (or unreadable): plain land
    core::basemap::Cell cell;
};
// This frame's cells at the band's zoom, nearest the view's centre first: missing ones are fetched
// a few at a time, fetches of cells no longer shown are aborted. Call once per frame that draws them.
void show(const std::vector<core::geo::TileId>& cells);
const Loaded* cell(core::geo::TileId t);      // loaded (or known absent), else nullptr; never fetches
const Loaded* ancestor(core::geo::TileId t);  // the nearest loaded cell above `t`, else nullptr

}  // namespace ui::basemap_cells
