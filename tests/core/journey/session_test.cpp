// Never lose a session, never start twice: unclear starts, reloads, other tabs, several sessions,
// hidden pages, offline phones, stops the network lost, and every status in words.
#include <algorithm>

#include <catch2/catch.hpp>

#include "journey_harness.hpp"
#include "core/session/explain.hpp"
#include "core/session/store.hpp"
#include "core/session/start_guard.hpp"
#include "core/api/codec.hpp"
#include "core/text/strings.hpp"

using namespace core;
using namespace test;

namespace {

// A SessionHistoryModel list as the service sends it.
std::string history(std::initializer_list<std::tuple<std::string, std::string, std::string, std::string>> items) {
    Json list = Json::array();
    for (const auto& [id, status, evse, start] : items) {
        list.push_back({{"chargeSessionId", id}, {"status", status}, {"evseUid", evse}, {"connectorId", "1"},
                        {"startTime", start}, {"location", {{"id", kLocationId}, {"name", "Marga"}}},
                        {"energyInKwh", 0}, {"currency", "EUR"}});
    }
    return Json{{"data", list}, {"meta", {{"count", list.size()}, {"hasMoreData", false}}}}.dump();
}

std::optional<bool> keep_awake(const std::vector<Effect>& effects) {
    std::optional<bool> out;
    for (const auto& e : effects)
        if (const auto* k = std::get_if<KeepAwake>(&e)) out = k->on;
    return out;
}

void at_price_no_sessions(Journey& j) { j.at_price(); }

int list_requests(const std::vector<Effect>& effects) {
    int n = 0;
    for (const auto& r : requests(effects)) n += starts_with(r.path, "/api/token/");
    return n;
}

}  // namespace

TEST_CASE("a start with no answer is settled from the session list, never sent twice") {
    Journey j;
    at_price_no_sessions(j);
    j.intent(intent::StartCharging{});
    auto effects = j.answer("POST", "/api/session/start", 0);
    // Unclear: maybe started. The marker stays, Start stays locked, a check is planned.
    CHECK(persists(effects).empty());
    REQUIRE(j.m.start_marker.has_value());
    CHECK(j.m.message->text == Str::StartChecking);
    CHECK_FALSE(can_start(j.m));
    CHECK(requests(j.intent(intent::StartCharging{})).empty());  // the driver taps again: nothing
    CHECK(wake(effects) == j.now + kStartCheckDelay);

    CHECK(requests(j.tick()).empty());  // not due yet
    j.now += kStartCheckDelay;
    effects = j.tick();
    REQUIRE(requests(effects).size() == 1);
    CHECK(starts_with(requests(effects)[0].path, "/api/token/app-" + kHex + "/sessions?filter.dateTimeFrom="));

    // The service has it: the phone takes it up as if the answer had arrived.
    effects = j.answer("GET", "/api/token/", 200,
                       history({{"sess-1", "REQUESTED", kEvse, format_iso8601_utc(j.now - Millis{2000})}}));
    REQUIRE(j.session() != nullptr);
    CHECK(j.session()->id == "sess-1");
    CHECK(j.session()->evse_uid == kEvse);
    CHECK(j.m.screen == Screen::Session);
    CHECK_FALSE(j.m.start_marker.has_value());
    CHECK_FALSE(j.m.message.has_value());
    const auto saved = persists(effects);
    REQUIRE(saved.size() == 2);
    CHECK(saved[0].key == kKeyActiveSessions);
    CHECK(saved[1].key == kKeyStartPending);
    CHECK_FALSE(saved[1].value.has_value());
    CHECK(requests(effects).size() == 1);  // polled at once
    CHECK(count_sent(j, "POST", "/api/session/start") == 1);
}

TEST_CASE("a 5xx or unreadable start answer is unclear too, no session in the list frees Start") {
    for (const auto& [status, body] : std::vector<std::pair<int, std::string>>{
             {503, "upstream down"}, {502, ""}, {408, ""}, {200, R"({"nextStatusCall":"2021-06-14T08:57:20Z"})"}}) {
        INFO(status << " " << body);
        Journey j;
        at_price_no_sessions(j);
        j.intent(intent::StartCharging{});
        j.answer("POST", "/api/session/start", status, body);
        CHECK(j.m.start_marker.has_value());
        CHECK_FALSE(can_start(j.m));
        j.now += kStartCheckDelay;
        j.tick();
        // Another EVSE's session and an old one on this EVSE are not this start.
        const auto effects = j.answer("GET", "/api/token/", 200,
                                      history({{"other", "CHARGING", "NL-GFX-EOther", format_iso8601_utc(j.now)},
                                               {"old", "CDR_AVAILABLE", kEvse, "2021-06-13T08:00:00Z"}}));
        CHECK_FALSE(j.m.start_marker.has_value());
        REQUIRE(persists(effects).size() >= 1);
        CHECK(j.m.message->text == Str::StartNotStarted);
        // The running session elsewhere is taken up (and now blocks another start).
        REQUIRE(j.m.sessions.size() == 1);
        CHECK(j.m.sessions[0].id == "other");
        CHECK(count_sent(j, "POST", "/api/session/start") == 1);
    }
}

