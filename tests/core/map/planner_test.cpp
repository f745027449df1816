// The map's loading plan driven through update(): debounce, caching per area, paging, aborts,
// bounded requests in flight, filters, availability, offline.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "core/journey/journey.hpp"
#include "core/journey/map_flow.hpp"
#include "core/map/marker.hpp"
#include "core/map/planner.hpp"
#include "map_bodies.hpp"
#include "core/map/requests.hpp"

using namespace core;
using test::header;

namespace {

const std::string kHex = "0123456789abcdef0123456789abcdef";

std::vector<HttpRequest> tile_reqs(const std::vector<Effect>& effects) {
    std::vector<HttpRequest> out;
    for (const auto& e : effects)
        if (const auto* r = std::get_if<HttpRequest>(&e))
            if (r->path.rfind("/api/locations/boundingbox?", 0) == 0) out.push_back(*r);
    return out;
}

std::vector<int> aborts(const std::vector<Effect>& effects) {
    std::vector<int> out;
    for (const auto& e : effects)
        if (const auto* a = std::get_if<HttpAbort>(&e)) out.push_back(a->id);
    return out;
}

std::string page(const std::vector<std::string>& ids, const std::string& token = {}) {
    return test::location_page(ids, token);
}

struct Map {
    Model m;
    TimePoint now = *parse_iso8601("2021-06-14T08:57:00Z");
    std::vector<Effect> last;

    const std::vector<Effect>& send(const Event& e) {
        last = update(m, e, now);
        return last;
    }
    const std::vector<Effect>& boot(std::map<std::string, std::string> stored = {}) {
        return send(Boot{std::move(stored), kHex});
    }
    const std::vector<Effect>& move(geo::Camera c, bool settled) {
        return send(UserIntent{MapIntent{intent::MapMoved{c, settled}}});
    }
    const std::vector<Effect>& respond(int id, int status, std::string body = {}) {
        return send(HttpResponse{id, status, std::move(body)});
    }
    // Answers every tile request in flight with one location each (named after the request id).
    void answer_all_tiles() {
        for (int guard = 0; guard < 100 && map_loading(m.map); ++guard) {
            const int id = std::find_if(m.map.pending.begin(), m.map.pending.end(), [](auto& p) {
                               return p.second.kind == MapRequestKind::Tile;
                           })->first;
            respond(id, 200, page({"loc-" + std::to_string(id)}));
        }
    }
    size_t tile_requests_in_flight() const {
        return std::count_if(m.map.pending.begin(), m.map.pending.end(),
                             [](auto& p) { return p.second.kind == MapRequestKind::Tile; });
    }
};

const geo::Camera kAmsterdam{{52.37, 4.90}, 12.2, 412, 600};

}  // namespace

TEST_CASE("boot asks for the areas in view, nearest first, never more than the bound at once") {
    Map t;
    const auto reqs = tile_reqs(t.boot());
    const auto wanted = planner::wanted_tiles(t.m.map.camera);
    REQUIRE(wanted.size() > planner::kMaxInFlight);
    REQUIRE(reqs.size() == planner::kMaxInFlight);
    // The first request is the tile in the middle of the view, in the API's bounding-box form.
    const geo::Box b = geo::tile_box(wanted.front());
    CHECK(reqs[0].path == tile_request(wanted.front(), {}).path);
    CHECK(reqs[0].path.find("bottomLeftLat=" + std::to_string(b.south).substr(0, 6)) != std::string::npos);
    CHECK(reqs[0].path.find("&pageSize=50") != std::string::npos);
    // As answers come, the other areas follow until the whole view is covered.
    t.answer_all_tiles();
    for (const auto& tile : wanted) {
        INFO(tile.z << "/" << tile.x << "/" << tile.y);
        CHECK(t.m.map.tiles.at(tile).complete);
    }
    CHECK(t.m.map.locations.size() == wanted.size());
    CHECK_FALSE(map_loading(t.m.map));
}

