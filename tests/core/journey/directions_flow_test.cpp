// Directions: a tap hands the charger's coordinates and name to the phone's maps app, picked by
// the device the browser says it is; a kiosk offers none.
#include <catch2/catch.hpp>

#include <cstdio>

#include "core/journey/journey.hpp"
#include "journey_harness.hpp"

using namespace core;
using namespace test;

namespace {

std::vector<std::string> links(const std::vector<Effect>& effects) {
    std::vector<std::string> out;
    for (const auto& e : effects)
        if (const auto* l = std::get_if<OpenLink>(&e)) out.push_back(l->url);
    return out;
}

void boot_as(Journey& j, std::string user_agent) {
    Boot b{{{kKeyAppToken, "app-" + kHex}}, kHex};
    b.user_agent = std::move(user_agent);
    j.send(b);
}

}  // namespace

TEST_CASE("directions to a loaded location open the platform's maps app") {
    Journey j;
    boot_as(j, "Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/120 Mobile");
    CHECK(links(j.intent(intent::OpenDirections{kLocationId})).empty());  // nothing known of it yet
    j.intent(intent::OpenLocation{kLocationId});
    j.answer("GET", "/api/locations/", 200, seed::kSeedLocation);
    CHECK(links(j.intent(intent::OpenDirections{kLocationId})) ==
          std::vector<std::string>{"geo:52.377070,5.216470?q=52.377070,5.216470(Marga)"});
    CHECK(links(j.intent(intent::OpenDirections{"nl-gfx-unknown"})).empty());
}

TEST_CASE("directions from the map's list use the summary, a deployment's web map or none at all") {
    Journey j;
    j.m.directions.web_template = "https://maps.example/route?to={lat},{lng}&n={name}";
    boot_as(j, "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120");
    j.answer("PUT", "/api/token/", 200, "{}");
    j.answer("GET", "/api/locations/boundingbox", 200, seed::kSeedBoundingBox);
    REQUIRE_FALSE(j.m.map.locations.empty());
    const LocationSummary& l = j.m.map.locations.front().summary;
    const auto opened = links(j.intent(intent::OpenDirections{l.id}));
    REQUIRE(opened.size() == 1);
    char to[64];
    std::snprintf(to, sizeof to, "%.6f,%.6f", l.lat, l.lng);
    CHECK(opened[0].rfind("https://maps.example/route?to=" + std::string(to) + "&n=", 0) == 0);
    j.m.directions.offered = false;  // a kiosk
    CHECK(links(j.intent(intent::OpenDirections{l.id})).empty());
}