TEST_CASE("with no session anywhere, a failed start may be tried again after the check") {
    Journey j;
    at_price_no_sessions(j);
    j.intent(intent::StartCharging{});
    j.answer("POST", "/api/session/start", 0);
    j.now += kStartCheckDelay;
    j.tick();
    j.answer("GET", "/api/token/", 200, history({}));
    CHECK(j.m.message->text == Str::StartNotStarted);
    CHECK(can_start(j.m));
    CHECK(requests(j.intent(intent::StartCharging{})).size() == 1);
}

TEST_CASE("while the session list cannot be read, Start stays locked and the check is retried") {
    Journey j;
    at_price_no_sessions(j);
    j.intent(intent::StartCharging{});
    j.answer("POST", "/api/session/start", 0);
    for (int i = 0; i < 3; ++i) {
        j.now = *j.m.start_check_at;
        REQUIRE(list_requests(j.tick()) == 1);
        const auto effects = j.answer("GET", "/api/token/", i == 1 ? 500 : 0);
        CHECK(j.m.start_marker.has_value());
        CHECK_FALSE(can_start(j.m));
        REQUIRE(wake(effects).has_value());
        CHECK(*wake(effects) > j.now);
    }
    CHECK(count_sent(j, "POST", "/api/session/start") == 1);
}

TEST_CASE("a reload during the start request asks the list before anything else") {
    const std::string marker =
        encode_start_marker({kLocationId, kEvse, "1", kCard, *parse_iso8601("2021-06-14T08:56:58Z")});
    Journey j;
    auto effects = j.boot({{kKeyAppToken, "app-1"}, {kKeyStartPending, marker}});
    REQUIRE(j.m.start_marker.has_value());
    CHECK(j.m.start_marker->evse_uid == kEvse);
    CHECK(j.m.message->text == Str::StartChecking);
    CHECK(starts_with(journey_requests(effects).back().path, "/api/token/app-1/sessions?"));
    // The request reached the service just before the reload.
    effects = j.answer("GET", "/api/token/", 200, history({{"s-9", "STARTING", kEvse, "2021-06-14T08:56:59Z"}}));
    REQUIRE(j.session() != nullptr);
    CHECK(j.session()->id == "s-9");
    CHECK(j.m.screen == Screen::Session);
    CHECK_FALSE(j.m.start_marker.has_value());
}

TEST_CASE("a reload whose start never arrived: the list is asked again shortly, then Start is free") {
    Journey j;
    j.boot({{kKeyAppToken, "app-1"},
            {kKeyStartPending, encode_start_marker({kLocationId, kEvse, "1", kCard, j.now - Millis{1000}})}});
    // One second after the start: too early to say it did not arrive.
    auto effects = j.answer("GET", "/api/token/", 200, history({}));
    CHECK(j.m.start_marker.has_value());
    REQUIRE(wake(effects).has_value());
    j.now = *wake(effects);
    REQUIRE(requests(j.tick()).size() == 1);
    j.answer("GET", "/api/token/", 200, history({}));
    CHECK_FALSE(j.m.start_marker.has_value());
    CHECK(j.m.message->text == Str::StartNotStarted);
}

TEST_CASE("a start in another tab locks Start here until it is settled, then its session shows") {
    Journey j;
    at_price_no_sessions(j);
    CHECK(can_start(j.m));
    j.send(StorageChanged{kKeyStartPending, encode_start_marker({kLocationId, kEvse, "1", kCard, j.now})});
    CHECK_FALSE(can_start(j.m));
    CHECK(requests(j.intent(intent::StartCharging{})).empty());
    const auto effects = j.send(StorageChanged{kKeyStartPending, std::nullopt});
    REQUIRE(requests(effects).size() == 1);
    j.answer("GET", "/api/token/", 200, history({{"tab-2", "REQUESTED", kEvse, format_iso8601_utc(j.now)}}));
    REQUIRE(j.session() != nullptr);
    CHECK(j.session()->id == "tab-2");
    CHECK(j.m.screen == Screen::Session);
    CHECK_FALSE(can_start(j.m));
}

