// Tiles whose pages cannot all be had, driven through update(): a data tile that says it has more
// than one page but whose next page repeats, is empty or is refused is read as its four children,
// down to the floor (data zoom + 3); only a full floor tile says "zoom in"; locations are held once.
// Tokens that do lead on are still followed, up to the page cap.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "core/journey/journey.hpp"
#include "core/map/planner.hpp"
#include "map_bodies.hpp"
#include "core/map/tile_split.hpp"

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

std::string page(const std::vector<std::string>& ids, const std::string& token = {}) {
    return test::location_page(ids, token);
}

std::vector<std::string> names(const std::string& prefix, int n, int from = 0) {
    std::vector<std::string> out;
    for (int i = from; i < from + n; ++i) out.push_back(prefix + std::to_string(i));
    return out;
}

const std::string kEmptyLastPage = R"({"data":[],"meta":{"count":0,"hasMoreData":false}})";

std::set<geo::TileId> children_of(geo::TileId t) {
    // The slippy-map rule: one zoom deeper, x and y doubled, plus 0 or 1 each.
    return {{t.z + 1, 2 * t.x, 2 * t.y}, {t.z + 1, 2 * t.x + 1, 2 * t.y},
            {t.z + 1, 2 * t.x, 2 * t.y + 1}, {t.z + 1, 2 * t.x + 1, 2 * t.y + 1}};
}

struct Map {
    Model m;
    TimePoint now = *parse_iso8601("2021-06-14T08:57:00Z");
    std::vector<Effect> last;

    const std::vector<Effect>& send(const Event& e) {
        last = update(m, e, now);
        return last;
    }
    const std::vector<Effect>& respond(int id, int status, std::string body = {}) {
        return send(HttpResponse{id, status, std::move(body)});
    }
    const std::vector<Effect>& move(geo::Camera c) { return send(UserIntent{MapIntent{intent::MapMoved{c, true}}}); }
    geo::TileId tile_of(const HttpRequest& r) const { return m.map.pending.at(r.id).tile; }
};

// A 100 px view in the middle of one zoom-12 tile at zoom 12.5: one data tile, and every one of its
// children meets the view (the view straddles the tile's centre).
const geo::TileId kTile = geo::tile_at({52.37, 4.90}, 12);
geo::Camera one_tile_view() {
    const double n = 1 << kTile.z;
    return {geo::unproject({(kTile.x + 0.5) / n, (kTile.y + 0.5) / n}), kTile.z + 0.5, 100, 100};
}

// Boots and moves to the one-tile view; returns the data tile's first request.
HttpRequest start(Map& t) {
    t.send(Boot{{}, kHex});
    const auto reqs = tile_reqs(t.move(one_tile_view()));
    REQUIRE(reqs.size() == 1);
    REQUIRE(t.tile_of(reqs[0]) == kTile);
    REQUIRE(planner::wanted_tiles(t.m.map.camera) == std::vector<geo::TileId>{kTile});
    return reqs[0];
}

// The data tile answers a full first page and a token; returns the request that follows the token.
HttpRequest first_page_with_more(Map& t, const HttpRequest& first, const std::string& token = "tok-1") {
    const auto next = tile_reqs(t.respond(first.id, 200, page(names("L", 50), token)));
    REQUIRE(next.size() == 1);
    REQUIRE(header(next[0], "continuationToken") == token);
    REQUIRE(t.tile_of(next[0]) == kTile);
    return next[0];
}

std::set<geo::TileId> requested(const std::vector<HttpRequest>& reqs, const Map& t) {
    std::set<geo::TileId> out;
    for (const auto& r : reqs) out.insert(t.tile_of(r));
    return out;
}

