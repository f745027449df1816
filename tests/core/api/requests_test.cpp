// The requests the journey sends: paths, encoding and bodies.
#include <catch2/catch.hpp>

#include "core/api/requests.hpp"
#include "core/api/json_read.hpp"
#include "seed_bodies.hpp"

using namespace core;

TEST_CASE("url encoding keeps only unreserved characters") {
    CHECK(url_encode("nl-gfx-a2f2ce5a_1.2~") == "nl-gfx-a2f2ce5a_1.2~");
    CHECK(url_encode("a b/c?d&e=f#g%") == "a%20b%2Fc%3Fd%26e%3Df%23g%25");
    CHECK(url_encode("DE*AB7*E840") == "DE%2AAB7%2AE840");
    CHECK(url_encode("ä") == "%C3%A4");
    CHECK(url_encode("") == "");
}

TEST_CASE("every endpoint has its method, path and body") {
    const std::string t = "tok en";
    auto r = register_token_request(t);
    CHECK(r.method == "PUT");
    CHECK(r.path == "/api/token/tok%20en");
    CHECK(r.body.empty());

    r = wallet_request(t);
    CHECK(r.method == "GET");
    CHECK(r.path == "/api/payment/tok%20en/wallet");

    r = add_charge_card_request(t, "770674109963002836");
    CHECK(r.method == "PUT");
    CHECK(r.path == "/api/payment/tok%20en/chargecard");
    CHECK(Json::parse(r.body) == Json::parse(seed::kSeedChargeCardRequest));

    r = locations_request(BoundingBox{52.362815, 4.9188916, 53.362815, 5.9188916});
    CHECK(r.path ==
          "/api/locations/boundingbox?bottomLeftLat=52.362815&bottomLeftLng=4.918892&topRightLat=53.362815&topRightLng=5.918892");
    CHECK(locations_request(BoundingBox{-33.9, -70.5, -33.1, -70.1}).path.find("bottomLeftLat=-33.900000") !=
          std::string::npos);

    r = location_request("nl-gfx-a2f2ce5a-8721-4077-9739-6d1a6dce20e0");
    CHECK(r.path == "/api/locations/nl-gfx-a2f2ce5a-8721-4077-9739-6d1a6dce20e0");

    r = tariff_request(t, "loc/1", "NL-GFX-E1", "1&2");
    CHECK(r.path == "/api/tariff/tok%20en/evse/loc%2F1/NL-GFX-E1?connectorId=1%262");

    r = start_request(t, "nl-gfx-3889ee184-33fd-464f-a18c-e96r5479b7b3", "NL-GFX-ECentralTrain-Station-1", "1",
                      "6e6a4130-bdb6-4375-ae3d-19edcd2849fc");
    CHECK(r.method == "POST");
    CHECK(r.path == "/api/session/start?appToken=tok%20en");
    CHECK(Json::parse(r.body) == Json::parse(seed::kSeedStartRequest));

    r = status_request(t, "38ac4790-c7e0-4b55-95a9-a7fe590081fc");
    CHECK(r.method == "GET");
    CHECK(r.path == "/api/session/status?appToken=tok%20en&chargeSessionId=38ac4790-c7e0-4b55-95a9-a7fe590081fc");

    r = stop_request(t, "s\"1");
    CHECK(r.method == "POST");
    CHECK(r.path == "/api/session/stop?appToken=tok%20en");
    CHECK(Json::parse(r.body) == Json{{"chargeSessionId", "s\"1"}});
    CHECK(r.timeout_ms == 15000);
}

TEST_CASE("bodies stay valid JSON even with invalid UTF-8 in ids") {
    const auto r = stop_request("t", std::string("bad\xff\xfe", 5));
    const Json j = Json::parse(r.body, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    CHECK(j["chargeSessionId"].is_string());
}