TEST_CASE("several running sessions are all listed, polled and stoppable one by one") {
    Journey j;
    j.boot({{kKeyAppToken, "app-" + kHex}});
    const auto effects = j.answer("GET", "/api/token/", 200,
                                  history({{"b", "CHARGING", "E2", "2021-06-14T08:30:00Z"},
                                           {"a", "PARKING", "E1", "2021-06-14T08:00:00Z"},
                                           {"done", "CDR_AVAILABLE", "E3", "2021-06-14T07:00:00Z"},
                                           {"late", "COMPLETED", "E4", "2021-06-14T06:00:00Z"}}));
    REQUIRE(j.m.sessions.size() == 2);
    CHECK(j.m.sessions[0].id == "a");  // oldest first: the first stays the one shown
    CHECK(j.m.sessions[1].id == "b");
    CHECK(shown_session(j.m)->id == "a");
    CHECK(j.m.screen == Screen::Session);
    CHECK(requests(effects).size() == 2);  // both polled
    const Json stored = Json::parse(*persists(effects).back().value);
    CHECK(stored.size() == 2);

    j.answer("GET", "/api/session/status?appToken=app-" + kHex + "&chargeSessionId=a", 200, R"({"status":"PARKING"})");
    j.answer("GET", "/api/session/status?appToken=app-" + kHex + "&chargeSessionId=b", 200, R"({"status":"CHARGING"})");

    j.intent(intent::ShowSession{"b"});
    CHECK(shown_session(j.m)->id == "b");
    // Stop the one not on screen: only that one is stopping.
    auto reqs = requests(j.intent(intent::StopCharging{"a"}));
    REQUIRE(reqs.size() == 1);
    CHECK(Json::parse(reqs[0].body)["chargeSessionId"] == "a");
    CHECK(is_stopping(j.m.sessions[0]));
    CHECK_FALSE(is_stopping(j.m));  // the shown one, b, runs on
    // a ends off screen: b stays shown, no receipt takes the screen.
    j.answer("POST", "/api/session/stop", 200, R"({"status":"CDR_AVAILABLE","totalCosts":1.2})");
    REQUIRE(j.m.sessions.size() == 1);
    CHECK(j.m.screen == Screen::Session);
    CHECK(shown_session(j.m)->id == "b");
    // The list still showing it never brings a closed session back.
    j.now += kSessionsRefresh;
    j.tick();
    j.answer("GET", "/api/token/", 200, history({{"b", "CHARGING", "E2", "2021-06-14T08:30:00Z"},
                                                 {"a", "STOPPING", "E1", "2021-06-14T08:00:00Z"}}));
    CHECK(j.m.sessions.size() == 1);
}

TEST_CASE("the session list is read again while sessions run, and failures do not lose sessions") {
    Journey j;
    j.boot({{kKeyAppToken, "app-" + kHex}});
    j.answer("GET", "/api/token/", 200, history({{"a", "CHARGING", "E1", "2021-06-14T08:00:00Z"}}));
    REQUIRE(j.m.sessions_refresh_at.has_value());
    j.now = *j.m.sessions_refresh_at;
    j.tick();
    j.answer("GET", "/api/token/", 503, "down");
    CHECK(j.m.sessions.size() == 1);
    REQUIRE(j.m.sessions_refresh_at.has_value());  // tried again later
}

TEST_CASE("polling pauses while the page is hidden and catches up when it shows again") {
    Journey j;
    j.charging();
    j.answer("GET", "/api/session/status", 200, R"({"status":"STARTING"})");
    j.send(Visibility{false});
    j.now += Millis{60000};
    CHECK(requests(j.tick()).empty());
    const auto effects = j.send(Visibility{true});
    const auto reqs = requests(effects);
    REQUIRE(reqs.size() == 2);  // the status now, and the list for sessions started meanwhile
    CHECK(starts_with(reqs[0].path, "/api/session/status"));
    CHECK(starts_with(reqs[1].path, "/api/token/"));
    CHECK(requests(j.send(Visibility{true})).empty());  // shown twice: no double requests
}

TEST_CASE("offline: nothing is sent, the session stays, and coming back online catches up") {
    Journey j;
    j.charging();
    j.answer("GET", "/api/session/status", 200, seed::kSeedStatusCharging);
    j.send(Connectivity{false});
    CHECK_FALSE(j.m.online);
    j.now += Millis{120000};
    CHECK(requests(j.tick()).empty());
    CHECK(j.session() != nullptr);
    CHECK(can_stop(j.m));
    const auto reqs = requests(j.send(Connectivity{true}));
    REQUIRE(reqs.size() == 2);
    CHECK(starts_with(reqs[0].path, "/api/session/status"));
    j.answer("GET", "/api/session/status", 200, seed::kSeedStatusCharging);
    CHECK(j.session()->last_update == j.now);
}

