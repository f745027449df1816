// "Show my position" through update(): asking, the answers, giving up on a locate that never
// answers, and the failure note going away once the driver moves the map.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/journey/journey.hpp"
#include "core/journey/map_flow.hpp"

using namespace core;

namespace {

struct Map {
    Model m;
    TimePoint now = *parse_iso8601("2021-06-14T08:57:00Z");

    std::vector<Effect> send(const Event& e) { return update(m, e, now); }
    std::vector<Effect> intent(MapIntent i) { return send(UserIntent{std::move(i)}); }
    std::vector<Effect> tick_after(std::chrono::milliseconds d) {
        now += d;
        return send(Tick{});
    }
};

Map booted() {
    Map t;
    t.send(Boot{{}, "0123456789abcdef0123456789abcdef"});
    return t;
}

std::vector<TimePoint> wakes(const std::vector<Effect>& effects) {
    std::vector<TimePoint> out;
    for (const auto& e : effects)
        if (const auto* w = std::get_if<WakeAt>(&e)) out.push_back(w->at);
    return out;
}

}  // namespace

TEST_CASE("a locate that never answers gives up with a message instead of searching for ever") {
    Map t = booted();
    const TimePoint asked = t.now;
    const auto effects = t.intent(intent::LocateMe{});
    CHECK(std::any_of(effects.begin(), effects.end(), [](const Effect& e) { return std::holds_alternative<Locate>(e); }));
    CHECK(wakes(effects) == std::vector<TimePoint>{asked + kLocateGiveUp});
    CHECK(t.m.map.locate == LocateState::Asking);

    t.tick_after(kLocateGiveUp - std::chrono::seconds(1));
    CHECK(t.m.map.locate == LocateState::Asking);
    t.tick_after(std::chrono::seconds(1));
    CHECK(t.m.map.locate == LocateState::Unavailable);

    // A position that comes after all is still where the driver is.
    t.intent(intent::Located{52.3, 4.9});
    CHECK(t.m.map.locate == LocateState::Found);
    REQUIRE(t.m.map.me.has_value());
    CHECK(t.m.map.me->lat == Approx(52.3));
}

TEST_CASE("an answer in time: the give-up wake-up later changes nothing") {
    Map t = booted();
    t.intent(intent::LocateMe{});
    t.intent(intent::LocateFailed{true});
    CHECK(t.m.map.locate == LocateState::Denied);
    t.tick_after(kLocateGiveUp + std::chrono::seconds(1));
    CHECK(t.m.map.locate == LocateState::Denied);

    t.intent(intent::LocateMe{});
    t.intent(intent::Located{52.37, 5.21});
    t.tick_after(kLocateGiveUp + std::chrono::seconds(1));
    CHECK(t.m.map.locate == LocateState::Found);
    CHECK(t.m.map.camera.centre.lat == Approx(52.37));
    CHECK(t.m.map.camera.zoom >= kLocateZoom);
}

TEST_CASE("a failed locate's note stays until the driver moves the map, not when the view is resized") {
    for (const bool denied : {true, false}) {
        Map t = booted();
        t.intent(intent::LocateMe{});
        t.intent(intent::LocateFailed{denied});
        const LocateState failed = denied ? LocateState::Denied : LocateState::Unavailable;
        CHECK(t.m.map.locate == failed);

        geo::Camera c = t.m.map.camera;
        c.height -= 120;  // the bottom sheet or the keyboard takes room: same place, same zoom
        t.intent(intent::MapMoved{c, true});
        CHECK(t.m.map.locate == failed);

        c = geo::pan_by(t.m.map.camera, 40, 0);
        t.intent(intent::MapMoved{c, false});  // the first move of a pan
        CHECK(t.m.map.locate == LocateState::Idle);
    }

    Map t = booted();  // zooming counts as moving too
    t.intent(intent::LocateMe{});
    t.intent(intent::LocateFailed{true});
    geo::Camera c = t.m.map.camera;
    c.zoom += 1;
    t.intent(intent::MapMoved{c, true});
    CHECK(t.m.map.locate == LocateState::Idle);
}

TEST_CASE("moving the map while the position is being found keeps asking") {
    Map t = booted();
    t.intent(intent::LocateMe{});
    t.intent(intent::MapMoved{geo::pan_by(t.m.map.camera, 40, 0), true});
    CHECK(t.m.map.locate == LocateState::Asking);
}
