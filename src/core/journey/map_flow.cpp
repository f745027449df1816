// The map's intents and answers (see map_flow.hpp); loading itself is core/map/planner's job.
#include "map_flow.hpp"

#include <algorithm>

#include "core/api/api.hpp"
#include "core/map/map.hpp"

namespace core {
namespace {

bool is_success(int status) { return status >= 200 && status < 300; }

void abort_sheet(MapState& map, std::vector<Effect>& out) {
    for (auto it = map.pending.begin(); it != map.pending.end();) {
        if (it->second.kind == MapRequestKind::Sheet) {
            out.emplace_back(HttpAbort{it->first});
            it = map.pending.erase(it);
        } else {
            ++it;
        }
    }
}

geo::LatLng driver_or_centre(const MapState& map) { return map.me ? *map.me : map.camera.centre; }

void persist_favourites(const Model& m, planner::Out out) {
    out.effects.emplace_back(Persist{kKeyMapFavourites, encode_favourites(m.app_token, m.map.favourites)});
}

void on_boot(Model& m, const Boot& boot, TimePoint now, planner::Out out) {
    MapState& map = m.map;
    if (map.started) return;
    map.started = true;
    map.page_offline = !m.online;
    if (const auto it = boot.stored.find(kKeyMapFilters); it != boot.stored.end())
        map.filters = decode_filters(it->second);
    map.filters.app_token = m.app_token;
    // Listed at once, even offline; the service's answer replaces them once the token is registered.
    if (const auto it = boot.stored.find(kKeyMapFavourites); it != boot.stored.end())
        if (auto places = decode_favourites(it->second, m.app_token)) map.favourites = std::move(*places);
    if (const auto it = boot.stored.find(kKeyMapCamera); it != boot.stored.end())
        if (const auto camera = decode_camera(it->second, map.camera)) map.camera = *camera;
    planner::plan(map, now, out);
}

void on_intent(Model& m, const MapIntent& intent, TimePoint now, planner::Out out) {
    MapState& map = m.map;
    if (const auto* i = std::get_if<intent::MapMoved>(&intent)) {
        // The driver has moved on from a failed locate: its note goes (a resize alone is no move).
        const bool moved = i->camera.centre.lat != map.camera.centre.lat ||
                           i->camera.centre.lng != map.camera.centre.lng || i->camera.zoom != map.camera.zoom;
        if (moved && (map.locate == LocateState::Denied || map.locate == LocateState::Unavailable))
            map.locate = LocateState::Idle;
        planner::moved(map, i->camera, i->settled, now, out);
        if (i->settled) out.effects.emplace_back(Persist{kKeyMapCamera, encode_camera(map.camera)});
    } else if (const auto* i = std::get_if<intent::SelectLocation>(&intent)) {
        if (i->location_id == map.selected_id) return;
        abort_sheet(map, out.effects);
        map.selected_id = i->location_id;
        map.selected.reset();
        map.selected_failed = false;
        if (map.selected_id.empty()) return;
        const int id = out.send(location_request(map.selected_id));
        map.pending[id] = MapRequest{MapRequestKind::Sheet, {}, map.selected_id};
        // The list asked for at registration did not come: the star must be right, ask again.
        if (!map.favourites_loaded && m.token_registered) request_favourites(map, m.app_token, driver_or_centre(map), out);
    } else if (const auto* i = std::get_if<intent::ToggleFavourite>(&intent)) {
        if (i->location_id.empty() || !m.token_registered) return;
        // Shown at once; put back if the service refuses.
        const bool add = !is_favourite(map, i->location_id);
        set_favourite(map, i->location_id, add);
        persist_favourites(m, out);
        const int id = out.send(favourite_change_request(m.app_token, i->location_id, add));
        MapRequest request{MapRequestKind::FavouriteChange, {}, i->location_id};
        request.add = add;
        map.pending[id] = request;
    } else if (const auto* i = std::get_if<intent::SetMapFilters>(&intent)) {
        MapFilters filters = i->filters;
        filters.app_token = m.app_token;
        if (filters == map.filters) return;
        map.filters = std::move(filters);
        out.effects.emplace_back(Persist{kKeyMapFilters, encode_filters(map.filters)});
        planner::reset_data(map, out);
        planner::plan(map, now, out);
    } else if (std::get_if<intent::LocateMe>(&intent)) {
        map.locate = LocateState::Asking;
        map.locate_deadline = now + kLocateGiveUp;
        out.effects.emplace_back(WakeAt{*map.locate_deadline});
        out.effects.emplace_back(Locate{});
    } else if (const auto* i = std::get_if<intent::Located>(&intent)) {
        // Also after the give-up: a late position is still where the driver is.
        map.locate = LocateState::Found;
        map.locate_deadline.reset();
        map.me = geo::LatLng{i->lat, i->lng};
        geo::Camera c = map.camera;
        c.centre = *map.me;
        c.zoom = std::max(c.zoom, kLocateZoom);
        planner::moved(map, c, true, now, out);
        out.effects.emplace_back(Persist{kKeyMapCamera, encode_camera(map.camera)});
    } else if (const auto* i = std::get_if<intent::SearchLocations>(&intent)) {
        for (auto it = map.pending.begin(); it != map.pending.end();) {  // a newer search replaces any older
            if (it->second.kind == MapRequestKind::Search) {
                out.effects.emplace_back(HttpAbort{it->first});
                it = map.pending.erase(it);
            } else {
                ++it;
            }
        }
        map.search_query = i->text.substr(0, 200);
        map.search_results.clear();
        map.search_failed = false;
        map.search_loading = !map.search_query.empty();
        if (map.search_query.empty()) return;
        const int id = out.send(search_request(map.search_query, map.filters, map.me ? *map.me : map.camera.centre));
        map.pending[id] = MapRequest{MapRequestKind::Search, {}, map.search_query};
    } else if (const auto* i = std::get_if<intent::ShowLocation>(&intent)) {
        geo::Camera c = map.camera;
        c.centre = {i->lat, i->lng};
        c.zoom = std::max(c.zoom, kLocateZoom);
        planner::moved(map, c, true, now, out);
        out.effects.emplace_back(Persist{kKeyMapCamera, encode_camera(map.camera)});
        on_intent(m, intent::SelectLocation{i->location_id}, now, out);
    } else if (const auto* i = std::get_if<intent::LocateFailed>(&intent)) {
        map.locate = i->denied ? LocateState::Denied : LocateState::Unavailable;
        map.locate_deadline.reset();
    }
}

void on_search(MapState& map, const MapRequest& request, const HttpResponse& r) {
    if (request.location_id != map.search_query) return;
    map.search_loading = false;
    auto decoded = is_success(r.status) ? decode_location_list(r.body) : Decoded<LocationList>{};
    if (!decoded.ok()) {
        map.search_failed = true;
        return;
    }
    map.search_results = std::move(decoded.value->items);
}

void on_favourites(Model& m, const HttpResponse& r, planner::Out out) {
    // A failure keeps what was stored; asked again when the next sheet opens.
    if (is_success(r.status) && apply_favourites(m.map, r.body)) persist_favourites(m, out);
}

void on_favourite_change(Model& m, const MapRequest& request, const HttpResponse& r, TimePoint now,
                         planner::Out out) {
    MapState& map = m.map;
    // Removing one the service no longer has is what the driver wanted anyway.
    if (is_success(r.status) || (!request.add && r.status == 404)) {
        if (map.filters.favourites_only) {  // the map shows favourites only: it has one more or fewer
            planner::reset_data(map, out);
            planner::plan(map, now, out);
        }
        return;
    }
    set_favourite(map, request.location_id, !request.add);
    persist_favourites(m, out);
}

void on_sheet(MapState& map, const MapRequest& request, const HttpResponse& r) {
    if (request.location_id != map.selected_id) return;
    auto decoded = is_success(r.status) ? decode_location(r.body) : Decoded<Location>{};
    if (decoded.ok()) {
        map.selected = std::move(*decoded.value);
    } else {
        map.selected_failed = true;
    }
}

}  // namespace

void map_after_event(Model& m, std::vector<Effect>& effects) {
    MapState& map = m.map;
    if (!map.started || map.favourites_asked || !m.token_registered) return;
    planner::Out out{effects, m.next_request_id};
    request_favourites(map, m.app_token, driver_or_centre(map), out);
}

bool map_update(Model& m, const Event& event, TimePoint now, std::vector<Effect>& effects) {
    planner::Out out{effects, m.next_request_id};
    if (const auto* boot = std::get_if<Boot>(&event)) {
        on_boot(m, *boot, now, out);
        return false;
    }
    if (std::get_if<Tick>(&event)) {
        if (m.map.locate_deadline && now >= *m.map.locate_deadline) {
            m.map.locate_deadline.reset();
            if (m.map.locate == LocateState::Asking) m.map.locate = LocateState::Unavailable;
        }
        planner::tick(m.map, now, m.screen == Screen::Map, out);
        return false;
    }
    if (const auto* c = std::get_if<Connectivity>(&event)) {
        m.map.page_offline = !c->online;
        // Back online: what failed for want of a network is asked for now, not at the next retry.
        if (c->online && m.map.retry_at) {
            m.map.retry_at.reset();
            planner::plan(m.map, now, out);
        }
        return false;  // the journey catches up too
    }
    if (const auto* r = std::get_if<HttpResponse>(&event)) {
        const auto it = m.map.pending.find(r->request_id);
        if (it == m.map.pending.end()) return false;
        const MapRequest request = std::move(it->second);
        m.map.pending.erase(it);
        switch (request.kind) {
            case MapRequestKind::Tile: planner::on_tile(m.map, request, *r, now, out); break;
            case MapRequestKind::Availability: planner::on_availability(m.map, *r, now, out); break;
            case MapRequestKind::Sheet: on_sheet(m.map, request, *r); break;
            case MapRequestKind::Search: on_search(m.map, request, *r); break;
            case MapRequestKind::Favourites: on_favourites(m, *r, out); break;
            case MapRequestKind::FavouriteChange: on_favourite_change(m, request, *r, now, out); break;
        }
        return true;
    }
    if (const auto* i = std::get_if<UserIntent>(&event)) {
        const auto* map_intent = std::get_if<MapIntent>(i);
        if (map_intent == nullptr) return false;
        on_intent(m, *map_intent, now, out);
        return true;
    }
    return false;
}

}  // namespace core