TEST_CASE("a stop the network lost is sent again until the service confirms it") {
    Journey j;
    j.charging();
    j.answer("GET", "/api/session/status", 200, seed::kSeedStatusCharging);
    j.intent(intent::StopCharging{});
    auto effects = j.answer("POST", "/api/session/stop", 0);
    CHECK(is_stopping(j.m));  // the button keeps saying Stopping…
    CHECK_FALSE(can_stop(j.m));
    CHECK(j.m.message->text == Str::ErrorStopRetrying);
    REQUIRE(j.session()->stop_retry_at.has_value());
    CHECK(wake(effects) == j.session()->stop_retry_at);
    // Offline in between: the retry waits for the network.
    j.send(Connectivity{false});
    j.now = *j.session()->stop_retry_at;
    CHECK(requests(j.tick()).empty());
    auto reqs = requests(j.send(Connectivity{true}));
    REQUIRE(std::count_if(reqs.begin(), reqs.end(), [](const HttpRequest& r) { return r.path.find("/session/stop") != std::string::npos; }) == 1);
    // A 503 again, then a status poll shows it went through after all: no more retries.
    j.answer("POST", "/api/session/stop", 503, "busy");
    j.answer("GET", "/api/session/status", 200, R"({"status":"STOPPING"})");
    CHECK_FALSE(j.session()->stop_retry_at.has_value());
    CHECK_FALSE(j.m.message.has_value());
    j.now += Millis{60000};
    j.tick();
    CHECK(count_sent(j, "POST", "/api/session/stop") == 2);
}

TEST_CASE("cancelling before charging began, then trying again at the same connector") {
    Journey j;
    j.charging();
    j.answer("GET", "/api/session/status", 200, R"({"status":"STARTING"})");
    REQUIRE(j.session() != nullptr);
    CHECK(is_cancel(*j.session()));
    CHECK(can_stop(j.m));
    j.intent(intent::StopCharging{});
    j.answer("POST", "/api/session/stop", 200, R"({"status":"CANCELLED","locationId":")" + kLocationId +
                                                   R"(","evseUid":")" + kEvse + R"(","connectorId":"1"})");
    CHECK(j.m.screen == Screen::Receipt);
    const Explanation e = explain(*j.m.receipt);
    CHECK(e.what == Str::WhyCancelled);
    CHECK(e.retry);
    CHECK(e.nothing_charged);
    const auto effects = j.intent(intent::TryAgain{});
    CHECK(j.m.screen == Screen::Price);
    CHECK(j.m.chosen_evse_uid == kEvse);
    CHECK(requests(effects).size() == 2);  // the prices again
}

TEST_CASE("no cable in time: TIMEOUT says so and offers to try again") {
    Journey j;
    j.charging();
    j.answer("GET", "/api/session/status", 200, R"({"status":"STARTING"})");
    CHECK(cable_wait_left(*j.session(), j.now) == kCableWait);
    CHECK(cable_wait_left(*j.session(), j.now + Millis{12000}) == Millis{18000});
    CHECK(cable_wait_left(*j.session(), j.now + Millis{45000}) == Millis{0});
    j.now += Millis{3000};
    j.tick();
    j.answer("GET", "/api/session/status", 200,
             R"({"status":"TIMEOUT","error":"SOFT_TIME_OUT","errorMessage":"No cable was connected within 30 seconds."})");
    CHECK(j.m.screen == Screen::Receipt);
    const Explanation e = explain(*j.m.receipt);
    CHECK(e.what == Str::WhySoftTimeOut);
    CHECK(e.next == Str::NextTryAgain);
    CHECK(e.retry);
}

TEST_CASE("unplugging ends the session and the receipt follows") {
    Journey j;
    j.charging();
    j.answer("GET", "/api/session/status", 200, seed::kSeedStatusCharging);
    for (const char* body : {R"({"status":"STOPPING"})", R"({"status":"COMPLETED"})"}) {
        j.now += Millis{30000};
        j.tick();
        j.answer("GET", "/api/session/status", 200, body);
        CHECK(j.m.screen == Screen::Session);
        CHECK(is_stopping(j.m));  // the driver did not tap Stop, but it is ending
    }
    j.now += Millis{3000};
    j.tick();
    j.answer("GET", "/api/session/status", 200, seed::kSeedStopCdr);
    CHECK(j.m.screen == Screen::Receipt);
    CHECK(j.m.receipt->status == SessionStatusCode::CdrAvailable);
}