TEST_CASE("moving the finger waits for quiet, settling plans at once") {
    Map t;
    t.boot();
    t.answer_all_tiles();
    geo::Camera c = kAmsterdam;
    auto effects = t.move(c, false);
    CHECK(tile_reqs(effects).empty());  // not while the finger moves
    REQUIRE(std::holds_alternative<WakeAt>(effects.back()));
    const TimePoint due = std::get<WakeAt>(effects.back()).at;
    CHECK(due == t.now + planner::kDebounce);
    // Still moving 150 ms later: no new timer, no requests.
    t.now += Millis{150};
    c = geo::pan_by(c, 30, 0);
    effects = t.move(c, false);
    CHECK(effects.empty());
    // The first timer fires while the last move is only 50 ms old: wait again, for that move.
    t.now = due;
    effects = t.send(Tick{});
    CHECK(tile_reqs(effects).empty());
    REQUIRE_FALSE(effects.empty());
    CHECK(std::get<WakeAt>(effects.back()).at == t.now + Millis{150});
    t.now += Millis{150};
    effects = t.send(Tick{});
    CHECK_FALSE(tile_reqs(effects).empty());
    CHECK(t.m.map.camera.centre.lng == Approx(c.centre.lng));

    // A settled move (finger lifted) plans without waiting.
    t.answer_all_tiles();
    effects = t.move(geo::pan_by(c, 0, 400), true);
    CHECK_FALSE(tile_reqs(effects).empty());
}

TEST_CASE("panning back to a loaded area costs no request") {
    Map t;
    t.boot();
    t.answer_all_tiles();
    const geo::Camera home = t.m.map.camera;
    const geo::Camera away = geo::pan_by(home, -2000, 0);
    CHECK_FALSE(tile_reqs(t.move(away, true)).empty());
    t.answer_all_tiles();
    CHECK(tile_reqs(t.move(home, true)).empty());
    CHECK(tile_reqs(t.move(away, true)).empty());
    // Until the cache grows old: then the area is read again.
    t.now += planner::kTileFresh + Millis{1};
    CHECK_FALSE(tile_reqs(t.move(home, true)).empty());
}

TEST_CASE("an area is read page by page with the continuation token") {
    Map t;
    t.boot();
    const int first = tile_reqs(t.last)[0].id;
    const geo::TileId tile = t.m.map.pending.at(first).tile;
    auto effects = t.respond(first, 200, page({"a", "b"}, "tok-1"));
    auto next = tile_reqs(effects);
    REQUIRE(next.size() == 1);
    CHECK(header(next[0], "continuationToken") == "tok-1");
    CHECK(t.m.map.pending.at(next[0].id).tile == tile);
    CHECK_FALSE(t.m.map.tiles.at(tile).complete);
    t.respond(next[0].id, 200, page({"c"}));
    CHECK(t.m.map.tiles.at(tile).complete);
    CHECK_FALSE(t.m.map.tiles.at(tile).truncated);
    CHECK(t.m.map.tiles.at(tile).ids == std::vector<std::string>{"a", "b", "c"});
    CHECK(t.m.map.location_index.count("c") == 1);
    // More than one page that cannot all be had, and the page cap: tile_split_test.cpp.
}

TEST_CASE("areas left behind are aborted, and their late answers ignored") {
    Map t;
    t.boot();
    const auto first = tile_reqs(t.last);
    REQUIRE_FALSE(first.empty());
    // Far away: everything in flight is for areas no longer in view.
    auto effects = t.move(geo::pan_by(t.m.map.camera, -5000, 0), true);
    const auto aborted = aborts(effects);
    CHECK(aborted.size() == first.size());
    for (const auto& r : first) CHECK(std::count(aborted.begin(), aborted.end(), r.id) == 1);
    CHECK(t.tile_requests_in_flight() <= planner::kMaxInFlight);
    // The answer to an aborted request changes nothing.
    const auto before = t.m.map.locations.size();
    CHECK(t.respond(first[0].id, 200, page({"late"})).empty());
    CHECK(t.m.map.locations.size() == before);
    CHECK(t.m.map.location_index.count("late") == 0);
}

TEST_CASE("filters go onto every area request, are stored, and reload everything") {
    Map t;
    t.boot();
    t.answer_all_tiles();
    MapFilters f;
    f.available_now = true;
    f.power = MapFilters::Power::DC;
    f.min_kw = 50;
    f.connector_types = {"IEC_62196_T2_COMBO", "CHADEMO"};
    f.direct_pay = true;
    auto effects = t.send(UserIntent{MapIntent{intent::SetMapFilters{f}}});
    CHECK(t.m.map.locations.empty());  // the old answers were for other filters
    const auto reqs = tile_reqs(effects);
    REQUIRE_FALSE(reqs.empty());
    CHECK(reqs[0].path.find("&filter.isAvailable=true&filter.powerType=DC&filter.minKw=50"
                            "&filter.connectorTypes=IEC_62196_T2_COMBO&filter.connectorTypes=CHADEMO"
                            "&filter.directPayEnabled=true") != std::string::npos);
    std::string stored;
    for (const auto& e : effects)
        if (const auto* p = std::get_if<Persist>(&e); p && p->key == kKeyMapFilters) stored = p->value.value_or("");
    REQUIRE_FALSE(stored.empty());
    // A reload comes back with the same filters.
    Map again;
    const auto boot_reqs = tile_reqs(again.boot({{kKeyMapFilters, stored}}));
    CHECK(again.m.map.filters == f);
    REQUIRE_FALSE(boot_reqs.empty());
    CHECK(boot_reqs[0].path.find("filter.powerType=DC") != std::string::npos);
    // Rubbish in storage means no filters, not a crash.
    Map broken;
    broken.boot({{kKeyMapFilters, R"({"power":"XX","minKw":-5,"connectors":["A&B",7]})"}});
    CHECK(broken.m.map.filters == MapFilters{});
    // The same filters again change nothing.
    CHECK(tile_reqs(t.send(UserIntent{MapIntent{intent::SetMapFilters{f}}})).empty());
}

