// Directions: the location's coordinates and name, from whatever the app has loaded of it, handed
// to the phone's maps app as a link (core/map/directions.hpp).
#include "flows.hpp"

namespace core::detail {

namespace {

struct Place {
    geo::LatLng at;
    std::string name;
};

std::optional<Place> find_place(const Model& m, const std::string& id) {
    if (m.location && m.location->id == id) return Place{{m.location->lat, m.location->lng}, m.location->name};
    if (const auto it = m.map.location_index.find(id); it != m.map.location_index.end()) {
        const LocationSummary& l = m.map.locations[it->second].summary;
        return Place{{l.lat, l.lng}, l.name};
    }
    if (m.map.selected && m.map.selected->id == id) return Place{{m.map.selected->lat, m.map.selected->lng}, m.map.selected->name};
    for (const auto* list : {&m.map.search_results, &m.map.favourites, &m.locations})
        for (const LocationSummary& l : *list)
            if (l.id == id) return Place{{l.lat, l.lng}, l.name};
    return std::nullopt;
}

}  // namespace

void open_directions(Step& s, const intent::OpenDirections& i) {
    if (!s.m.directions.offered) return;
    const auto place = find_place(s.m, i.location_id);
    if (!place || (place->at.lat == 0 && place->at.lng == 0)) return;  // not placed yet: nowhere to go
    s.out.emplace_back(OpenLink{directions_link(s.m.directions.device, place->at, place->name, s.m.directions.web_template)});
}

}  // namespace core::detail
