// With no network: what the app says (offline_note), what it will not do (start), the stop that
// waits for the network and goes out once, and the new version that waits for a quiet moment.
#include <catch2/catch.hpp>

#include "journey_harness.hpp"

using namespace core;
using namespace test;

namespace {

bool applies_update(const std::vector<Effect>& effects) {
    for (const auto& e : effects)
        if (std::get_if<ApplyUpdate>(&e)) return true;
    return false;
}

}  // namespace

TEST_CASE("offline, the one line says what happens now: the map's last chargers, charging going on, the stop that waits") {
    Journey j;
    j.ready();
    CHECK(offline_note(j.m) == Str::None);
    j.send(Connectivity{false});
    CHECK(offline_note(j.m) == Str::OfflineIdle);

    Journey c;
    c.charging();
    c.answer("GET", "/api/session/status", 200, seed::kSeedStatusCharging);
    c.send(Connectivity{false});
    CHECK(offline_note(c.m) == Str::Offline);
    c.intent(intent::StopCharging{});
    CHECK(offline_note(c.m) == Str::OfflineStopQueued);
    c.send(Connectivity{true});
    CHECK(offline_note(c.m) == Str::None);
}

TEST_CASE("a stop tapped offline is not sent offline, and goes out exactly once when the phone is online") {
    Journey j;
    j.charging();
    j.answer("GET", "/api/session/status", 200, seed::kSeedStatusCharging);
    j.send(Connectivity{false});
    const auto before = count_sent(j, "POST", "/api/session/stop");
    CHECK(requests(j.intent(intent::StopCharging{})).empty());
    CHECK(is_stopping(j.m));
    CHECK_FALSE(j.m.message.has_value());  // no error: nothing failed, it waits
    j.now += Millis{300000};
    CHECK(requests(j.tick()).empty());
    j.send(Connectivity{true});
    CHECK(count_sent(j, "POST", "/api/session/stop") == before + 1);
    j.send(Connectivity{true});  // a second 'online' event sends nothing more
    j.tick();
    CHECK(count_sent(j, "POST", "/api/session/stop") == before + 1);
}

TEST_CASE("offline, Start is off and says why, and a start is never queued") {
    Journey j;
    j.at_price();
    REQUIRE(can_start(j.m));
    j.send(Connectivity{false});
    CHECK_FALSE(can_start(j.m));
    CHECK(start_blocker(j.m) == Str::StartOffline);
    CHECK(requests(j.intent(intent::StartCharging{})).empty());
    // Online again: nothing goes out by itself; the driver taps Start.
    for (const auto& r : requests(j.send(Connectivity{true}))) CHECK(r.path.find("/session/start") == std::string::npos);
    CHECK(can_start(j.m));
}

TEST_CASE("the page's offline state before the app has booted is kept") {
    Model m;
    update(m, Connectivity{false}, TimePoint{});
    CHECK_FALSE(m.online);
    update(m, Visibility{false}, TimePoint{});
    CHECK_FALSE(m.visible);
}

TEST_CASE("a new version waits while a session runs or a start is on its way, and is taken from the map after") {
    Journey j;
    j.charging();
    j.answer("GET", "/api/session/status", 200, seed::kSeedStatusCharging);
    j.send(UpdateReady{});
    CHECK(j.m.update_ready);
    CHECK_FALSE(can_apply_update(j.m));
    CHECK_FALSE(applies_update(j.intent(intent::ApplyUpdate{})));

    Journey idle;
    idle.ready();
    idle.send(UpdateReady{});
    REQUIRE(can_apply_update(idle.m));
    CHECK(applies_update(idle.intent(intent::ApplyUpdate{})));
    // A start on its way holds it back too.
    Journey starting;
    starting.at_price();
    starting.send(UpdateReady{});
    starting.intent(intent::StartCharging{});
    REQUIRE(starting.m.start_in_flight);
    CHECK_FALSE(can_apply_update(starting.m));
}

TEST_CASE("a price that got no answer offline is unknown, not unpublished, and is asked for the moment the phone is online") {
    Journey j;
    j.at_connector();
    j.send(Connectivity{false});
    j.answer("GET", "/api/tariff/" + j.m.app_token, 0, "");
    CHECK(j.m.tariffs_failed);
    REQUIRE(j.m.tariff_refresh_at.has_value());
    const auto effects = j.send(Connectivity{true});
    CHECK(std::any_of(effects.begin(), effects.end(), [&](const Effect& e) {
        const auto* w = std::get_if<WakeAt>(&e);
        return w != nullptr && w->at == j.now; }));
    const auto asked = requests(j.tick());
    REQUIRE(std::count_if(asked.begin(), asked.end(), [&](const HttpRequest& r) {
        return r.path.rfind("/api/tariff/" + j.m.app_token + "/evse/", 0) == 0; }) == 1);
    CHECK_FALSE(j.m.tariffs_failed);  // being asked again
}
