// Raster tile bookkeeping: ancestor crops (UV maths), fetch order and cap, aborts of tiles out of
// view, failure retries, texture eviction and the fallback lookup.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/map/tile_set.hpp"

using namespace core::tiles;
using core::geo::TileId;

namespace {

// A tile's square on the Mercator world [0, 1)².
struct Square {
    double x0, y0, x1, y1;
};
Square square(TileId t) {
    const double n = std::exp2(t.z);
    return {t.x / n, t.y / n, (t.x + 1) / n, (t.y + 1) / n};
}

std::vector<TileId> row(int z, int y, int x0, int count) {
    std::vector<TileId> out;
    for (int i = 0; i < count; ++i) out.push_back({z, x0 + i, y});
    return out;
}

}  // namespace

TEST_CASE("tiles: an ancestor's crop covers exactly the child's square") {
    const TileId child{13, 4209, 2692};
    const Crop up1 = ancestor_crop(child, 1);
    CHECK(up1.tile == TileId{12, 2104, 1346});
    CHECK(up1.u0 == 0.5);  // odd x: the right half
    CHECK(up1.u1 == 1.0);
    CHECK(up1.v0 == 0.0);  // even y: the top half
    CHECK(up1.v1 == 0.5);
    const Crop up2 = ancestor_crop(child, 2);
    CHECK(up2.tile == TileId{11, 1052, 673});
    CHECK(up2.u0 == 0.25);
    CHECK(up2.v0 == 0.0);
    CHECK(up2.u1 - up2.u0 == 0.25);

    // Property: for many tiles and levels, the crop mapped onto the ancestor's square is the child's square.
    for (int z = 0; z <= 19; ++z) {
        for (int i = 0; i < 40; ++i) {
            const int n = 1 << z;
            const TileId t{z, (i * 7919 + z * 31) % n, (i * 104729 + z * 17) % n};
            for (int k = 0; k <= 6; ++k) {
                const Crop c = ancestor_crop(t, k);
                CHECK(c.tile.z == std::max(0, z - k));
                const Square a = square(c.tile), s = square(t);
                const double w = a.x1 - a.x0;
                CHECK(a.x0 + c.u0 * w == Approx(s.x0).margin(1e-12));
                CHECK(a.x0 + c.u1 * w == Approx(s.x1).margin(1e-12));
                CHECK(a.y0 + c.v0 * w == Approx(s.y0).margin(1e-12));
                CHECK(a.y0 + c.v1 * w == Approx(s.y1).margin(1e-12));
            }
        }
    }
    // Level 0 is the tile itself, whole.
    const Crop self = ancestor_crop(child, 0);
    CHECK(self.tile == child);
    CHECK((self.u0 == 0 && self.v0 == 0 && self.u1 == 1 && self.v1 == 1));
}

TEST_CASE("tiles: the four children tile their parent") {
    const TileId t{9, 263, 170};
    const auto kids = children(t);
    CHECK(kids[0] == TileId{10, 526, 340});
    CHECK(kids[3] == TileId{10, 527, 341});
    for (const TileId& k : kids) CHECK(ancestor_crop(k, 1).tile == t);
    CHECK(ancestor_crop(kids[1], 1).u0 == 0.5);
    CHECK(ancestor_crop(kids[2], 1).v0 == 0.5);
}

TEST_CASE("tiles: fetches start nearest first, at most max_in_flight at a time") {
    TileSet set;  // 8 in flight
    const auto wanted = row(12, 100, 10, 20);  // already nearest first
    Plan p = set.plan(wanted, 0);
    REQUIRE(p.start.size() == 8);
    CHECK(std::equal(p.start.begin(), p.start.end(), wanted.begin()));
    CHECK(p.abort.empty());
    CHECK(set.in_flight() == 8);

    // The same frame again asks for nothing new.
    CHECK(set.plan(wanted, 0.1).start.empty());

    // Three arrive: the next three in order start.
    CHECK(set.loaded(wanted[0], 101));
    CHECK(set.loaded(wanted[2], 102));
    set.failed(wanted[5], 0.2);
    p = set.plan(wanted, 0.3);
    CHECK(p.start == std::vector<TileId>{wanted[8], wanted[9], wanted[10]});
    CHECK(set.texture(wanted[0]) == 101);
    CHECK(set.texture(wanted[1]) == 0);  // still loading
    CHECK(set.in_flight() == 8);
}

