// Queries on the map's state that views and tests share.
#include "state.hpp"

#include <algorithm>

#include "planner.hpp"
#include "tile_split.hpp"

namespace core {

std::vector<const MapLocation*> locations_in(const MapState& map, const geo::Box& box) {
    std::vector<const MapLocation*> out;
    for (const auto& l : map.locations)
        if (box.contains({l.summary.lat, l.summary.lng})) out.push_back(&l);
    return out;
}

bool map_loading(const MapState& map) {
    return std::any_of(map.pending.begin(), map.pending.end(),
                       [](const auto& p) { return p.second.kind == MapRequestKind::Tile; });
}

bool map_truncated(const MapState& map) {
    // A tile above the floor that could not be read whole is split, so a truncated reading tile is a
    // floor tile.
    const auto reading = planner::reading_tiles(map, planner::wanted_tiles(map.camera), geo::visible_box(map.camera));
    for (const auto& t : reading) {
        const auto it = map.tiles.find(t);
        if (it != map.tiles.end() && it->second.truncated) return true;
    }
    return false;
}

bool is_favourite(const MapState& map, const std::string& location_id) {
    return std::any_of(map.favourites.begin(), map.favourites.end(),
                       [&](const LocationSummary& f) { return f.id == location_id; });
}

geo::LatLng list_origin(const MapState& map) { return map.me ? *map.me : map.camera.centre; }

std::optional<double> distance_from_driver(const MapState& map, geo::LatLng place) {
    if (!map.me) return std::nullopt;
    return geo::distance_m(*map.me, place);
}

}  // namespace core
