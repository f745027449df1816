// The map screen's parts, drawn by map_view.cpp.
#pragma once
#include "screens.hpp"

namespace ui {

void draw_map_sheet(const core::Model& m, Intents& out);   // map_sheet.cpp
void draw_map_filters(const core::Model& m, Intents& out);  // map_filters_view.cpp

}  // namespace ui