TEST_CASE("tiles: a fetch no longer in view is aborted and forgotten") {
    TileSet set;
    const auto here = row(14, 50, 0, 4), there = row(14, 50, 40, 4);
    set.plan(here, 0);
    CHECK(set.loaded(here[0], 7));
    // A fast pan: the three still loading are aborted, the loaded one stays as a texture.
    const Plan p = set.plan(there, 0.1);
    CHECK(p.abort == std::vector<TileId>{here[1], here[2], here[3]});
    CHECK(p.start == there);
    CHECK_FALSE(set.loading(here[1]));
    CHECK(set.in_flight() == 4);
    // A late answer for an aborted tile is refused, so the platform frees its texture.
    CHECK_FALSE(set.loaded(here[1], 8));
    CHECK(set.texture(here[1]) == 0);
    set.failed(here[2], 0.2);  // ignored: nothing to retry
    CHECK(set.in_flight() == 4);
    // Back again: the aborted ones start afresh, the loaded one is not fetched twice.
    const Plan back = set.plan(here, 0.3);
    CHECK(back.start == std::vector<TileId>{here[1], here[2], here[3]});
    CHECK(back.abort == there);
    CHECK(set.texture(here[0]) == 7);
}

TEST_CASE("tiles: a failed tile waits before it is asked for again, unless the network comes back") {
    TileSet set(Limits{8, 160, 30, 4});
    const std::vector<TileId> one{{12, 5, 5}};
    set.plan(one, 0);
    set.failed(one[0], 1);
    for (double t : {1.1, 2.0, 15.0, 30.9}) CHECK(set.plan(one, t).start.empty());
    REQUIRE(set.next_retry().has_value());
    CHECK(*set.next_retry() == Approx(31));
    CHECK(set.plan(one, 31).start == one);  // its time has come
    CHECK_FALSE(set.next_retry().has_value());
    set.failed(one[0], 32);
    CHECK(set.plan(one, 33).start.empty());
    set.network_back();
    CHECK(set.plan(one, 34).start == one);  // online again: at once
    CHECK(set.loaded(one[0], 9));
    CHECK(set.texture(one[0]) == 9);

    // A failure out of view is not retried, and not woken for.
    const std::vector<TileId> other{{12, 9, 9}};
    set.plan(other, 40);
    set.failed(other[0], 41);
    set.plan(one, 42);
    CHECK_FALSE(set.next_retry().has_value());
}

TEST_CASE("tiles: textures beyond the cap go least recently used first, never one in view") {
    TileSet set(Limits{8, 4, 30, 4});
    const auto a = row(10, 1, 0, 3), b = row(10, 2, 0, 3);
    set.plan(a, 0);
    for (size_t i = 0; i < a.size(); ++i) set.loaded(a[i], 10 + static_cast<unsigned>(i));
    set.plan(b, 1);
    CHECK(set.texture(a[2]) == 12);  // drawn as a fallback this frame: recently used
    for (size_t i = 0; i < b.size(); ++i) set.loaded(b[i], 20 + static_cast<unsigned>(i));
    CHECK(set.textures() == 6);
    const Plan p = set.plan(b, 2);
    std::vector<unsigned> released = p.release;
    std::sort(released.begin(), released.end());
    CHECK(released == std::vector<unsigned>{10, 11});
    CHECK(set.textures() == 4);
    CHECK(set.texture(a[0]) == 0);
    CHECK(set.texture(a[2]) == 12);
    for (const TileId& t : b) CHECK(set.texture(t) != 0);

    // More in view than the cap: the ones in view all stay.
    TileSet small(Limits{8, 2, 30, 4});
    small.plan(a, 0);
    for (size_t i = 0; i < a.size(); ++i) small.loaded(a[i], 30 + static_cast<unsigned>(i));
    CHECK(small.plan(a, 1).release.empty());
}

TEST_CASE("tiles: a missing tile borrows its nearest loaded ancestor, up to fallback_levels") {
    TileSet set(Limits{8, 160, 30, 3});
    const TileId z10{10, 526, 340}, z11{11, 1053, 681};
    set.plan({z10, z11}, 0);
    set.loaded(z10, 1);
    const TileId child{12, 2107, 1362};  // under z11 (and so under z10)
    auto piece = set.ancestor(child);
    REQUIRE(piece.has_value());
    CHECK(piece->texture == 1);
    CHECK(piece->crop.tile == z10);
    CHECK(piece->crop.u0 == 0.75);
    CHECK(piece->crop.v0 == 0.5);
    set.loaded(z11, 2);
    piece = set.ancestor(child);
    REQUIRE(piece.has_value());
    CHECK(piece->crop.tile == z11);  // the nearer, sharper one
    CHECK(piece->texture == 2);
    CHECK(piece->crop.u0 == 0.5);
    CHECK(piece->crop.v0 == 0.0);
    // Four levels below z10 is beyond the limit of three.
    CHECK_FALSE(set.ancestor(TileId{14, 526 * 16, 340 * 16}).has_value());
    CHECK(set.ancestor(TileId{13, 526 * 8, 340 * 8}).has_value());
    // A tile elsewhere has no ancestor loaded.
    CHECK_FALSE(set.ancestor(TileId{12, 0, 0}).has_value());
}
