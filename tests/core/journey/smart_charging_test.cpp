// Smart charging and the charger that waits for the app's start: what the session screen says for
// each prioritySessionStatus, "Charge now at full power" and its answers, and a car connected
// before the start has arrived.
#include <catch2/catch.hpp>

#include "journey_harness.hpp"
#include "core/api/codec.hpp"
#include "core/session/session.hpp"
#include "core/text/strings.hpp"

using namespace core;
using namespace test;

namespace {

// A StatusResponse for the harness's session, as the service sends it.
std::string status_body(const std::string& status, double power_kw, const char* priority, bool smart) {
    Json j = Json::parse(seed::kSeedStatusCharging);
    j["status"] = status;
    j["currentPowerInKw"] = power_kw;
    j["smartChargingEnabled"] = smart;
    j["prioritySessionStatus"] = priority;
    return j.dump();
}

SessionStatus status_of(const std::string& body) {
    auto d = decode_session_status(body);
    REQUIRE(d.ok());
    return *d.value;
}

}  // namespace

TEST_CASE("every prioritySessionStatus value has words, and an unknown one is shown as given") {
    CHECK(priority_text(status_of(status_body("CHARGING", 0, "NOT_APPLICABLE", false))) ==
          "Smart charging: not used at this charger");
    CHECK(priority_text(status_of(status_body("CHARGING", 0, "OFF", true))) ==
          "Smart charging: on, the charger chooses when to charge");
    CHECK(priority_text(status_of(status_body("CHARGING", 11, "ON", true))) ==
          "Smart charging: overridden, charging at full power");
    CHECK(priority_text(status_of(status_body("CHARGING", 0, "PAUSED_BY_GRID", true))) ==
          "Smart charging: PAUSED_BY_GRID");
    SessionStatus none = status_of(status_body("CHARGING", 0, "OFF", true));
    none.priority = PriorityStatus::Absent;
    CHECK(priority_text(none).empty());
}

TEST_CASE("a smart-charging session held at 0 kW is explained, not shown as dead") {
    const SessionStatus held = status_of(status_body("CHARGING", 0, "OFF", true));
    CHECK(smart_charging(held) == SmartCharging::Holding);
    CHECK(session_headline(held) == "Paused by smart charging");
    CHECK(explain(held).what == Str::WhySmartHold);

    // OFF with power flowing: smart charging sets the pace, the override is still offered.
    const SessionStatus slow = status_of(status_body("CHARGING", 3.2, "OFF", true));
    CHECK(smart_charging(slow) == SmartCharging::Holding);
    CHECK(session_headline(slow) == "Charging");
    CHECK(explain(slow).what == Str::WhySmartSlow);

    // No priority field, but a smart-charging session with no power: held back too.
    SessionStatus bare = status_of(status_body("CHARGING", 0, "OFF", true));
    bare.priority = PriorityStatus::Absent;
    CHECK(smart_charging(bare) == SmartCharging::Holding);
    bare.smart_charging = false;
    CHECK(smart_charging(bare) == SmartCharging::None);

    CHECK(smart_charging(status_of(status_body("CHARGING", 11, "ON", true))) == SmartCharging::FullPower);
    CHECK(smart_charging(status_of(status_body("CHARGING", 0, "NOT_APPLICABLE", false))) == SmartCharging::None);
    CHECK(smart_charging(status_of(status_body("CHARGING", 0, "SOMETHING_NEW", true))) == SmartCharging::Unknown);
    // Only a charging session is held back: a car that is full is not.
    CHECK(smart_charging(status_of(status_body("PARKING", 0, "OFF", true))) == SmartCharging::None);
}