void check_split(Map& t, const std::vector<Effect>& effects, size_t held = 50) {
    const MapTile& tile = t.m.map.tiles.at(kTile);
    CHECK(tile.complete);
    CHECK(tile.truncated);  // its own reading was cut short ...
    const auto reqs = tile_reqs(effects);
    CHECK(requested(reqs, t) == children_of(kTile));  // ... so its four children are read instead
    for (const auto& r : reqs) CHECK(header(r, "continuationToken").empty());
    CHECK_FALSE(map_truncated(t.m.map));  // not the floor: nothing to zoom in for yet
    CHECK(t.m.map.locations.size() == held);  // the markers read so far stay meanwhile
}

}  // namespace

TEST_CASE("a token answered with the same page again: the tile is read as its four children") {
    Map t;
    const HttpRequest next = first_page_with_more(t, start(t));
    check_split(t, t.respond(next.id, 200, page(names("L", 50), "tok-1")));
    CHECK_FALSE(t.m.map.tokens_lead_on);
}

TEST_CASE("an empty page after hasMoreData: the tile is read as its four children") {
    Map t;
    const HttpRequest next = first_page_with_more(t, start(t));
    check_split(t, t.respond(next.id, 200, kEmptyLastPage));
    CHECK_FALSE(t.m.map.tokens_lead_on);
}

TEST_CASE("a refused next page (400): the tile is read as its four children") {
    Map t;
    const HttpRequest next = first_page_with_more(t, start(t));
    check_split(t, t.respond(next.id, 400,
                             R"({"validationMessages":[{"code":"INVALID_CONTINUATION_TOKEN","message":"x"}],)"
                             R"("message":"x","developerMessage":null})"));
    CHECK_FALSE(t.m.map.tokens_lead_on);
    CHECK_FALSE(t.m.map.server_error);
}

TEST_CASE("a page that repeats some locations, or a token given twice, ends the paging too") {
    SECTION("some locations again") {
        Map t;
        const HttpRequest next = first_page_with_more(t, start(t));
        auto mixed = names("L", 25, 100);
        mixed.push_back("L7");  // one seen on the first page
        // The new ones are kept, the repeated one held once.
        check_split(t, t.respond(next.id, 200, page(mixed, "tok-2")), 75);
        CHECK(t.m.map.tiles.at(kTile).ids.size() == 75);
    }
    SECTION("new locations but a token already followed") {
        Map t;
        HttpRequest next = first_page_with_more(t, start(t), "tok-1");
        auto reqs = tile_reqs(t.respond(next.id, 200, page(names("L", 50, 50), "tok-2")));
        REQUIRE(reqs.size() == 1);
        CHECK(header(reqs[0], "continuationToken") == "tok-2");
        reqs = tile_reqs(t.respond(reqs[0].id, 200, page(names("L", 50, 100), "tok-1")));
        const MapTile& tile = t.m.map.tiles.at(kTile);
        CHECK(tile.truncated);
        CHECK(tile.ids.size() == 150);
        CHECK(requested(reqs, t) == children_of(kTile));
        CHECK_FALSE(t.m.map.tokens_lead_on);
    }
}

TEST_CASE("a time-out or a rate limit on the next page is no refusal: the tile is asked again later") {
    Map t;
    const HttpRequest next = first_page_with_more(t, start(t));
    const auto reqs = tile_reqs(t.respond(next.id, 429, R"("Too many requests")"));
    CHECK(reqs.empty());
    CHECK(t.m.map.tiles.at(kTile).failed);
    CHECK_FALSE(t.m.map.tiles.at(kTile).truncated);
    CHECK(t.m.map.tokens_lead_on);
}

TEST_CASE("full paging: tokens that lead on are followed to the last page, without a split") {
    Map t;
    HttpRequest req = start(t);
    for (int p = 0; p < 5; ++p) {
        const auto reqs = tile_reqs(t.respond(req.id, 200, page(names("L", 50, 50 * p), "tok-" + std::to_string(p))));
        REQUIRE(reqs.size() == 1);
        CHECK(header(reqs[0], "continuationToken") == "tok-" + std::to_string(p));
        CHECK(t.tile_of(reqs[0]) == kTile);
        req = reqs[0];
    }
    CHECK(tile_reqs(t.respond(req.id, 200, page(names("L", 10, 250)))).empty());
    const MapTile& tile = t.m.map.tiles.at(kTile);
    CHECK(tile.complete);
    CHECK_FALSE(tile.truncated);
    CHECK(tile.pages == 6);
    CHECK(tile.ids.size() == 260);
    CHECK(t.m.map.tokens_lead_on);
    CHECK_FALSE(map_truncated(t.m.map));
    CHECK(t.m.map.pending.empty());
}

