// Distances are the driver's: from the phone's position when it is known, never from the map's
// middle (which would read "Marga · 0 m" to a driver 10 km away); the list is still ordered from
// the middle until then.
#include <catch2/catch.hpp>

#include "core/map/map.hpp"

using namespace core;

TEST_CASE("distances come from the driver's position, and only from it") {
    MapState map;
    map.camera.centre = {52.3702, 5.2187};  // over Marga
    const geo::LatLng marga{52.3702, 5.2187};
    CHECK_FALSE(distance_from_driver(map, marga).has_value());
    CHECK(list_origin(map).lat == map.camera.centre.lat);
    CHECK(list_origin(map).lng == map.camera.centre.lng);

    map.me = geo::LatLng{52.3702, 5.0717};  // 10 km west
    const auto d = distance_from_driver(map, marga);
    REQUIRE(d.has_value());
    CHECK(*d == Approx(10000).margin(150));
    CHECK(list_origin(map).lng == 5.0717);
}