TEST_CASE("no answer at all: the map says it is offline, keeps what it has and tries again") {
    Map t;
    t.boot();
    const int id = tile_reqs(t.last)[0].id;
    auto effects = t.respond(id, 0);
    CHECK(t.m.map.offline);
    REQUIRE(std::holds_alternative<WakeAt>(effects.back()));
    t.now = std::get<WakeAt>(effects.back()).at;
    effects = t.send(Tick{});
    CHECK_FALSE(tile_reqs(effects).empty());
    t.answer_all_tiles();
    CHECK_FALSE(t.m.map.offline);
}

TEST_CASE("back online, what failed for want of a network is asked for at once") {
    Map t;
    t.boot();
    const int id = tile_reqs(t.last)[0].id;
    t.respond(id, 0);
    REQUIRE(t.m.map.offline);
    t.now += std::chrono::milliseconds(500);  // long before the retry is due
    CHECK(tile_reqs(t.send(Connectivity{false})).empty());
    CHECK_FALSE(tile_reqs(t.send(Connectivity{true})).empty());
    t.answer_all_tiles();
    CHECK_FALSE(t.m.map.offline);
    // Online again while nothing failed: nothing is asked twice.
    CHECK(tile_reqs(t.send(Connectivity{true})).empty());
}

TEST_CASE("a refused or unreadable area is not asked again at every move") {
    Map t;
    t.boot();
    const int id = tile_reqs(t.last)[0].id;
    const geo::TileId tile = t.m.map.pending.at(id).tile;
    t.respond(id, 200, "{not json");
    CHECK(t.m.map.server_error);
    CHECK(t.m.map.tiles.at(tile).failed);
    t.answer_all_tiles();
    auto effects = t.move(t.m.map.camera, true);
    CHECK(tile_reqs(effects).empty());
    t.now += planner::kFailedRetry;
    CHECK(tile_reqs(t.move(t.m.map.camera, true)).size() == 1);
}

TEST_CASE("availability of what is in view is refreshed without reloading the areas") {
    Map t;
    t.boot();
    const int id = tile_reqs(t.last)[0].id;
    const auto effects = t.respond(id, 200, page({"x1", "x2"}));
    REQUIRE(t.m.map.availability_at.has_value());
    t.answer_all_tiles();
    t.now = *t.m.map.availability_at;
    const auto tick = t.send(Tick{});
    const HttpRequest* post = nullptr;
    for (const auto& e : tick)
        if (const auto* r = std::get_if<HttpRequest>(&e); r && r->path == "/api/locations/availability") post = r;
    REQUIRE(post != nullptr);
    CHECK(post->method == "POST");
    CHECK(post->body.find("\"x1\"") != std::string::npos);
    CHECK(tile_reqs(tick).empty());
    t.respond(post->id, 200,
              R"({"data":[{"id":"x1","evses":[{"uid":"a","status":"AVAILABLE"},{"uid":"b","status":"AVAILABLE"},)"
              R"({"uid":"c","status":"CHARGING"},{"uid":"d","status":"REMOVED"}]}]})");
    const auto& s = t.m.map.locations[t.m.map.location_index.at("x1")].summary;
    CHECK(s.connectors_available == 2);
    CHECK(s.connectors_total == 3);
    REQUIRE(t.m.map.availability_at.has_value());
    // A service without the endpoint is not asked again.
    t.now = *t.m.map.availability_at;
    const auto again = t.send(Tick{});
    int post_id = 0;
    for (const auto& e : again)
        if (const auto* r = std::get_if<HttpRequest>(&e); r && r->path == "/api/locations/availability") post_id = r->id;
    REQUIRE(post_id != 0);
    t.respond(post_id, 404, R"("Not found")");
    CHECK_FALSE(t.m.map.availability_supported);
    CHECK_FALSE(t.m.map.availability_at.has_value());
}