TEST_CASE("every status and error code has its own words and next step") {
    struct Case { const char* status; const char* error; Str what; Str next; bool retry; };
    const Case cases[] = {
        {"REQUESTED", "", Str::WhyRequested, Str::None, false},
        {"STARTING", "", Str::WhyStarting, Str::None, false},
        {"CHARGING", "", Str::WhyCharging, Str::None, false},
        {"PARKING", "", Str::WhyParking, Str::None, false},
        {"STOPPING", "", Str::WhyStopping, Str::None, false},
        {"COMPLETED", "", Str::WhyCompleted, Str::None, false},
        {"CDR_AVAILABLE", "", Str::None, Str::None, false},
        {"REJECTED", "", Str::WhyRejected, Str::NextOtherCharger, false},
        {"REJECTED", "INVALID_TOKEN", Str::WhyInvalidToken, Str::NextOtherMethod, false},
        {"REJECTED", "EVSE_NOT_AVAILABLE", Str::WhyEvseNotAvailable, Str::NextOtherCharger, false},
        {"ERROR", "COMMAND_TIMED_OUT", Str::WhyCommandTimedOut, Str::NextCheckCharger, false},
        {"REJECTED", "COMMAND_TIMED_OUT", Str::WhyCommandTimedOut, Str::NextCheckCharger, true},
        {"TIMEOUT", "SOFT_TIME_OUT", Str::WhySoftTimeOut, Str::NextTryAgain, true},
        {"TIMEOUT", "", Str::WhyTimeout, Str::NextTryAgain, true},
        {"CANCELLED", "", Str::WhyCancelled, Str::NextStartAgain, true},
        {"ERROR", "UNKNOWN", Str::WhyError, Str::NextUnplug, false},
        {"ERROR", "SOMETHING_NEW", Str::WhyError, Str::NextUnplug, false},
        {"WARP_SPEED", "", Str::WhyUnknown, Str::None, false},
    };
    for (const Case& c : cases) {
        INFO(c.status << " " << c.error);
        Json body = {{"status", c.status}};
        if (*c.error) body["error"] = c.error;
        const auto st = decode_session_status(body.dump());
        REQUIRE(st.ok());
        const Explanation e = explain(*st.value);
        CHECK(e.what == c.what);
        CHECK(e.next == c.next);
        CHECK(e.retry == c.retry);
        if (c.what != Str::None) CHECK(std::string(tr(c.what)).size() > 10);
    }
    // Ended with an error after energy flowed: not "nothing was charged".
    const auto billed = decode_session_status(R"({"status":"ERROR","error":"EVSE_NOT_AVAILABLE","energyInKwh":3.2})");
    CHECK_FALSE(explain(*billed.value).nothing_charged);
}

TEST_CASE("the timeline marks what is done, what is now and what is to come") {
    auto states = [](const char* status, bool parked = false) {
        ActiveSession s;
        s.parked = parked;
        if (*status) s.last = *decode_session_status(Json{{"status", status}}.dump()).value;
        std::string out;
        for (const auto& step : session_timeline(s))
            out += step.state == StepState::Done ? 'd' : step.state == StepState::Now ? 'N' : '.';
        return out;
    };
    // requested, accepted, waiting for the cable, charging, [car full], stopping, finished, receipt
    CHECK(states("") == "N......");
    CHECK(states("REQUESTED") == "N......");
    CHECK(states("STARTING") == "ddN....");  // accepted; the charger waits for the cable
    CHECK(states("CHARGING") == "dddN...");
    CHECK(states("PARKING") == "ddddN...");
    CHECK(states("STOPPING") == "ddddN..");  // never parked: no car-full step
    CHECK(states("STOPPING", true) == "dddddN..");
    CHECK(states("COMPLETED") == "dddddN.");
    CHECK(states("CDR_AVAILABLE") == "ddddddN");
    CHECK(states("WARP_SPEED") == "N......");
}

TEST_CASE("figures older than a minute and a bit are marked stale") {
    ActiveSession s;
    const TimePoint t0 = *parse_iso8601("2021-06-14T08:57:00Z");
    s.requested_at = t0;
    CHECK_FALSE(is_stale(s, t0 + Millis{30000}));
    CHECK(is_stale(s, t0 + kStaleAfter + Millis{1}));
    s.last_update = t0 + Millis{60000};
    CHECK_FALSE(is_stale(s, t0 + Millis{120000}));
}

TEST_CASE("the screen stays awake while a session starts or charges, not after") {
    Journey j;
    j.at_price();
    j.intent(intent::StartCharging{});
    CHECK(keep_awake(j.answer("POST", "/api/session/start", 200, seed::kSeedStart)) == true);
    CHECK_FALSE(keep_awake(j.answer("GET", "/api/session/status", 200, seed::kSeedStatusCharging)).has_value());
    j.now += Millis{30000};
    j.tick();
    CHECK(keep_awake(j.answer("GET", "/api/session/status", 200, R"({"status":"PARKING"})")) == false);
    j.intent(intent::StopCharging{});
    j.answer("POST", "/api/session/stop", 200, seed::kSeedStopCdr);
    CHECK_FALSE(j.m.keep_awake);
}

