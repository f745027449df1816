// Which band serves a zoom, where a cell lives, and which places a zoom labels.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/basemap/basemap.hpp"

using namespace core::basemap;

TEST_CASE("basemap: band zooms") {
    CHECK(band_zoom(2) == 4);
    CHECK(band_zoom(6.99) == 4);
    CHECK(band_zoom(7) == 7);
    CHECK(band_zoom(9.99) == 7);
    CHECK(band_zoom(10) == 10);
    CHECK(band_zoom(10.5) == 10);
    CHECK(band_zoom(19) == 10);
    CHECK(band_zoom(std::nan("")) == 4);
    CHECK(cell_path(10, 526, 336) == "basemap/10/526/336.bin");
}

TEST_CASE("basemap: places by zoom") {
    CHECK(place_shown(3'400'000, 4));
    CHECK_FALSE(place_shown(740'000, 4));
    CHECK(place_shown(740'000, 5.5));
    CHECK_FALSE(place_shown(150'000, 6.5));
    CHECK(place_shown(150'000, 7.2));
    CHECK_FALSE(place_shown(15'000, 9.5));  // band 7's files hold 15k and more; 20k is asked
    CHECK(place_shown(22'000, 9.5));
    CHECK_FALSE(place_shown(1'500, 11.9));
    CHECK(place_shown(1'000, 12));
    CHECK(place_shown(0, 19));
    // Never fewer places as the zoom grows.
    for (std::uint32_t pop : {1'000u, 7'000u, 60'000u, 300'000u, 2'000'000u}) {
        bool before = false;
        for (double z = 2; z <= 19; z += 0.25) {
            const bool now = place_shown(pop, z);
            CHECK((now || !before));
            before = now;
        }
    }
}
