// Stop asks once ("Stop charging at …?") before anything is sent; the answer, not the question,
// stops. The charging screen can be left for the map and the session keeps running.
#include <catch2/catch.hpp>

#include "journey_harness.hpp"

using namespace core;
using namespace test;

namespace {

size_t stop_requests(const Journey& j) {
    size_t n = 0;
    for (const auto& r : j.sent)
        if (r.method == "POST" && starts_with(r.path, "/api/session/stop")) ++n;
    return n;
}

}  // namespace

TEST_CASE("the first Stop tap asks, the second stops") {
    Journey j;
    j.charging();
    j.answer("GET", "/api/session/", 200, seed::kSeedStatusCharging);
    REQUIRE(j.session() != nullptr);
    j.intent(intent::AskStop{});
    CHECK(j.m.stop_asked == kSessionId);
    CHECK(stop_requests(j) == 0);
    j.intent(intent::StopCharging{});
    CHECK(j.m.stop_asked.empty());
    CHECK(stop_requests(j) == 1);
    CHECK(j.session()->stop_requested);
}

TEST_CASE("keep charging takes the question back and sends nothing") {
    Journey j;
    j.charging();
    j.answer("GET", "/api/session/", 200, seed::kSeedStatusCharging);
    j.intent(intent::AskStop{});
    j.intent(intent::KeepCharging{});
    CHECK(j.m.stop_asked.empty());
    CHECK(stop_requests(j) == 0);
    CHECK_FALSE(j.session()->stop_requested);
}

TEST_CASE("offline, the confirmed stop is still taken and sent once the network is back") {
    Journey j;
    j.charging();
    j.answer("GET", "/api/session/", 200, seed::kSeedStatusCharging);
    j.send(Connectivity{false});
    j.intent(intent::AskStop{});
    j.intent(intent::StopCharging{});
    REQUIRE(j.session() != nullptr);
    CHECK(j.session()->stop_requested);
    CHECK(stop_requests(j) == 0);  // nothing goes out offline
    j.send(Connectivity{true});
    CHECK(stop_requests(j) == 1);
}

TEST_CASE("Back from the charging screen leads to the map and the session keeps running") {
    Journey j;
    j.charging();
    j.answer("GET", "/api/session/", 200, seed::kSeedStatusCharging);
    j.intent(intent::Back{});
    CHECK(j.m.screen == Screen::Map);
    REQUIRE(j.session() != nullptr);
    j.intent(intent::ShowSession{kSessionId});
    CHECK(j.m.screen == Screen::Session);
}

TEST_CASE("the session keeps the place and charger names the driver chose, across a reload") {
    Journey j;
    j.charging();
    REQUIRE(j.session() != nullptr);
    CHECK(j.session()->place_name == "Marga");
    CHECK(j.session()->charger_name == "Chargestation-1");
    const auto stored = decode_active_sessions(encode_active_sessions(j.m.sessions));
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].place_name == "Marga");
    CHECK(stored[0].charger_name == "Chargestation-1");
}
