// Directions links for each platform, and the device read from the user agent.
#include <catch2/catch.hpp>

#include "core/map/map.hpp"

using namespace core;

TEST_CASE("directions hand the charger's coordinates and name to the platform's maps app") {
    const geo::LatLng marga{52.3702, 5.2187};
    CHECK(directions_link(DeviceKind::Android, marga, "Marga & Co") ==
          "geo:52.370200,5.218700?q=52.370200,5.218700(Marga%20%26%20Co)");
    CHECK(directions_link(DeviceKind::Apple, marga, "Marga") == "https://maps.apple.com/?daddr=52.370200,5.218700&q=Marga");
    CHECK(directions_link(DeviceKind::Other, marga, "Marga") ==
          "https://www.google.com/maps/dir/?api=1&destination=52.370200,5.218700");
    CHECK(directions_link(DeviceKind::Other, {50.85, 4.35}, "Grand-Place Süd",
                          "https://www.openstreetmap.org/directions?route=%3B{lat}%2C{lng}#{name}") ==
          "https://www.openstreetmap.org/directions?route=%3B50.850000%2C4.350000#Grand-Place%20S%C3%BCd");
    // No name: no empty label; a name cannot break out of the link.
    CHECK(directions_link(DeviceKind::Android, {-33.5, -70.25}, "") == "geo:-33.500000,-70.250000?q=-33.500000,-70.250000");
    CHECK(directions_link(DeviceKind::Apple, marga, "a&daddr=0,0#x") ==
          "https://maps.apple.com/?daddr=52.370200,5.218700&q=a%26daddr%3D0%2C0%23x");
}

TEST_CASE("the device comes from the user agent") {
    CHECK(device_from_user_agent("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120 Mobile") ==
          DeviceKind::Android);
    CHECK(device_from_user_agent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15") ==
          DeviceKind::Apple);
    CHECK(device_from_user_agent("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15") == DeviceKind::Apple);
    CHECK(device_from_user_agent("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120") == DeviceKind::Other);
    CHECK(device_from_user_agent("") == DeviceKind::Other);
}
