// The driver's favourite chargers under the map, nearest first, from what the app holds (so the
// list works offline); a tap shows the charger on the map and opens its sheet.
#include <algorithm>
#include <string>

#include "core/map/map.hpp"
#include "imgui.h"
#include "map_parts.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

void draw_map_favourites(const core::Model& m, Intents& out) {
    const core::MapState& map = m.map;
    if (map.favourites.empty()) {
        const bool asking = map.favourites_asked && !map.favourites_loaded &&
                            std::any_of(map.pending.begin(), map.pending.end(), [](const auto& p) {
                                return p.second.kind == core::MapRequestKind::Favourites;
                            });
        status_line(tr(asking ? Str::FavouritesLoading : Str::FavouritesNone));
        return;
    }
    section_label(tr(Str::FavouritesHeading));
    for (const auto& [distance, place] : core::favourites_by_distance(map, core::list_origin(map))) {
        ImGui::PushID(place->id.c_str());
        // A place known only by its id (marked before its details came) has no position to show.
        const bool placed = place->lat != 0 || place->lng != 0;
        const std::optional<double> shown = map.me ? std::optional<double>(distance) : std::nullopt;
        if (place->name.empty() ? list_row(place->id) : location_row(*place, shown)) {
            if (placed) out.push_back(core::MapIntent{core::intent::ShowLocation{place->id, place->lat, place->lng}});
            else out.push_back(core::MapIntent{core::intent::SelectLocation{place->id}});
        }
        ImGui::PopID();
    }
}

}  // namespace ui
