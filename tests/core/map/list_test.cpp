// The list under the map: every charger in view (no cap), nearest first, narrowed by words; the
// cache agrees with a plain full sort while sorting only as far as it is read.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "core/map/list.hpp"

using namespace core;

namespace {

void put(MapState& map, const std::string& id, const std::string& name, double lat, double lng) {
    LocationSummary s;
    s.id = id;
    s.name = name;
    s.city = "Almere";
    s.lat = lat;
    s.lng = lng;
    map.location_index[id] = map.locations.size();
    map.locations.push_back({s, geo::project({lat, lng})});
}

const geo::Box kBox{51.9, 4.9, 53.0, 5.1};

}  // namespace

TEST_CASE("the list: every charger in view, nearest first, filtered by words") {
    MapState map;
    // 1,000 chargers on a line northwards, stored in scrambled order, and one outside the view.
    for (int i = 0; i < 1000; ++i) {
        const int k = (i * 389) % 1000;
        put(map, "L" + std::to_string(k), k == 777 ? "Marga" : "Charger " + std::to_string(k), 52.0 + k * 0.0005, 5.0);
    }
    put(map, "outside", "Outside", 40.0, 5.0);
    const auto rows = nearest_in_view(map, kBox, {52.0, 5.0}, "");
    REQUIRE(rows.size() == 1000);  // no cap
    for (size_t i = 0; i < rows.size(); ++i) {
        INFO(i);
        CHECK(map.locations[rows[i].index].summary.id == "L" + std::to_string(i));
    }
    CHECK(rows[500].distance_m == Approx(500 * 0.0005 * 111195).epsilon(0.01));

    const auto marga = nearest_in_view(map, kBox, {52.0, 5.0}, lower_ascii("MARGA"));
    REQUIRE(marga.size() == 1);
    CHECK(map.locations[marga[0].index].summary.id == "L777");
    CHECK(nearest_in_view(map, kBox, {52.0, 5.0}, "almere").size() == 1000);  // the city matches too
    CHECK(nearest_in_view(map, kBox, {52.0, 5.0}, "nowhere").empty());
}

TEST_CASE("the list cache: the same order as a full sort, read in any order, rebuilt only on change") {
    MapState map;
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> lat(51.95, 52.95), lng(4.91, 5.09);
    for (int i = 0; i < 5000; ++i) put(map, "L" + std::to_string(i), "C" + std::to_string(i), lat(rng), lng(rng));
    const geo::LatLng from{52.4, 5.0};
    const auto expected = nearest_in_view(map, kBox, from, "");

    MapListCache cache;
    REQUIRE(cache.update(map, kBox, from, "") == expected.size());
    // A jump far down first (a scrolled list), then the top: both agree with the full sort.
    for (size_t i : {size_t{4000}, size_t{0}, size_t{1}, size_t{63}, size_t{64}, size_t{2500}, expected.size() - 1}) {
        INFO(i);
        CHECK(cache.at(i).index == expected[i].index);
        CHECK(cache.at(i).distance_m == Approx(expected[i].distance_m));
    }
    // Every row in order; two places the same distance away (to float precision) may swap.
    for (size_t i = 0; i < expected.size(); ++i)
        if (cache.at(i).index != expected[i].index && std::abs(cache.at(i).distance_m - expected[i].distance_m) > 0.01)
            FAIL("row " << i << " out of order: " << cache.at(i).distance_m << " m, expected " << expected[i].distance_m);

    cache.update(map, kBox, from, "");
    CHECK(cache.rebuilds() == 1);  // a frame with nothing changed does nothing
    ++map.data_version;            // an availability refresh, new areas
    cache.update(map, kBox, from, "");
    CHECK(cache.rebuilds() == 2);
    const geo::LatLng moved{52.8, 4.95};  // the driver moved: another order
    const auto expected_moved = nearest_in_view(map, kBox, moved, "");
    cache.update(map, kBox, moved, "");
    CHECK(cache.rebuilds() == 3);
    CHECK(cache.at(0).index == expected_moved[0].index);
    CHECK(cache.at(100).index == expected_moved[100].index);
    // Words narrow it.
    REQUIRE(cache.update(map, kBox, moved, "c4999") == 1);
    CHECK(map.locations[cache.at(0).index].summary.id == "L4999");
}