TEST_CASE("full paging: at the page cap the tile is split rather than read on") {
    Map t;
    HttpRequest req = start(t);
    std::vector<HttpRequest> reqs;
    for (int p = 0; p < 100; ++p) {  // the cap: 100 pages of 50
        reqs = tile_reqs(t.respond(req.id, 200, page(names("L", 50, 50 * p), "tok-" + std::to_string(p))));
        REQUIRE_FALSE(reqs.empty());
        if (t.tile_of(reqs[0]) != kTile) break;
        req = reqs[0];
    }
    const MapTile& tile = t.m.map.tiles.at(kTile);
    CHECK(tile.pages == 100);
    CHECK(tile.ids.size() == 5000);
    CHECK(tile.truncated);
    CHECK(requested(reqs, t) == children_of(kTile));
    CHECK(t.m.map.tokens_lead_on);  // the tokens did lead on: later tiles still follow theirs
    CHECK_FALSE(map_truncated(t.m.map));
}

TEST_CASE("once a token has led nowhere, a tile with more is split at once without sending its token") {
    Map t;
    const HttpRequest next = first_page_with_more(t, start(t));
    const auto children = tile_reqs(t.respond(next.id, 200, kEmptyLastPage));
    REQUIRE(children.size() == 4);
    const HttpRequest child = children[0];
    const geo::TileId c = t.tile_of(child);
    const auto reqs = tile_reqs(t.respond(child.id, 200, page(names("C", 50), "tok-c")));
    CHECK(t.m.map.tiles.at(c).pages == 1);
    CHECK(t.m.map.tiles.at(c).truncated);
    // The freed slot goes to the split child's own children (the other three children still load).
    REQUIRE(reqs.size() == 1);
    CHECK(header(reqs[0], "continuationToken").empty());
    CHECK(children_of(c).count(t.tile_of(reqs[0])) == 1);
}

TEST_CASE("split down to the floor: only a full floor tile asks the driver to zoom in") {
    // Every tile answers 50 locations of its own and "more"; no token ever leads on.
    auto run = [](bool floor_full) {
        Map t;
        HttpRequest first = start(t);
        std::set<geo::TileId> asked{kTile};
        std::vector<int> queue{first.id};
        int answered = 0;
        while (!queue.empty() && answered < 2000) {
            const int id = queue.back();
            queue.pop_back();
            const geo::TileId at = t.m.map.pending.at(id).tile;
            const std::string prefix = std::to_string(at.z) + "/" + std::to_string(at.x) + "/" + std::to_string(at.y) + "#";
            const bool more = at.z < 15 || floor_full;
            const auto reqs = tile_reqs(t.respond(id, 200, page(names(prefix, 50), more ? "tok-" + prefix : "")));
            ++answered;
            for (const auto& r : reqs) {
                asked.insert(t.tile_of(r));
                queue.insert(queue.begin(), r.id);
            }
        }
        REQUIRE(t.m.map.pending.empty());
        int deepest = 0;
        for (const auto& a : asked) deepest = std::max(deepest, a.z);
        CHECK(deepest == 15);  // data zoom 12 + 3: never deeper
        for (const auto& a : asked) CHECK(a.z >= 12);
        return std::make_pair(map_truncated(t.m.map), t.m.map.locations.size());
    };
    const auto [truncated_when_full, held_full] = run(true);
    CHECK(truncated_when_full);
    const auto [truncated_when_read, held_read] = run(false);
    CHECK_FALSE(truncated_when_read);
    CHECK(held_read == held_full);  // the same tiles were read either way
}

