// The map's loading rules (see planner.hpp). Answers for aborted or forgotten requests never
// reach here: the controller only routes ids still in MapState::pending.
#include "planner.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_set>

#include "core/api/api.hpp"
#include "marker.hpp"
#include "requests.hpp"
#include "tile_split.hpp"

namespace core::planner {
namespace {

bool is_success(int status) { return status >= 200 && status < 300; }

int tile_requests(const MapState& map) {
    return static_cast<int>(std::count_if(map.pending.begin(), map.pending.end(),
                                          [](const auto& p) { return p.second.kind == MapRequestKind::Tile; }));
}

bool loading(const MapState& map, const geo::TileId& t) {
    return std::any_of(map.pending.begin(), map.pending.end(), [&](const auto& p) {
        return p.second.kind == MapRequestKind::Tile && p.second.tile == t;
    });
}

void send_tile(MapState& map, const geo::TileId& t, Out out) {
    const int id = out.send(tile_request(t, map.filters, map.tiles[t].continuation));
    map.pending[id] = MapRequest{MapRequestKind::Tile, t, {}};
}

void store_location(MapState& map, LocationSummary s) {
    if (s.branding && !s.branding->id.empty()) {
        map.brandings[s.branding->id] = *s.branding;
    } else if (!s.branding && !s.branding_id.empty()) {
        const auto known = map.brandings.find(s.branding_id);
        if (known != map.brandings.end()) s.branding = known->second;  // the marker's ring colour
    }
    const geo::World w = geo::project({s.lat, s.lng});
    const auto it = map.location_index.find(s.id);
    if (it != map.location_index.end()) {
        map.locations[it->second] = MapLocation{std::move(s), w};
        return;
    }
    map.location_index.emplace(s.id, map.locations.size());
    map.locations.push_back(MapLocation{std::move(s), w});
}

// Drops the least recently used tiles beyond the bound, then the locations no tile holds.
void evict(MapState& map, const std::vector<geo::TileId>& wanted) {
    if (map.tiles.size() <= kMaxTiles) return;
    std::vector<std::pair<uint64_t, geo::TileId>> order;
    for (const auto& [t, tile] : map.tiles)
        if (std::find(wanted.begin(), wanted.end(), t) == wanted.end() && !loading(map, t))
            order.emplace_back(tile.used, t);
    std::sort(order.begin(), order.end());
    for (const auto& [used, t] : order) {
        if (map.tiles.size() <= kMaxTiles) break;
        map.tiles.erase(t);
    }
    std::set<std::string> kept;
    for (const auto& [t, tile] : map.tiles) kept.insert(tile.ids.begin(), tile.ids.end());
    if (kept.size() == map.locations.size()) return;
    std::vector<MapLocation> still;
    still.reserve(kept.size());
    map.location_index.clear();
    for (auto& l : map.locations) {
        if (!kept.count(l.summary.id)) continue;
        map.location_index.emplace(l.summary.id, still.size());
        still.push_back(std::move(l));
    }
    map.locations = std::move(still);
    ++map.data_version;
}

void wake(Out out, TimePoint at) { out.effects.emplace_back(WakeAt{at}); }

// A tile's reading is over: every page read, or (`more`) what could be had of more.
void end_reading(MapTile& tile, bool more) {
    tile.complete = true;
    tile.truncated = more;
    tile.continuation.clear();
    tile.tokens.clear();
}

void schedule_availability(MapState& map, TimePoint now, Out out) {
    if (!map.availability_supported || map.availability_at) return;
    map.availability_at = now + kAvailabilityEvery;
    wake(out, *map.availability_at);
}

void refresh_availability(MapState& map, TimePoint now, Out out) {
    map.availability_at.reset();
    const bool busy = std::any_of(map.pending.begin(), map.pending.end(),
                                  [](const auto& p) { return p.second.kind == MapRequestKind::Availability; });
    if (busy) return;
    // What is in view, nearest the middle first, up to one batch.
    auto shown = locations_in(map, geo::visible_box(map.camera));
    if (shown.empty()) return;  // asked again once tiles arrive
    const geo::World c = geo::project(map.camera.centre);
    auto d2 = [&](const MapLocation* l) {
        const double dx = l->world.x - c.x, dy = l->world.y - c.y;
        return dx * dx + dy * dy;
    };
    if (shown.size() > kAvailabilityBatch) {
        std::partial_sort(shown.begin(), shown.begin() + kAvailabilityBatch, shown.end(),
                          [&](auto a, auto b) { return d2(a) < d2(b); });
        shown.resize(kAvailabilityBatch);
    }
    std::vector<std::string> ids;
    for (const auto* l : shown) ids.push_back(l->summary.id);
    const int id = out.send(availability_request(ids));
    map.pending[id] = MapRequest{MapRequestKind::Availability, {}, {}};
    (void)now;
}

}  // namespace

int Out::send(HttpRequest r) {
    r.id = next_id++;
    const int id = r.id;
    effects.emplace_back(std::move(r));
    return id;
}

int data_zoom(const geo::Camera& c) {
    int z = std::clamp(static_cast<int>(std::floor(c.zoom)), 3, 14);
    while (z > 3 && static_cast<int>(geo::covering_tiles(c, z).size()) > kMaxWantedTiles) --z;
    return z;
}

std::vector<geo::TileId> wanted_tiles(const geo::Camera& c) { return geo::covering_tiles(c, data_zoom(c)); }

void moved(MapState& map, const geo::Camera& camera, bool settled, TimePoint now, Out out) {
    map.camera = geo::normalized(camera);
    if (settled) {
        map.plan_at.reset();
        plan(map, now, out);
        return;
    }
    map.plan_at = now + kDebounce;
    if (!map.wake_at) {
        map.wake_at = map.plan_at;
        wake(out, *map.wake_at);
    }
}

void plan(MapState& map, TimePoint now, Out out) {
    std::vector<geo::TileId> split;
    const std::vector<geo::TileId> wanted =
        reading_tiles(map, wanted_tiles(map.camera), geo::visible_box(map.camera), &split);
    ++map.clock;
    for (const geo::TileId& t : split) map.tiles[t].used = map.clock;
    // Areas no longer in view: stop reading them. A tile keeps the pages it has and its token,
    // so coming back carries on where it stopped.
    for (auto it = map.pending.begin(); it != map.pending.end();) {
        const bool stale = it->second.kind == MapRequestKind::Tile &&
                           std::find(wanted.begin(), wanted.end(), it->second.tile) == wanted.end();
        if (stale) {
            out.effects.emplace_back(HttpAbort{it->first});
            it = map.pending.erase(it);
        } else {
            ++it;
        }
    }
    int in_flight = tile_requests(map);
    for (const geo::TileId& t : wanted) {
        MapTile& tile = map.tiles[t];
        tile.used = map.clock;
        if (loading(map, t)) continue;
        if (tile.failed && now - tile.fetched < kFailedRetry) continue;
        if (tile.complete && now - tile.fetched < kTileFresh) continue;
        if (in_flight >= kMaxInFlight) continue;  // still marked used; asked for when a slot frees
        if (tile.complete || tile.failed) {  // stale or failed: read it again from the first page
            tile.complete = tile.failed = tile.truncated = false;
            tile.continuation.clear();
            tile.tokens.clear();
            tile.pages = 0;
        }
        send_tile(map, t, out);
        ++in_flight;
    }
    std::vector<geo::TileId> kept = wanted;
    kept.insert(kept.end(), split.begin(), split.end());
    evict(map, kept);
}

void tick(MapState& map, TimePoint now, bool map_visible, Out out) {
    if (map.wake_at && now >= *map.wake_at) {
        map.wake_at.reset();
        if (map.plan_at && now >= *map.plan_at) {
            map.plan_at.reset();
            plan(map, now, out);
        } else if (map.plan_at) {
            map.wake_at = map.plan_at;  // moved again since: wait for the quiet
            wake(out, *map.wake_at);
        }
    }
    if (map.retry_at && now >= *map.retry_at) {
        map.retry_at.reset();
        plan(map, now, out);
    }
    if (map.availability_at && now >= *map.availability_at) {
        if (map_visible) {
            refresh_availability(map, now, out);
        } else {
            map.availability_at.reset();
        }
        schedule_availability(map, now, out);
    }
}

void reset_data(MapState& map, Out out) {
    for (auto it = map.pending.begin(); it != map.pending.end();) {
        if (it->second.kind == MapRequestKind::Sheet) {
            ++it;
            continue;
        }
        out.effects.emplace_back(HttpAbort{it->first});
        it = map.pending.erase(it);
    }
    map.tiles.clear();
    map.locations.clear();
    map.location_index.clear();
    ++map.data_version;
}

void on_tile(MapState& map, const MapRequest& request, const HttpResponse& r, TimePoint now, Out out) {
    const auto found = map.tiles.find(request.tile);
    if (found == map.tiles.end()) return;
    MapTile& tile = found->second;
    if (r.status == 0) {
        // No answer at all: keep what is known, say so, and try again shortly.
        map.offline = true;
        if (!map.retry_at) {
            map.retry_at = now + kRetry;
            wake(out, *map.retry_at);
        }
        return;
    }
    map.offline = false;
    if (tile.pages > 0 && refuses_token(r.status)) {
        // The service gave a first page and more, but will not give the next: read the children.
        map.tokens_lead_on = false;
        end_reading(tile, true);
        plan(map, now, out);
        return;
    }
    auto decoded = is_success(r.status) ? decode_location_list(r.body) : Decoded<LocationList>{};
    if (!decoded.ok()) {
        map.server_error = true;
        tile.failed = true;
        tile.fetched = now;
        plan(map, now, out);
        return;
    }
    map.server_error = false;
    const PageVerdict verdict = judge_page(tile, *decoded.value, map.tokens_lead_on);
    if (tile.pages == 0) tile.ids.clear();
    std::unordered_set<std::string> held(tile.ids.begin(), tile.ids.end());
    for (auto& l : decoded.value->items) {
        if (held.insert(l.id).second) tile.ids.push_back(l.id);
        store_location(map, std::move(l));  // once in the map, however many tiles and pages name it
    }
    ++tile.pages;
    tile.fetched = now;
    ++map.data_version;
    if (verdict == PageVerdict::Follow) {
        tile.continuation = decoded.value->continuation_token;
        tile.tokens.push_back(tile.continuation);
        send_tile(map, request.tile, out);  // the next page keeps this tile's slot
    } else {
        if (verdict == PageVerdict::TokenFailed) map.tokens_lead_on = false;
        end_reading(tile, verdict != PageVerdict::Done);
        plan(map, now, out);  // a slot is free: the children if split, else the next area in view
    }
    schedule_availability(map, now, out);
}

void on_availability(MapState& map, const HttpResponse& r, TimePoint now, Out out) {
    if (r.status == 404 || r.status == 405 || r.status == 501) {
        map.availability_supported = false;  // this service has no availability endpoint
        map.availability_at.reset();
        return;
    }
    if (!is_success(r.status)) return;
    const auto decoded = decode_availability(r.body);
    if (!decoded) return;
    for (const auto& a : *decoded) {
        const auto it = map.location_index.find(a.id);
        if (it == map.location_index.end() || a.evses.empty()) continue;
        int available = 0, total = 0;
        EvseTally tally;
        for (const auto& e : a.evses) {
            available += e.status == "AVAILABLE";
            total += e.status != "UNKNOWN" && e.status != "REMOVED" && e.status != "PLANNED";
            tally_evse(tally, e.status);
        }
        LocationSummary& s = map.locations[it->second].summary;
        s.connectors_available = available;
        s.connectors_total = total;
        s.evses = tally;  // the marker's colour follows the fresh statuses too
    }
    ++map.data_version;
    schedule_availability(map, now, out);
}

}  // namespace core::planner