TEST_CASE("the availability refresh moves a marker to out of order and back to free") {
    Map t;
    t.boot();
    t.respond(tile_reqs(t.last)[0].id, 200,
              R"({"data":[{"id":"x1","lat":52.37,"lng":4.90,"conAvail":1,"conTot":2,"evses":[)"
              R"({"uid":"a","status":"AVAILABLE","connectors":[{"id":"1","powerType":"DC","kw":150}]},)"
              R"({"uid":"b","status":"CHARGING","connectors":[{"id":"1","powerType":"DC","kw":150}]}]}],)"
              R"("meta":{"hasMoreData":false}})");
    t.answer_all_tiles();
    const auto& s = t.m.map.locations[t.m.map.location_index.at("x1")].summary;
    CHECK(marker_state(s) == MarkerState::Free);
    auto refresh = [&](const std::string& statuses) {
        REQUIRE(t.m.map.availability_at.has_value());
        t.now = *t.m.map.availability_at;
        int post_id = 0;
        for (const auto& e : t.send(Tick{}))
            if (const auto* r = std::get_if<HttpRequest>(&e); r && r->path == "/api/locations/availability") post_id = r->id;
        REQUIRE(post_id != 0);
        const uint64_t version = t.m.map.data_version;
        t.respond(post_id, 200, R"({"data":[{"id":"x1","evses":[)" + statuses + "]}]}");
        CHECK(t.m.map.data_version > version);  // views redraw the marker
    };
    refresh(R"({"uid":"a","status":"OUTOFORDER"},{"uid":"b","status":"INOPERATIVE"})");
    CHECK(s.evses.out_of_order == 2);
    CHECK(s.connectors_available == 0);
    CHECK(marker_state(s) == MarkerState::OutOfOrder);
    CHECK(marker_label(s) == ", out of order, DC up to 150 kW");  // the test summary has no name
    CHECK(s.has_dc);  // the refresh keeps what it does not carry (connectors, power)
    refresh(R"({"uid":"a","status":"UNKNOWN"},{"uid":"b","status":"UNKNOWN"})");
    CHECK(marker_state(s) == MarkerState::Unknown);
    refresh(R"({"uid":"a","status":"AVAILABLE"},{"uid":"b","status":"OUTOFORDER"})");
    CHECK(marker_state(s) == MarkerState::Free);
    CHECK(s.connectors_available == 1);
    CHECK(s.connectors_total == 2);
}

TEST_CASE("a branding given once in a list colours every marker that names its id") {
    Map t;
    t.boot();
    t.respond(tile_reqs(t.last)[0].id, 200,
              R"({"data":[{"id":"b1","lat":52.37,"lng":4.90,"branding":{"id":"gfx","primaryColorHex":"#50B748"}},)"
              R"({"id":"b2","lat":52.37,"lng":4.91,"brandingId":"gfx"},)"
              R"({"id":"b3","lat":52.37,"lng":4.92,"brandingId":"other"}],"meta":{"hasMoreData":false}})");
    const auto& locs = t.m.map.locations;
    const auto& b2 = locs[t.m.map.location_index.at("b2")].summary;
    REQUIRE(b2.branding.has_value());
    CHECK(b2.branding->primary_color_hex == "#50B748");
    CHECK_FALSE(locs[t.m.map.location_index.at("b3")].summary.branding.has_value());  // never given: no ring colour
    // A later area that names it only by id gets it too.
    t.answer_all_tiles();
    t.respond(tile_reqs(t.move({{52.0, 4.5}, 12.2, 412, 600}, true))[0].id, 200,
              R"({"data":[{"id":"b4","lat":52.0,"lng":4.5,"brandingId":"gfx"}],"meta":{"hasMoreData":false}})");
    REQUIRE(locs[t.m.map.location_index.at("b4")].summary.branding.has_value());
}

TEST_CASE("the cache stays bounded and forgets locations no area holds") {
    Map t;
    t.boot();
    geo::Camera c = t.m.map.camera;
    for (int i = 0; i < 120; ++i) {
        c = geo::pan_by(c, -400, 0);
        t.move(c, true);
        t.answer_all_tiles();
    }
    CHECK(t.m.map.tiles.size() <= planner::kMaxTiles);
    std::set<std::string> held;
    for (const auto& [id, tile] : t.m.map.tiles) held.insert(tile.ids.begin(), tile.ids.end());
    CHECK(t.m.map.locations.size() == held.size());
    for (const auto& [id, index] : t.m.map.location_index) CHECK(t.m.map.locations[index].summary.id == id);
}