TEST_CASE("Charge now at full power: APPROVED asks for the status at once, and power arriving shows") {
    Journey j;
    j.charging();
    j.answer("GET", "/api/session/status", 200, status_body("CHARGING", 0, "OFF", true));
    REQUIRE(j.session() != nullptr);
    CHECK(can_ask_full_power(*j.session()));

    const auto sent = requests(j.intent(intent::ChargeNow{j.session()->id}));
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].method == "POST");
    CHECK(sent[0].path == "/api/session/highpriority?appToken=" + j.m.app_token);
    CHECK(Json::parse(sent[0].body) == Json{{"chargeSessionId", kSessionId}});
    CHECK(j.session()->priority_ask == PriorityAsk::Asking);
    CHECK_FALSE(can_ask_full_power(*j.session()));
    CHECK(requests(j.intent(intent::ChargeNow{j.session()->id})).empty());  // a second tap sends nothing

    const auto effects = j.respond(sent[0].id, 200, R"({"status":"APPROVED"})");
    CHECK(j.session()->priority_ask == PriorityAsk::Approved);
    const auto polled = requests(effects);
    REQUIRE(polled.size() == 1);
    CHECK(starts_with(polled[0].path, "/api/session/status"));
    CHECK(announcements(effects) == std::vector<std::string>{"Full power is on its way."});

    j.respond(polled[0].id, 200, status_body("CHARGING", 11, "ON", true));
    CHECK(smart_charging(*j.session()->last) == SmartCharging::FullPower);
    CHECK(j.session()->last->power_kw == 11);
    CHECK_FALSE(can_ask_full_power(*j.session()));
}

TEST_CASE("Charge now: DENIED, a 400 (no smart charging here) and unclear answers") {
    Journey j;
    j.charging();
    j.answer("GET", "/api/session/status", 200, status_body("CHARGING", 0, "OFF", true));
    const std::string id = j.session()->id;

    j.intent(intent::ChargeNow{id});
    j.answer("POST", "/api/session/highpriority", 200, R"({"status":"DENIED"})");
    CHECK(j.session()->priority_ask == PriorityAsk::Denied);
    CHECK_FALSE(can_ask_full_power(*j.session()));  // a refusal is not asked again and again

    j.session()->priority_ask = PriorityAsk::None;
    j.intent(intent::ChargeNow{id});
    j.answer("POST", "/api/session/highpriority", 400, R"({"message":"SmartCharging option disabled for the location"})");
    CHECK(j.session()->priority_ask == PriorityAsk::Denied);

    // No answer, a 502, ERROR or a value not known: it could not be asked; the driver may try again.
    for (const auto& [status, body] : std::vector<std::pair<int, std::string>>{
             {0, ""}, {502, "Bad Gateway"}, {200, R"({"status":"ERROR"})"}, {200, R"({"status":"MAYBE"})"}}) {
        j.session()->priority_ask = PriorityAsk::None;
        j.intent(intent::ChargeNow{id});
        j.answer("POST", "/api/session/highpriority", status, body);
        CHECK(j.session()->priority_ask == PriorityAsk::Failed);
        CHECK(can_ask_full_power(*j.session()));
    }
    // Not offered where nothing holds power back.
    j.now = j.session()->next_poll;
    j.tick();
    j.answer("GET", "/api/session/status", 200, status_body("CHARGING", 11, "NOT_APPLICABLE", false));
    j.session()->priority_ask = PriorityAsk::None;
    CHECK_FALSE(can_ask_full_power(*j.session()));
    CHECK(requests(j.intent(intent::ChargeNow{id})).empty());
}

TEST_CASE("a car connected before the start arrived: the charger waits for the app's start, not for a cable") {
    Journey j;
    j.charging();
    // Meter data before charging: the station reports a connected car, drawing nothing.
    j.answer("GET", "/api/session/status", 200, status_body("STARTING", 0, "NOT_APPLICABLE", false));
    const ActiveSession& s = *j.session();
    REQUIRE(s.last.has_value());
    CHECK(car_waiting_for_start(*s.last));
    CHECK(explain(*s.last).what == Str::WhyCarWaiting);
    CHECK(session_headline(*s.last) == "Car connected, starting");
    CHECK_FALSE(cable_wait_left(s, j.now).has_value());  // no "plug in" countdown: the cable is in
    const auto line = session_timeline(s);
    REQUIRE(line.size() >= 3);
    CHECK(line[2].label == Str::StepWaitStart);
    CHECK(line[2].state == StepState::Now);

    // Without meter data the charger waits for the cable, as before.
    Json plain = Json::parse(status_body("STARTING", 0, "NOT_APPLICABLE", false));
    plain["currentPowerInKw"] = nullptr;
    const SessionStatus waiting = status_of(plain.dump());
    CHECK_FALSE(car_waiting_for_start(waiting));
    CHECK(explain(waiting).what == Str::WhyStarting);
    CHECK(session_headline(waiting) == "Charger accepted, plug in your car");
}
