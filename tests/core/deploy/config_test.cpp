// /config.json as the app reads it: each mode, defaults, and answers that must not start the wrong app.
#include <catch2/catch.hpp>

#include "core/deploy/config.hpp"

using namespace core;

TEST_CASE("a portal configuration is read with its branding, chargers and area", "[config]") {
    const auto d = decode_deploy_config(R"({
        "mode": "portal",
        "branding": {"displayName": "Hotel Dijkzicht", "primaryColorHex": "#1D4E89", "supportPhone": "+31 299 123 456"},
        "api": {"mode": "simulator"},
        "locations": {"ids": ["nl-htl-1"], "area": {"bottomLeftLat": 52.48, "bottomLeftLng": 5.05,
                                                    "topRightLat": 52.51, "topRightLng": 5.09}},
        "languages": ["en"], "portal": {"timeZone": "Europe/Amsterdam"}, "futureField": 1})");
    REQUIRE(d.ok());
    const DeployConfig& c = *d.value;
    CHECK(c.mode == AppMode::Portal);
    CHECK(c.branding.display_name == "Hotel Dijkzicht");
    CHECK(c.branding.support_phone == "+31 299 123 456");
    CHECK(c.location_ids == std::vector<std::string>{"nl-htl-1"});
    REQUIRE(c.area);
    CHECK(c.area->top_right_lng == Approx(5.09));
    CHECK(c.portal_time_zone == "Europe/Amsterdam");
}

TEST_CASE("an empty configuration is the driver app with its defaults", "[config]") {
    const auto d = decode_deploy_config("{}");
    REQUIRE(d.ok());
    CHECK(d.value->mode == AppMode::Driver);
    CHECK(d.value->location_ids.empty());
    CHECK_FALSE(d.value->area);
    CHECK(d.value->languages == std::vector<std::string>{"en", "nl", "de", "fr"});
}

TEST_CASE("kiosk settings are read, out-of-range numbers fall back to the defaults", "[config]") {
    auto d = decode_deploy_config(R"({"mode":"kiosk","kiosk":{"idleSeconds":20,"countdownSeconds":5,
        "demoCard":"DEMO123456","locationId":"loc-1"}})");
    REQUIRE(d.ok());
    CHECK(d.value->kiosk.idle_seconds == 20);
    CHECK(d.value->kiosk.countdown_seconds == 5);
    CHECK(d.value->kiosk.demo_card == "DEMO123456");
    d = decode_deploy_config(R"({"mode":"kiosk","kiosk":{"idleSeconds":-4,"countdownSeconds":"x","locationId":"l"}})");
    REQUIRE(d.ok());
    CHECK(d.value->kiosk.idle_seconds == 60);
    CHECK(d.value->kiosk.countdown_seconds == 10);
    CHECK_FALSE(d.problems.empty());
}

TEST_CASE("answers that would start the wrong app are refused", "[config]") {
    CHECK_FALSE(decode_deploy_config("").ok());
    CHECK_FALSE(decode_deploy_config("<html>").ok());
    CHECK_FALSE(decode_deploy_config("[1,2]").ok());
    const auto unknown = decode_deploy_config(R"({"mode":"casino"})");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().find("config.mode") != std::string::npos);
    CHECK_FALSE(decode_deploy_config(R"({"mode":"kiosk"})").ok());
    CHECK_FALSE(decode_deploy_config(R"({"mode":"portal","locations":{"ids":[]}})").ok());
}

TEST_CASE("a bad colour or area is dropped with a problem, the rest is kept", "[config]") {
    const auto d = decode_deploy_config(R"({"branding":{"displayName":"X","primaryColorHex":"red"},
        "locations":{"area":{"bottomLeftLat":53,"bottomLeftLng":5,"topRightLat":52,"topRightLng":6}}})");
    REQUIRE(d.ok());
    CHECK(d.value->branding.display_name == "X");
    CHECK(d.value->branding.primary_color_hex.empty());
    CHECK_FALSE(d.value->area);
    CHECK(d.problems.size() == 2);
}

TEST_CASE("hex colours", "[config]") {
    CHECK(parse_hex_colour("#1D4E89") == 0x1D4E89u);
    CHECK(parse_hex_colour("#333") == 0x333333u);
    CHECK(parse_hex_colour("#fff") == 0xFFFFFFu);
    CHECK_FALSE(parse_hex_colour("1D4E89"));
    CHECK_FALSE(parse_hex_colour("#1D4E8"));
    CHECK_FALSE(parse_hex_colour("#GGGGGG"));
}