TEST_CASE("several sessions survive a reload with their last status") {
    ActiveSession a, b;
    a.id = "a";
    a.evse_uid = "E1";
    a.last_body = seed::kSeedStatusCharging;
    a.requested_at = *parse_iso8601("2021-06-14T08:00:00Z");
    b.id = "b/2";
    const auto back = decode_active_sessions(encode_active_sessions({a, b}));
    REQUIRE(back.size() == 2);
    CHECK(back[0].id == "a");
    CHECK(back[0].evse_uid == "E1");
    REQUIRE(back[0].last.has_value());
    CHECK(back[0].last->status == SessionStatusCode::Charging);
    CHECK(back[0].requested_at == a.requested_at);
    CHECK(back[1].id == "b/2");
    CHECK_FALSE(back[1].last.has_value());
    CHECK(decode_active_sessions("{\"id\":\"x\"}").empty());
    CHECK(decode_active_sessions(R"([{"id":""},{"nope":1},7,{"id":"ok","status":"text"}])").size() == 1);

    Journey j;
    j.boot({{kKeyAppToken, "app-1"}, {kKeyActiveSessions, encode_active_sessions({a, b})}});
    CHECK(j.m.sessions.size() == 2);
    CHECK(j.m.screen == Screen::Session);
    CHECK(journey_requests(j.last).size() == 5);  // register, wallet, two polls, the list (the map asks apart)
}

TEST_CASE("start outcomes and the match in the session list") {
    CHECK(classify_start(200, true) == StartOutcome::Started);
    CHECK(classify_start(200, false) == StartOutcome::Unclear);
    CHECK(classify_start(0, false) == StartOutcome::Unclear);
    CHECK(classify_start(500, false) == StartOutcome::Unclear);
    CHECK(classify_start(504, false) == StartOutcome::Unclear);
    CHECK(classify_start(408, false) == StartOutcome::Unclear);
    CHECK(classify_start(429, false) == StartOutcome::Unclear);
    CHECK(classify_start(400, false) == StartOutcome::Refused);
    CHECK(classify_start(403, false) == StartOutcome::Refused);
    CHECK(classify_start(404, false) == StartOutcome::Refused);

    const TimePoint at = *parse_iso8601("2021-06-14T09:00:00Z");
    const StartMarker m{"L", "E1", "1", "pm", at};
    const auto back = decode_start_marker(encode_start_marker(m));
    REQUIRE(back.has_value());
    CHECK(back->evse_uid == "E1");
    CHECK(back->payment_method_id == "pm");
    CHECK(back->at == at);
    CHECK_FALSE(decode_start_marker("{}").has_value());
    CHECK_FALSE(decode_start_marker("not json").has_value());

    const auto list = decode_session_list(history({{"new", "REQUESTED", "E1", "2021-06-14T11:00:05+02:00"},
                                                   {"clock-behind", "REQUESTED", "E1", "2021-06-14T08:59:00Z"},
                                                   {"old", "CDR_AVAILABLE", "E1", "2021-06-14T07:00:00Z"},
                                                   {"elsewhere", "CHARGING", "E2", "2021-06-14T09:00:01Z"}}));
    REQUIRE(list.ok());
    REQUIRE(list.value->size() == 4);
    CHECK(list.value->at(0).location_name == "Marga");
    const SessionSummary* found = find_started(*list.value, m);
    REQUIRE(found != nullptr);
    CHECK(found->id == "new");
    std::vector<SessionSummary> only_behind = {list.value->at(1), list.value->at(2)};
    REQUIRE(find_started(only_behind, m) != nullptr);
    CHECK(find_started(only_behind, m)->id == "clock-behind");  // a service clock a minute behind
    std::vector<SessionSummary> none = {list.value->at(2), list.value->at(3)};
    CHECK(find_started(none, m) == nullptr);
}

TEST_CASE("the session list decoder skips what it cannot use and never aborts") {
    const auto list = decode_session_list(R"({"data":[{"status":"CHARGING"},7,
        {"chargeSessionId":"x","status":"NEW_THING","retailCostInclVat":2.5,"vatAmount":0.3,"energyInKwh":"lots"}]})");
    REQUIRE(list.ok());
    REQUIRE(list.value->size() == 1);
    CHECK(list.value->at(0).status == SessionStatusCode::Unknown);
    CHECK(list.value->at(0).status_raw == "NEW_THING");
    CHECK(list.value->at(0).total_costs == 2'500'000);
    CHECK_FALSE(list.problems.empty());
    CHECK_FALSE(decode_session_list("<html>").ok());
    CHECK_FALSE(decode_session_list(R"({"data":{}})").ok());
}