TEST_CASE("the sheet loads the tapped location, a newer tap wins, locate me asks the platform") {
    Map t;
    t.boot();
    auto effects = t.send(UserIntent{MapIntent{intent::SelectLocation{"L1"}}});
    int first = 0;
    for (const auto& e : effects)
        if (const auto* r = std::get_if<HttpRequest>(&e)) first = r->id;
    effects = t.send(UserIntent{MapIntent{intent::SelectLocation{"L2"}}});
    CHECK(aborts(effects) == std::vector<int>{first});
    int second = 0;
    for (const auto& e : effects)
        if (const auto* r = std::get_if<HttpRequest>(&e)) second = r->id;
    CHECK(t.respond(first, 200, R"({"id":"L1","name":"One"})").empty());
    t.respond(second, 200, R"({"id":"L2","name":"Two","coordinates":{"latitude":52.1,"longitude":5.1}})");
    REQUIRE(t.m.map.selected.has_value());
    CHECK(t.m.map.selected->name == "Two");
    t.send(UserIntent{MapIntent{intent::SelectLocation{""}}});
    CHECK(t.m.map.selected_id.empty());

    effects = t.send(UserIntent{MapIntent{intent::LocateMe{}}});
    CHECK(std::holds_alternative<Locate>(effects.back()));
    t.send(UserIntent{MapIntent{intent::LocateFailed{true}}});
    CHECK(t.m.map.locate == LocateState::Denied);
    t.send(UserIntent{MapIntent{intent::Located{52.5, 5.0}}});
    CHECK(t.m.map.locate == LocateState::Found);
    CHECK(t.m.map.camera.centre.lat == Approx(52.5));
    CHECK(t.m.map.camera.zoom >= kLocateZoom);
}

TEST_CASE("search by text asks the service near the driver, with the filters, a newer search replaces an older") {
    Map t;
    t.boot();
    MapFilters f;
    f.direct_pay = true;
    t.send(UserIntent{MapIntent{intent::SetMapFilters{f}}});
    t.send(UserIntent{MapIntent{intent::Located{52.5, 5.0}}});
    auto effects = t.send(UserIntent{MapIntent{intent::SearchLocations{"van der valk & co"}}});
    const HttpRequest* first = nullptr;
    for (const auto& e : effects)
        if (const auto* r = std::get_if<HttpRequest>(&e)) first = r;
    REQUIRE(first != nullptr);
    CHECK(first->path == "/api/locations/search?q=van%20der%20valk%20%26%20co&pageSize=20"
                         "&userLatitude=52.500000&userLongitude=5.000000&filter.directPayEnabled=true");
    const int first_id = first->id;
    CHECK(t.m.map.search_loading);
    effects = t.send(UserIntent{MapIntent{intent::SearchLocations{"marga"}}});
    CHECK(aborts(effects) == std::vector<int>{first_id});
    int second = 0;
    for (const auto& e : effects)
        if (const auto* r = std::get_if<HttpRequest>(&e)) second = r->id;
    CHECK(t.respond(first_id, 200, page({"old"})).empty());
    t.respond(second, 200, page({"m1", "m2"}));
    CHECK_FALSE(t.m.map.search_loading);
    REQUIRE(t.m.map.search_results.size() == 2);
    CHECK(t.m.map.search_results[0].id == "m1");

    // Choosing a result shows it on the map and opens its sheet.
    effects = t.send(UserIntent{MapIntent{intent::ShowLocation{"m2", 52.1, 5.2}}});
    CHECK(t.m.map.selected_id == "m2");
    CHECK(t.m.map.camera.centre.lat == Approx(52.1));
    // ... and a reload comes back to it: the moved camera is stored, as any settled move is.
    std::string stored_camera;
    for (const auto& e : effects)
        if (const auto* p = std::get_if<Persist>(&e); p && p->key == kKeyMapCamera) stored_camera = p->value.value_or("");
    CHECK(stored_camera.find("52.1") != std::string::npos);

    // A failed search says so; clearing forgets the results.
    effects = t.send(UserIntent{MapIntent{intent::SearchLocations{"x"}}});
    int third = 0;
    for (const auto& e : effects)
        if (const auto* r = std::get_if<HttpRequest>(&e); r && r->path.rfind("/api/locations/search", 0) == 0) third = r->id;
    t.respond(third, 500, "{}");
    CHECK(t.m.map.search_failed);
    t.send(UserIntent{MapIntent{intent::SearchLocations{""}}});
    CHECK(t.m.map.search_results.empty());
    CHECK(t.m.map.search_query.empty());
}
