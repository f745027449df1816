// The map screen's parts, drawn by map_view.cpp.
#pragma once
#include <optional>
#include <string>

#include "ui/widgets/widgets.hpp"

namespace ui {

void draw_map_sheet(const core::Model& m, Intents& out);       // map_sheet.cpp
void draw_map_filters(const core::Model& m, Intents& out);     // map_filters_view.cpp: the unfolded toggles
std::string map_filters_label(const core::MapFilters& f);      // "Filters" / "Filters (2 on)"
int map_filters_on(const core::MapFilters& f);                 // how many filters are on
void draw_map_favourites(const core::Model& m, Intents& out);  // map_favourites_view.cpp
// "Marga · 350 m · Margaklompehof 11, Almere · 2 of 3 free" (map_view.cpp); without the distance
// when the driver's position is not known.
std::string map_row_label(const core::LocationSummary& l, std::optional<double> distance_m);
// The place as a list row: its name and availability chip, "350 m · AC up to 11 kW · Almere" under
// them; the mirror reads map_row_label. True when tapped.
bool location_row(const core::LocationSummary& l, std::optional<double> distance_m, float height = 0);

}  // namespace ui
