// The driver's favourites (see favourites.hpp).
#include "favourites.hpp"

#include <algorithm>
#include <cmath>

#include "core/api/api.hpp"
#include "requests.hpp"

namespace core {
namespace {

void remove_place(std::vector<LocationSummary>& places, const std::string& id) {
    places.erase(std::remove_if(places.begin(), places.end(), [&](const LocationSummary& l) { return l.id == id; }),
                 places.end());
}

// What the map knows of a place, best first: a loaded summary (with live counts), the open sheet,
// a search result; else only its id (the next answer from the service fills it in).
LocationSummary known_place(const MapState& map, const std::string& id) {
    if (const auto it = map.location_index.find(id); it != map.location_index.end())
        return map.locations[it->second].summary;
    if (map.selected && map.selected->id == id) {
        const Location& l = *map.selected;
        LocationSummary s;
        s.id = l.id;
        s.name = l.name;
        s.address = l.address;
        s.city = l.city;
        s.country = l.country;
        s.lat = l.lat;
        s.lng = l.lng;
        s.branding = l.branding;
        return s;
    }
    for (const auto& r : map.search_results)
        if (r.id == id) return r;
    LocationSummary s;
    s.id = id;
    return s;
}

}  // namespace

void request_favourites(MapState& map, std::string_view app_token, geo::LatLng near, planner::Out out) {
    const bool asking = std::any_of(map.pending.begin(), map.pending.end(),
                                    [](const auto& p) { return p.second.kind == MapRequestKind::Favourites; });
    if (asking) return;
    map.favourites_asked = true;
    const int id = out.send(favourites_request(app_token, near));
    map.pending[id] = MapRequest{MapRequestKind::Favourites, {}, {}};
}

bool apply_favourites(MapState& map, std::string_view body) {
    auto decoded = decode_location_list(body);
    if (!decoded.ok()) return false;
    std::vector<LocationSummary> places;
    for (auto& l : decoded.value->items) {
        if (places.size() >= kMaxFavourites) break;
        if (std::none_of(places.begin(), places.end(), [&](const LocationSummary& p) { return p.id == l.id; }))
            places.push_back(std::move(l));
    }
    // A change the service has not confirmed yet was made after it wrote this answer.
    for (const auto& [id, request] : map.pending) {
        if (request.kind != MapRequestKind::FavouriteChange) continue;
        remove_place(places, request.location_id);
        if (request.add) places.push_back(known_place(map, request.location_id));
    }
    map.favourites = std::move(places);
    map.favourites_loaded = true;
    return true;
}

void set_favourite(MapState& map, const std::string& location_id, bool on) {
    if (location_id.empty()) return;
    const bool now = is_favourite(map, location_id);
    if (on && !now && map.favourites.size() < kMaxFavourites) map.favourites.push_back(known_place(map, location_id));
    if (!on && now) remove_place(map.favourites, location_id);
}

std::vector<std::pair<double, const LocationSummary*>> favourites_by_distance(const MapState& map, geo::LatLng from) {
    std::vector<std::pair<double, const LocationSummary*>> out;
    out.reserve(map.favourites.size());
    for (const auto& f : map.favourites) out.emplace_back(geo::distance_m(from, {f.lat, f.lng}), &f);
    std::sort(out.begin(), out.end());  // equal distances keep the list's order: the pointers follow it
    return out;
}

std::string encode_favourites(std::string_view app_token, const std::vector<LocationSummary>& places) {
    Json list = Json::array();
    for (const auto& p : places)
        list.push_back(Json{{"id", p.id}, {"name", p.name}, {"add", p.address}, {"city", p.city},
                            {"lat", p.lat}, {"lng", p.lng}, {"conAvail", p.connectors_available},
                            {"conTot", p.connectors_total}});
    return dump_json(Json{{"token", std::string(app_token)}, {"places", list}});
}

std::optional<std::vector<LocationSummary>> decode_favourites(std::string_view stored, std::string_view app_token) {
    ReadLog log;
    const auto root = parse_json(stored, log);
    if (!root) return std::nullopt;
    FieldReader r(*root, "", log);
    if (!r.is_object() || r.string_or("token") != app_token) return std::nullopt;
    std::vector<LocationSummary> places;
    r.each("places", [&](const Json& item, const std::string& path) {
        FieldReader p(item, path, log);
        if (!p.is_object() || places.size() >= kMaxFavourites) return;
        LocationSummary s;
        s.id = p.string_or("id");
        const auto lat = p.opt_number("lat"), lng = p.opt_number("lng");
        if (s.id.empty() || s.id.size() > 200 || !lat || !lng || !std::isfinite(*lat) || !std::isfinite(*lng) ||
            std::abs(*lat) > 90 || std::abs(*lng) > 180)
            return;
        s.name = p.string_or("name");
        s.address = p.string_or("add");
        s.city = p.string_or("city");
        s.lat = *lat;
        s.lng = *lng;
        s.connectors_available = std::max(0, p.int_or("conAvail"));
        s.connectors_total = std::max(0, p.int_or("conTot"));
        if (std::none_of(places.begin(), places.end(), [&](const LocationSummary& o) { return o.id == s.id; }))
            places.push_back(std::move(s));
    });
    return places;
}

}  // namespace core
