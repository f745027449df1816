// The map itself: background (tiles, or a clean grid), clustered markers, the driver's position,
// scale bar, attribution, zoom and locate buttons, and a quiet loading/offline note.
#pragma once
#include <string_view>

#include "imgui.h"
#include "ui/widgets/widgets.hpp"

namespace ui {

// Draws the map `height` device px tall at the cursor, full width, with the markers of the
// locations matching `lower_words` (lower-cased search words; empty: all) and the service-wide
// search results. Taps on markers select a location (bottom sheet), taps on clusters zoom in.
void draw_map_canvas(const core::Model& m, float height, std::string_view lower_words, Intents& out);

// Clustering is on unless a benchmark turns it off (Module._ev_map_clustering(0) in the page), to
// measure the cost of drawing every marker.
void set_clustering(bool on);

// Marker colour for a location summary: free, busy or unknown.
ImU32 availability_colour(int available, int total);

}  // namespace ui
