// The offline base map under the markers: sea, lakes, rivers, shores and borders from the
// base map's cells, and place names laid out where nothing else is (core/basemap places them).
#pragma once
#include <vector>

#include "core/basemap/basemap.hpp"
#include "core/map/map.hpp"
#include "imgui.h"

namespace ui::basemap_layer {

// Where the map is on screen this frame.
struct Frame {
    core::geo::Camera camera;
    ImVec2 origin, end;  // device px
    float dpr = 1;
};

// The water and lines of the cells in view (fetched as needed; a coarser loaded cell stands in
// for one still on its way). Call once per frame, after the land colour is down. False when no
// cell of the view is covered by the base map (all of it outside the base map's region).
bool draw_ground(ImDrawList* dl, const Frame& f);
bool drawn();  // this frame's map shows the base map (its credit is due)
// The names of the places in the drawn cells that matter at this zoom, bigger places first, none
// over another or over an obstacle (device px boxes: markers, controls, notes), none cut by the edge.
void draw_places(ImDrawList* dl, const Frame& f, const std::vector<core::basemap::Box>& obstacles);

}  // namespace ui::basemap_layer