TEST_CASE("a request whose answer never comes is counted as unanswered, so polling never stalls") {
    Journey j;
    j.charging();  // the first poll is in flight, and its answer will never come
    REQUIRE(j.m.pending.size() >= 1);
    const auto& poll = j.sent.back();
    CHECK(starts_with(poll.path, "/api/session/status"));
    j.now += Millis{poll.timeout_ms};
    CHECK(requests(j.tick()).empty());  // the platform may still answer
    j.now += kRequestGrace;
    const auto effects = j.tick();
    CHECK(j.m.pending.count(poll.id) == 0);
    CHECK(j.m.message->text == Str::ErrorPollFailed);
    REQUIRE(wake(effects).has_value());
    j.now = *wake(effects);
    REQUIRE(requests(j.tick()).size() == 1);  // polling goes on
    CHECK(j.respond(poll.id, 200, R"({"status":"CHARGING"})").empty());  // a late answer: ignored...
    CHECK_FALSE(j.session()->last.has_value());  // ...since it was written off
}

TEST_CASE("another tab's writes lead to the session list only when they name a session new here") {
    Journey j;
    j.charging();
    j.answer("GET", "/api/session/status", 200, seed::kSeedStatusCharging);
    ActiveSession known;
    known.id = kSessionId;
    CHECK(requests(j.send(StorageChanged{kKeyActiveSessions, encode_active_sessions({known})})).empty());
    CHECK(requests(j.send(StorageChanged{kKeyActiveSessions, std::nullopt})).empty());
    ActiveSession other;
    other.id = "from-the-other-tab";
    const auto reqs = requests(j.send(StorageChanged{kKeyActiveSessions, encode_active_sessions({known, other})}));
    REQUIRE(reqs.size() == 1);
    CHECK(starts_with(reqs[0].path, "/api/token/"));
}

TEST_CASE("the price a session started under is kept with it, in storage and after a reload") {
    Journey j;
    j.at_price();
    // The chosen card has no price of its own yet (PENDING): the connector's published price is shown.
    j.answer("GET", "/api/tariff/evse/", 200,
             R"({"tariff":{"currency":"EUR","vatPercentage":13,"isVatIncluded":true,"elements":[{"priceComponents":[)"
             R"({"price":1.64,"type":"FLAT","stepSize":1,"vat":13},{"price":2.106,"type":"ENERGY","stepSize":1,"vat":13},)"
             R"({"price":0.351,"type":"TIME","stepSize":60,"vat":13}]}]},"validity":"VALID"})");
    j.intent(intent::StartCharging{});
    j.answer("POST", "/api/session/start", 200, seed::kSeedStart);
    const ActiveSession* s = shown_session(j.m);
    REQUIRE(s != nullptr);
    REQUIRE(s->tariff.has_value());  // the price shown on the price screen
    REQUIRE(s->tariff->elements.size() == 1);
    CHECK(s->tariff->currency == "EUR");
    CHECK(s->tariff->elements[0].components.size() == 3);

    // What is stored carries the tariff, and a reload reads it back for the running cost.
    const auto stored = decode_active_sessions(encode_active_sessions(j.m.sessions));
    REQUIRE(stored.size() == 1);
    REQUIRE(stored[0].tariff.has_value());
    CHECK(stored[0].tariff->elements[0].components.size() == 3);
    CHECK(stored[0].tariff->elements[0].components[1].price == s->tariff->elements[0].components[1].price);
    Journey reloaded;
    reloaded.boot({{kKeyAppToken, "app-1"}, {kKeyActiveSessions, encode_active_sessions(j.m.sessions)}});
    REQUIRE(reloaded.m.sessions.size() == 1);
    REQUIRE(reloaded.m.sessions[0].tariff.has_value());
    CHECK(reloaded.m.sessions[0].tariff->vat_included == s->tariff->vat_included);
    // A stored tariff that cannot be read leaves the session without one, never without the session.
    const auto broken = decode_active_sessions(R"([{"id":"x","tariff":{"elements":"nope"}}])");
    REQUIRE(broken.size() == 1);
    CHECK(broken[0].id == "x");
}

TEST_CASE("a token made on this visit is not asked for sessions before the service knows it") {
    Journey j;
    j.boot();  // nothing stored: a new token
    auto sessions_asked = [&] {
        return std::count_if(j.sent.begin(), j.sent.end(),
                             [](const HttpRequest& r) { return r.method == "GET" && starts_with(r.path, "/api/token/"); });
    };
    j.send(Visibility{false});
    j.send(Visibility{true});  // back in view before the registration answered
    j.send(Connectivity{false});
    j.send(Connectivity{true});
    CHECK(sessions_asked() == 0);
    j.answer("PUT", "/api/token/", 201, "{}");
    j.send(Visibility{false});
    j.send(Visibility{true});
    CHECK(sessions_asked() == 1);  // registered: now a tab elsewhere could have started one
}

