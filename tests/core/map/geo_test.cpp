// Web Mercator projection, camera moves, tile maths and the scale bar.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "core/map/geo.hpp"

using namespace core::geo;

TEST_CASE("projection: known points and round trips") {
    CHECK(project({0, 0}).x == Approx(0.5));
    CHECK(project({0, 0}).y == Approx(0.5));
    CHECK(project({0, -180}).x == Approx(0.0));
    CHECK(project({kMaxLat, 0}).y == Approx(0.0).margin(1e-9));
    CHECK(project({-kMaxLat, 0}).y == Approx(1.0));
    // Beyond the square's edge latitudes are clamped, not NaN.
    CHECK(std::isfinite(project({90, 0}).y));
    for (const LatLng p : {LatLng{52.3676, 4.9041}, LatLng{-33.9, 151.2}, LatLng{70.1, -150.3}}) {
        const LatLng back = unproject(project(p));
        CHECK(back.lat == Approx(p.lat).margin(1e-9));
        CHECK(back.lng == Approx(p.lng).margin(1e-9));
    }
}

TEST_CASE("tile maths matches the slippy-map scheme") {
    // Amsterdam Centraal at z13 is tile 4207/2691 (the standard slippy-map formula, worked by hand).
    const TileId t = tile_at({52.3791, 4.9003}, 13);
    CHECK(t.x == 4207);
    CHECK(t.y == 2691);
    const Box b = tile_box(t);
    CHECK(b.contains({52.3791, 4.9003}));
    CHECK(b.west == Approx(4207 / 8192.0 * 360 - 180));
    CHECK(b.north > b.south);
    // z0 is the whole world.
    const Box world = tile_box({0, 0, 0});
    CHECK(world.west == Approx(-180));
    CHECK(world.east == Approx(180));
    CHECK(world.north == Approx(kMaxLat));
}

TEST_CASE("screen and geography agree for a camera") {
    const Camera c{{52.37, 4.90}, 12, 400, 800};
    const ScreenPoint mid = to_screen(c, c.centre);
    CHECK(mid.x == Approx(200));
    CHECK(mid.y == Approx(400));
    const LatLng p = from_screen(c, {10, 20});
    const ScreenPoint back = to_screen(c, p);
    CHECK(back.x == Approx(10).margin(1e-6));
    CHECK(back.y == Approx(20).margin(1e-6));
    const Box v = visible_box(c);
    CHECK(v.contains(c.centre));
    CHECK(v.west < c.centre.lng);
    CHECK(v.north > c.centre.lat);
    // One zoom level doubles the size of everything.
    CHECK(world_px(13) == Approx(2 * world_px(12)));
}

TEST_CASE("pan follows the finger and zoom keeps the point under the fingers") {
    const Camera c{{52.37, 4.90}, 12, 400, 800};
    const LatLng under = from_screen(c, {100, 100});
    const Camera panned = pan_by(c, 50, -30);
    const ScreenPoint moved = to_screen(panned, under);
    CHECK(moved.x == Approx(150).margin(1e-6));
    CHECK(moved.y == Approx(70).margin(1e-6));

    const Camera zoomed = zoom_around(c, 13.5, {100, 100});
    CHECK(zoomed.zoom == Approx(13.5));
    const ScreenPoint still = to_screen(zoomed, under);
    CHECK(still.x == Approx(100).margin(1e-6));
    CHECK(still.y == Approx(100).margin(1e-6));
    // Zoom stays in range; latitude stays on the square; longitude wraps.
    CHECK(zoom_around(c, 40, {0, 0}).zoom == kMaxZoom);
    CHECK(zoom_around(c, -3, {0, 0}).zoom == kMinZoom);
    CHECK(normalized(Camera{{89, 190}, 5, 1, 1}).centre.lat == Approx(kMaxLat));
    CHECK(normalized(Camera{{0, 190}, 5, 1, 1}).centre.lng == Approx(-170));
}

TEST_CASE("fit frames a box") {
    const Box box{52.30, 4.90, 52.55, 5.30};
    const Camera c = fit(Camera{{0, 0}, 3, 400, 400}, box);
    const Box v = visible_box(c);
    // All of the box is in view, and it touches the view on its tighter side (here north-south:
    // 0.25 degrees of latitude are longer on a Mercator map at 52 N than 0.4 of longitude).
    CHECK(v.west <= box.west);
    CHECK(v.east >= box.east);
    CHECK(v.north == Approx(box.north).margin(1e-6));
    CHECK(v.south == Approx(box.south).margin(1e-6));
}

TEST_CASE("covering tiles: every point of the view, nearest first, across the antimeridian") {
    const Camera c{{52.37, 4.90}, 12.4, 412, 860};
    const auto tiles = covering_tiles(c, 12);
    std::set<TileId> set(tiles.begin(), tiles.end());
    CHECK(set.size() == tiles.size());
    for (double x : {0.0, 100.0, 411.0})
        for (double y : {0.0, 430.0, 859.0}) CHECK(set.count(tile_at(from_screen(c, {x, y}), 12)) == 1);
    CHECK(tiles.front() == tile_at(c.centre, 12));

    const Camera dateline{{0, 179.99}, 6, 800, 200};
    const auto wrapped = covering_tiles(dateline, 6);
    bool east = false, west = false;
    for (const auto& t : wrapped) {
        CHECK(t.x >= 0);
        CHECK(t.x < 64);
        east |= t.x == 63;
        west |= t.x == 0;
    }
    CHECK(east);
    CHECK(west);
    // A world smaller than the view never repeats a column.
    const auto whole = covering_tiles(Camera{{0, 0}, 2, 4000, 4000}, 1);
    CHECK(whole.size() == 4);
}

TEST_CASE("scale bar: a round length that fits") {
    const double mpp = metres_per_px(52.37, 12);
    CHECK(mpp == Approx(38.22 * std::cos(52.37 * 3.14159265358979 / 180) / std::cos(0.0)).epsilon(0.01));
    const ScaleBar bar = scale_bar(52.37, 12, 120);
    CHECK(bar.px <= 120);
    CHECK(bar.px > 120 / 2.5 - 1);  // 1-2-5 steps are never more than 2.5x apart
    const double lead = bar.metres / std::pow(10.0, std::floor(std::log10(bar.metres)));
    CHECK((lead == Approx(1) || lead == Approx(2) || lead == Approx(5)));
    CHECK(distance_m({52.0, 5.0}, {52.01, 5.0}) == Approx(1112).epsilon(0.01));
}
