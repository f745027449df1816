// Facilities and opening hours: decoded from LocationModel (the walkthrough's example first),
// unknown values kept and shown as given, malformed ones skipped without failing the location.
#include <catch2/catch.hpp>

#include <string>

#include "core/api/codec.hpp"
#include "core/api/location_facts.hpp"
#include "seed_bodies.hpp"

using namespace core;

namespace {

Decoded<Location> location_with(const std::string& extra) {
    return decode_location(R"({"id":"L1","name":"Here","evses":[])" + extra + "}");
}

}  // namespace

TEST_CASE("facilities: the walkthrough's location is at a shopping centre") {
    const auto d = decode_location(seed::kSeedLocation);
    REQUIRE(d.ok());
    REQUIRE(d.value->facilities.size() == 1);
    CHECK(d.value->facilities[0].kind == Facility::Mall);
    CHECK(d.value->facilities[0].raw == "MALL");
    CHECK(facilities_line(d.value->facilities) == "At this place: Shopping centre");
}

TEST_CASE("facilities: every value of the API's enum has words of its own") {
    const char* all[] = {"HOTEL", "RESTAURANT", "CAFE", "MALL", "SUPERMARKET", "SPORT", "RECREATION_AREA",
                         "NATURE", "MUSEUM", "BUS_STOP", "TAXI_STAND", "TRAIN_STATION", "AIRPORT",
                         "CARPOOL_PARKING", "FUEL_STATION", "WIFI", "BIKE_SHARING", "METRO_STATION",
                         "PARKING_LOT", "TRAM_STOP"};
    for (const char* value : all) {
        INFO(value);
        const FacilityValue f{facility_from_wire(value), value};
        CHECK(f.kind != Facility::Unknown);
        const std::string line = facilities_line({f});
        CHECK(line.rfind("At this place: ", 0) == 0);
        CHECK(line.find(value) == std::string::npos);  // words, not the wire value
    }
    CHECK(facilities_line({{Facility::Hotel, "HOTEL"}, {Facility::Restaurant, "RESTAURANT"}, {Facility::Cafe, "CAFE"}}) ==
          "At this place: Hotel, Restaurant, Café");
}

TEST_CASE("facilities: an unknown value is kept and shown as given, repeats once") {
    const auto d = location_with(R"(,"facilities":["ROOFTOP_BAR","HOTEL","HOTEL","ROOFTOP_BAR"])");
    REQUIRE(d.ok());
    REQUIRE(d.value->facilities.size() == 4);
    CHECK(d.value->facilities[0].kind == Facility::Unknown);
    CHECK(d.value->facilities[0].raw == "ROOFTOP_BAR");
    CHECK(facilities_line(d.value->facilities) == "At this place: ROOFTOP_BAR, Hotel");
}

TEST_CASE("facilities: malformed values are skipped and reported, the location still opens") {
    const auto wrong_items = location_with(R"(,"facilities":[1,null,{"x":1},["MALL"],"","CAFE"])");
    REQUIRE(wrong_items.ok());
    REQUIRE(wrong_items.value->facilities.size() == 1);
    CHECK(wrong_items.value->facilities[0].kind == Facility::Cafe);
    CHECK_FALSE(wrong_items.problems.empty());

    const auto not_a_list = location_with(R"(,"facilities":"MALL")");
    REQUIRE(not_a_list.ok());
    CHECK(not_a_list.value->facilities.empty());
    CHECK(facilities_line(not_a_list.value->facilities).empty());

    const auto null_list = location_with(R"(,"facilities":null)");
    REQUIRE(null_list.ok());
    CHECK(null_list.value->facilities.empty());

    // A hostile answer cannot flood the sheet: long values and endless lists are bounded.
    std::string many = R"(,"facilities":[")" + std::string(500, 'X') + "\"";
    for (int i = 0; i < 1000; ++i) many += R"(,"WIFI")";
    const auto flood = location_with(many + "]");
    REQUIRE(flood.ok());
    CHECK(flood.value->facilities.size() == 30);
    CHECK(flood.value->facilities[0].kind == Facility::Wifi);
    CHECK(facilities_line(flood.value->facilities) == "At this place: Wi-Fi");
}

TEST_CASE("opening hours: around the clock, regular periods, nonsense ignored") {
    const auto always = location_with(R"(,"openingHours":{"twentyfourseven":true})");
    REQUIRE(always.ok());
    REQUIRE(always.value->opening_hours.has_value());
    CHECK(opening_hours_line(*always.value->opening_hours) == "Open 24/7");

    const auto regular = location_with(
        R"(,"openingHours":{"twentyfourseven":false,"regularHours":[)"
        R"({"weekday":1,"periods":[{"periodBegin":"08:00","periodEnd":"20:00"}]},)"
        R"({"weekday":9,"periods":[{"periodBegin":"08:00","periodEnd":"20:00"}]},)"
        R"({"weekday":7,"periods":[{"periodBegin":"10:00"},{"periodBegin":"10:00","periodEnd":"16:00"}]},)"
        R"("Monday"]})");
    REQUIRE(regular.ok());
    CHECK(opening_hours_line(*regular.value->opening_hours) == "Open: Mon 08:00\u201320:00, Sun 10:00\u201316:00");

    const auto silent = location_with(R"(,"openingHours":{})");
    REQUIRE(silent.ok());
    CHECK(opening_hours_line(*silent.value->opening_hours).empty());

    const auto wrong = location_with(R"(,"openingHours":"24/7")");
    REQUIRE(wrong.ok());
    CHECK_FALSE(wrong.value->opening_hours.has_value());
}