TEST_CASE("locations are held once across a tile, its children and their pages") {
    Map t;
    const HttpRequest next = first_page_with_more(t, start(t));
    const auto children = tile_reqs(t.respond(next.id, 200, page(names("L", 50), "tok-1")));
    REQUIRE(children.size() == 4);
    const geo::TileId first_tile = t.tile_of(children[0]);
    // Each child holds part of the parent's first page, some new places, and one place that
    // another child names too (a place on the line between them); one child lists a place twice.
    int k = 0;
    for (const auto& c : children) {
        auto ids = names("L", 12, 12 * k);  // L0..L47 between them
        auto fresh = names("N" + std::to_string(k) + "-", 5);
        ids.insert(ids.end(), fresh.begin(), fresh.end());
        ids.push_back("EDGE");
        if (k == 0) ids.push_back("L0");
        t.respond(c.id, 200, page(ids));
        ++k;
    }
    // 50 from the parent, 4 x 5 new ones and EDGE: 71 places, each once.
    CHECK(t.m.map.locations.size() == 71);
    CHECK(t.m.map.location_index.size() == 71);
    std::set<std::string> distinct;
    for (const auto& l : t.m.map.locations) distinct.insert(l.summary.id);
    CHECK(distinct.size() == 71);
    for (const auto& [id, index] : t.m.map.location_index) CHECK(t.m.map.locations[index].summary.id == id);
    const MapTile& first_child = t.m.map.tiles.at(first_tile);
    CHECK(first_child.ids.size() == 18);  // 12 + 5 + EDGE; L0 listed twice is held once
    CHECK_FALSE(map_truncated(t.m.map));
}

TEST_CASE("the tiles that cover a view: a split tile's children that meet it, down to the floor") {
    MapState map;
    const geo::TileId d{10, 525, 336};
    const geo::Box whole = geo::tile_box(d);
    auto mark_split = [&](geo::TileId t) {
        map.tiles[t].complete = true;
        map.tiles[t].truncated = true;
    };
    CHECK(planner::reading_tiles(map, {d}, whole) == std::vector<geo::TileId>{d});
    mark_split(d);
    auto tiles = planner::reading_tiles(map, {d}, whole);
    CHECK(std::set<geo::TileId>(tiles.begin(), tiles.end()) == children_of(d));
    // One child split again: its four children stand in for it.
    const geo::TileId c{11, 1050, 672};
    mark_split(c);
    std::vector<geo::TileId> split;
    tiles = planner::reading_tiles(map, {d}, whole, &split);
    std::set<geo::TileId> expected = children_of(d);
    expected.erase(c);
    for (const auto& g : children_of(c)) expected.insert(g);
    CHECK(std::set<geo::TileId>(tiles.begin(), tiles.end()) == expected);
    CHECK(tiles.size() == 7);
    CHECK(std::set<geo::TileId>(split.begin(), split.end()) == std::set<geo::TileId>{d, c});
    // A view of only the north-west quarter: the other children are not read.
    const geo::Box nw = geo::tile_box({11, 1050, 672});
    const geo::Box inner{nw.south + 0.01, nw.west + 0.01, nw.north - 0.01, nw.east - 0.01};
    tiles = planner::reading_tiles(map, {d}, inner);
    CHECK(std::set<geo::TileId>(tiles.begin(), tiles.end()) == children_of(c));
    // The floor (10 + 3 = 13): a truncated zoom-13 tile is read as it is, and says "zoom in".
    const geo::TileId floor_tile{13, 4200, 2688};
    mark_split({12, 2100, 1344});
    mark_split(floor_tile);
    tiles = planner::reading_tiles(map, {d}, geo::tile_box(floor_tile));
    CHECK(std::count(tiles.begin(), tiles.end(), floor_tile) == 1);
    for (const auto& t : tiles) CHECK(t.z <= 13);
}