TEST_CASE("a refused start's outcome leads to the location's other connectors, or back to the price") {
    Journey j;
    j.charging();
    j.answer("GET", "/api/session/status", 200,
             R"({"status":"REJECTED","error":"EVSE_NOT_AVAILABLE","locationId":")" + kLocationId +
                 R"(","evseUid":")" + kEvse + R"(","connectorId":"1"})");
    REQUIRE(j.m.screen == Screen::Receipt);
    const auto outcome = session_outcome(*j.m.receipt);
    REQUIRE(outcome.has_value());
    CHECK(outcome->next.front() == NextStep::OtherConnector);
    // The location is the one loaded: its connectors again, asked for afresh (their statuses move).
    const auto effects = j.intent(intent::ChooseOtherConnector{});
    CHECK(j.m.screen == Screen::Location);
    CHECK_FALSE(j.m.receipt.has_value());
    const auto reqs = requests(effects);
    REQUIRE(reqs.size() == 1);
    CHECK(starts_with(reqs[0].path, "/api/locations/" + kLocationId));
    // Nothing to leave from without an outcome on screen.
    CHECK(requests(j.intent(intent::ChooseOtherConnector{})).empty());
    CHECK(j.m.screen == Screen::Location);
}

TEST_CASE("the receipt keeps the price the session ran under and names the charger as the location does") {
    Journey j;
    j.charging();
    Tariff t;
    t.currency = "EUR";
    t.elements.push_back(TariffElement{{PriceComponent{PriceType::Time, "TIME", 351'000, 60, 13.0, {}}}});
    j.session()->tariff = t;
    j.answer("GET", "/api/session/status", 200,
             R"({"status":"CDR_AVAILABLE","locationId":")" + kLocationId + R"(","evseUid":")" + kEvse +
                 R"(","connectorId":"1","energyInKwh":1.5,"totalCosts":2.0,"currency":"EUR",
                 "costBreakdown":{"retailSegments":[{"items":[{"dimension":"TIME","price":0.00585,"quantity":3,"roundedCost":0.02,"unit":"MIN"}]}]}})");
    REQUIRE(j.m.screen == Screen::Receipt);
    CHECK_FALSE(session_outcome(*j.m.receipt).has_value());
    REQUIRE(j.m.receipt_tariff.has_value());
    const ReceiptContext c = receipt_context(j.m);
    CHECK(c.charger_name == "Chargestation-1");
    const auto rows = receipt_rows(*j.m.receipt, c);
    const auto line = std::find_if(rows.begin(), rows.end(), [](const ReceiptRow& r) { return r.kind == ReceiptRow::Kind::Cost; });
    REQUIRE(line != rows.end());
    CHECK(line->note == "billed per started minute");
    j.intent(intent::Finish{});
    CHECK_FALSE(j.m.receipt_tariff.has_value());
    CHECK(j.m.screen == Screen::Map);
}

// A start the network sent twice (a browser re-sends a POST whose connection closed unanswered):
// the first took the charger, the second is refused as the charger being busy. The driver's own
// running session is found and shown, not "not available".
TEST_CASE("a start refused because the driver's own first start took the charger shows that session") {
    Journey j;
    j.charging();  // the answer that came is the second start's
    const std::string refused = j.session()->id;
    auto effects = j.answer("GET", "/api/session/status", 200,
                            R"({"status":"REJECTED","error":"EVSE_NOT_AVAILABLE","locationId":")" + kLocationId +
                                R"(","evseUid":")" + kEvse + R"(","connectorId":"1"})");
    REQUIRE(list_requests(effects) == 1);  // who holds the charger: this token's list is asked at once
    effects = j.answer("GET", "/api/token/", 200,
                       history({{refused, "REJECTED", kEvse, format_iso8601_utc(j.now)},
                                {"sess-first", "CHARGING", kEvse, format_iso8601_utc(j.now - Millis{1000})}}));
    REQUIRE(j.session() != nullptr);
    CHECK(j.session()->id == "sess-first");
    CHECK(j.m.screen == Screen::Session);
    CHECK_FALSE(j.m.receipt.has_value());
    CHECK(count_sent(j, "POST", "/api/session/start") == 1);
}

TEST_CASE("a start refused for a charger busy with someone else still says so") {
    Journey j;
    j.charging();
    const std::string refused = j.session()->id;
    j.answer("GET", "/api/session/status", 200,
             R"({"status":"REJECTED","error":"EVSE_NOT_AVAILABLE","locationId":")" + kLocationId +
                 R"(","evseUid":")" + kEvse + R"(","connectorId":"1"})");
    j.answer("GET", "/api/token/", 200, history({{refused, "REJECTED", kEvse, format_iso8601_utc(j.now)}}));
    CHECK(j.m.screen == Screen::Receipt);
    REQUIRE(j.m.receipt.has_value());
    CHECK(j.m.receipt->error == "EVSE_NOT_AVAILABLE");
    CHECK(j.m.sessions.empty());
}
