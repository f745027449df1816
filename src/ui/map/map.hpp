// The map screen: the map itself (tiles or a grid, clustered markers, the driver's position, its
// buttons), the bottom sheet, filters, favourites and the list below it; where the map is on screen
// for the platform's gestures, and the tile images the platform provides.
// Other parts include only this header.
#pragma once
#include "canvas.hpp"
#include "surface.hpp"

namespace ui {

void draw_map_screen(const core::Model& m, Intents& out);

}  // namespace ui
