// The charge journey driven through update(): events in, effects checked, no browser, no network.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "core/journey/journey.hpp"
#include "core/api/json_read.hpp"
#include "journey_harness.hpp"
#include "seed_bodies.hpp"

using namespace core;
using namespace test;


TEST_CASE("boot with empty storage: new token persisted, registered, map asked for, wallet once registered") {
    Journey j;
    const auto effects = j.boot();
    const auto saved = persists(effects);
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].key == kKeyAppToken);
    CHECK(saved[0].value == "app-" + kHex);
    CHECK(j.m.app_token == "app-" + kHex);
    CHECK(j.m.booted);
    CHECK(j.m.screen == Screen::Map);

    const auto reqs = journey_requests(effects);
    // A token made just now has no sessions to look for, and its wallet is asked for only once the
    // token is registered (asked together, the wallet could reach the service first and be refused).
    REQUIRE(reqs.size() == 1);
    CHECK(reqs[0].method == "PUT");
    CHECK(reqs[0].path == "/api/token/app-" + kHex);
    // The map asks for the areas of its first view (map/planner_test has the details).
    const auto all = requests(effects);
    REQUIRE(all.size() > 1);
    for (const auto& r : all) {
        CHECK(r.timeout_ms == 15000);
        CHECK(r.id > 0);
        if (r.id != reqs[0].id) CHECK(starts_with(r.path, "/api/locations/boundingbox?"));
    }
    CHECK(map_loading(j.m.map));

    const auto after_register = requests(j.answer("PUT", "/api/token/", 200, "{}"));
    // The wallet, and the driver's favourites for the map (so its list and stars are right).
    REQUIRE(after_register.size() == 2);
    CHECK(after_register[0].path == "/api/payment/app-" + kHex + "/wallet");
    CHECK(starts_with(after_register[1].path, "/api/favorites/app-" + kHex + "/locations?"));

    // The map answer fills the map.
    j.answer("GET", "/api/locations/boundingbox", 200, seed::kSeedBoundingBox);
    CHECK(j.m.map.locations.size() == 2);

    // A second Boot (e.g. a duplicated load event) changes nothing.
    CHECK(j.boot().empty());
}

TEST_CASE("boot with a stored token reuses it without writing it again") {
    Journey j;
    const auto effects = j.boot({{kKeyAppToken, "driver 7/ä"}});
    CHECK(persists(effects).empty());
    CHECK(j.m.app_token == "driver 7/ä");
    CHECK(journey_requests(effects)[0].path == "/api/token/driver%207%2F%C3%A4");
    // Sessions started elsewhere for this token: the list from 48 h back.
    REQUIRE(journey_requests(effects).size() == 3);
    CHECK(journey_requests(effects)[2].path ==
          "/api/token/driver%207%2F%C3%A4/sessions?filter.dateTimeFrom=2021-06-12T08%3A57%3A00Z&sortDesc=true");
}

TEST_CASE("boot with a stored active session goes to the session and polls at once") {
    Journey j;
    const auto effects = j.boot({{kKeyAppToken, "app-1"},
                                 {kKeyActiveSessions, std::string(R"([{"id":"s/1","locationId":"L","evseUid":"E","connectorId":"1","status":)") +
                                                          seed::kSeedStatusCharging + "}]"}});
    CHECK(j.m.screen == Screen::Session);
    REQUIRE((j.session() != nullptr));
    CHECK(j.session()->id == "s/1");
    CHECK(j.session()->evse_uid == "E");
    REQUIRE(j.session()->last.has_value());
    CHECK(j.session()->last->status == SessionStatusCode::Charging);
    const auto reqs = journey_requests(effects);
    REQUIRE(reqs.size() == 4);  // register, wallet, the status poll, the session list
    CHECK(reqs[2].method == "GET");
    CHECK(reqs[2].path == "/api/session/status?appToken=app-1&chargeSessionId=s%2F1");
    CHECK(starts_with(reqs[3].path, "/api/token/app-1/sessions?"));
    CHECK(can_stop(j.m));
    CHECK_FALSE(can_start(j.m));
}

TEST_CASE("boot with unreadable stored session clears it") {
    Journey j;
    const auto effects = j.boot({{kKeyAppToken, "app-1"}, {kKeyActiveSessions, "{broken"}, {kKeyStartPending, "[1]"}});
    CHECK(j.m.screen == Screen::Map);
    CHECK_FALSE((j.session() != nullptr));
    CHECK_FALSE(j.m.start_marker.has_value());
    const auto saved = persists(effects);
    REQUIRE(saved.size() == 2);
    CHECK(saved[0].key == kKeyActiveSessions);
    CHECK_FALSE(saved[0].value.has_value());
    CHECK(saved[1].key == kKeyStartPending);
    CHECK_FALSE(saved[1].value.has_value());
    CHECK(journey_requests(effects).size() == 3);  // register, wallet, the session list
}

TEST_CASE("intents before boot do nothing") {
    Journey j;
    CHECK(j.intent(MapIntent{intent::MapMoved{}}).empty());
    CHECK(j.intent(intent::StartCharging{}).empty());
    CHECK(j.tick().empty());
    CHECK_FALSE(j.m.booted);
}

TEST_CASE("happy path: from a location to the receipt") {
    Journey j;
    j.ready();
    CHECK(j.m.token_registered);
    CHECK(j.m.wallet_loaded);
    REQUIRE(j.m.wallet.size() == 1);

    auto effects = j.intent(intent::OpenLocation{kLocationId});
    CHECK(j.m.screen == Screen::Location);
    CHECK(j.m.location_loading);
    REQUIRE(requests(effects).size() == 1);
    CHECK(requests(effects)[0].path == "/api/locations/" + kLocationId);
    j.answer("GET", "/api/locations/", 200, seed::kSeedLocation);
    REQUIRE(j.m.location.has_value());
    CHECK(j.m.location->evses.size() == 4);
    CHECK_FALSE(j.m.location_loading);

    effects = j.intent(intent::ChooseConnector{kEvse, "1"});
    CHECK(j.m.screen == Screen::Price);
    CHECK(j.m.tariffs_loading);
    REQUIRE(requests(effects).size() == 2);  // published price + price per payment method; wallet already loaded
    CHECK(requests(effects)[0].path == "/api/tariff/evse/" + kLocationId + "/" + kEvse + "?connectorId=1");
    CHECK(requests(effects)[1].path == "/api/tariff/app-" + kHex + "/evse/" + kLocationId + "/" + kEvse + "?connectorId=1");
    REQUIRE(chosen_connector(j.m) != nullptr);
    CHECK(chosen_connector(j.m)->kw == 7);
    CHECK_FALSE(can_start(j.m));  // no price yet

    j.answer("GET", "/api/tariff/", 200, seed::kSeedTariffs);
    REQUIRE(j.m.tariffs.size() == 2);
    // The external method is VALID but not compatible here; the card will be the usable one, but
    // it is still being checked: chosen, and Start waits for it.
    CHECK(j.m.chosen_payment_method_id == kCard);
    REQUIRE(chosen_tariff_item(j.m) != nullptr);
    CHECK_FALSE(can_start(j.m));
    REQUIRE(j.m.tariff_refresh_at.has_value());
    j.now = *j.m.tariff_refresh_at;
    j.tick();
    j.answer("GET", "/api/tariff/app-", 200, test::verified_seed_tariffs());
    CHECK(j.m.chosen_payment_method_id == kCard);
    CHECK(can_start(j.m));

    effects = j.intent(intent::StartCharging{});
    CHECK(j.m.start_in_flight);
    CHECK_FALSE(can_start(j.m));
    // The start is written down before it is sent.
    REQUIRE(effects.size() >= 2);
    REQUIRE(std::holds_alternative<Persist>(effects[0]));
    CHECK(std::get<Persist>(effects[0]).key == kKeyStartPending);
    const auto marker = decode_start_marker(*std::get<Persist>(effects[0]).value);
    REQUIRE(marker.has_value());
    CHECK(marker->evse_uid == kEvse);
    CHECK(marker->at == j.now);
    CHECK(std::holds_alternative<HttpRequest>(effects[1]));
    auto reqs = requests(effects);
    REQUIRE(reqs.size() == 1);
    CHECK(reqs[0].method == "POST");
    CHECK(reqs[0].path == "/api/session/start?appToken=app-" + kHex);
    const Json body = Json::parse(reqs[0].body);
    CHECK(body["locationId"] == kLocationId);
    CHECK(body["evseUid"] == kEvse);
    CHECK(body["connectorId"] == "1");
    CHECK(body["paymentMethodId"] == kCard);
    CHECK(std::count(reqs[0].headers.begin(), reqs[0].headers.end(),
                     std::pair<std::string, std::string>("Content-Type", "application/json")) == 1);

    effects = j.answer("POST", "/api/session/start", 200, seed::kSeedStart);
    CHECK(j.m.screen == Screen::Session);
    CHECK_FALSE(j.m.start_in_flight);
    REQUIRE((j.session() != nullptr));
    CHECK(j.session()->id == kSessionId);
    CHECK(j.session()->location_id == kLocationId);
    CHECK(j.session()->evse_uid == kEvse);
    auto saved = persists(effects);
    REQUIRE(saved.size() == 2);
    CHECK(saved[0].key == kKeyActiveSessions);
    const Json stored = Json::parse(*saved[0].value)[0];
    CHECK(stored["id"] == kSessionId);
    CHECK(stored["locationId"] == kLocationId);
    CHECK(stored["evseUid"] == kEvse);
    CHECK(stored["connectorId"] == "1");
    CHECK(saved[1].key == kKeyStartPending);  // settled: the marker goes after the session is stored
    CHECK_FALSE(saved[1].value.has_value());
    CHECK_FALSE(j.m.start_marker.has_value());
    CHECK(announcements(effects) == std::vector<std::string>{"Start requested"});
    reqs = requests(effects);
    REQUIRE(reqs.size() == 1);
    CHECK(reqs[0].path == "/api/session/status?appToken=app-" + kHex + "&chargeSessionId=" + kSessionId);

    // Before CHARGING: every 3 s.
    effects = j.answer("GET", "/api/session/status", 200, R"({"status":"STARTING"})");
    CHECK(wake(effects) == j.now + Millis{3000});
    CHECK(announcements(effects) == std::vector<std::string>{"Charger accepted, plug in your car"});
    CHECK(j.tick().empty() == false);  // woken early: asks again for the due time
    CHECK(requests(j.last).empty());
    j.now += Millis{3000};
    effects = j.tick();
    REQUIRE(requests(effects).size() == 1);

    // CHARGING: the seed proposes 09:04:03, seven minutes away; kept to 30 s.
    effects = j.answer("GET", "/api/session/status", 200, seed::kSeedStatusCharging);
    CHECK(announcements(effects) == std::vector<std::string>{"Charging"});
    CHECK(wake(effects) == j.now + Millis{30000});
    saved = persists(effects);
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].key == kKeyActiveSessions);
    CHECK(Json::parse(*saved[0].value)[0]["status"] == Json::parse(seed::kSeedStatusCharging));
    CHECK(j.session()->last->energy_kwh == Approx(10.15));
    CHECK(j.session()->last_update == j.now);

    // The same status again is not announced again.
    j.now += Millis{30000};
    j.tick();
    effects = j.answer("GET", "/api/session/status", 200, seed::kSeedStatusCharging);
    CHECK(announcements(effects).empty());

    CHECK(can_stop(j.m));
    CHECK_FALSE(is_stopping(j.m));
    effects = j.intent(intent::StopCharging{});
    reqs = requests(effects);
    REQUIRE(reqs.size() == 1);
    CHECK(reqs[0].method == "POST");
    CHECK(reqs[0].path == "/api/session/stop?appToken=app-" + kHex);
    CHECK(Json::parse(reqs[0].body) == Json{{"chargeSessionId", kSessionId}});
    CHECK(is_stopping(j.m));
    CHECK_FALSE(can_stop(j.m));
    CHECK(requests(j.intent(intent::StopCharging{})).empty());  // no second stop

    effects = j.answer("POST", "/api/session/stop", 200, seed::kSeedStopCdr);
    CHECK(j.m.screen == Screen::Receipt);
    CHECK_FALSE((j.session() != nullptr));
    REQUIRE(j.m.receipt.has_value());
    CHECK(j.m.receipt->total_costs == 20'450'000);
    saved = persists(effects);
    REQUIRE(saved.size() == 1);  // over: nothing left to resume
    CHECK(saved[0].key == kKeyActiveSessions);
    CHECK_FALSE(saved[0].value.has_value());
    CHECK(announcements(effects) == std::vector<std::string>{"Finished", "Your receipt is ready"});
    for (const auto& [id, p] : j.m.pending) CHECK(p.kind != RequestKind::Status);
    CHECK(j.tick().empty());  // no more polling

    j.intent(intent::Finish{});
    CHECK(j.m.screen == Screen::Map);
    CHECK_FALSE(j.m.receipt.has_value());
}

TEST_CASE("a status proposing a near next call is followed, within bounds") {
    Journey j;
    j.charging();
    auto body = Json::parse(seed::kSeedStatusCharging);
    body["nextStatusCall"] = format_iso8601_utc(j.now + Millis{10000});
    CHECK(wake(j.answer("GET", "/api/session/status", 200, body.dump())) == j.now + Millis{10000});
    j.now += Millis{10000};
    j.tick();
    body["nextStatusCall"] = format_iso8601_utc(j.now - Millis{60000});  // in the past (clock skew)
    CHECK(wake(j.answer("GET", "/api/session/status", 200, body.dump())) == j.now + Millis{2000});
}

TEST_CASE("a refused start shows the service's words and keeps no session") {
    Journey j;
    j.at_price();
    j.intent(intent::StartCharging{});
    const auto effects = j.answer(
        "POST", "/api/session/start", 400,
        R"({"validationMessages":[{"code":"EVSE_OCCUPIED","message":"The charge point is occupied."}],"message":"Bad request"})");
    // A clear no: the start marker goes, nothing else is stored.
    REQUIRE(persists(effects).size() == 1);
    CHECK(persists(effects)[0].key == kKeyStartPending);
    CHECK_FALSE(persists(effects)[0].value.has_value());
    CHECK(requests(effects).empty());
    CHECK_FALSE((j.session() != nullptr));
    CHECK(j.m.screen == Screen::Price);
    REQUIRE(j.m.message.has_value());
    CHECK(j.m.message->text == Str::ErrorStartFailed);
    CHECK(j.m.message->detail == "The charge point is occupied.");
    CHECK_FALSE(j.m.start_in_flight);
    CHECK(can_start(j.m));  // the driver may try again

    j.intent(intent::DismissError{});
    CHECK_FALSE(j.m.message.has_value());
}

TEST_CASE("a double tap on start sends one request") {
    Journey j;
    j.at_price();
    CHECK(requests(j.intent(intent::StartCharging{})).size() == 1);
    CHECK(requests(j.intent(intent::StartCharging{})).empty());
    j.answer("POST", "/api/session/start", 200, seed::kSeedStart);
    // With a session running, no second one, even from another connector.
    CHECK_FALSE(can_start(j.m));
    CHECK(requests(j.intent(intent::StartCharging{})).empty());
}

TEST_CASE("start needs a connector and a usable payment method") {
    Journey j;
    j.ready();
    j.intent(intent::OpenLocation{kLocationId});
    j.answer("GET", "/api/locations/", 200, seed::kSeedLocation);
    j.intent(intent::ChooseConnector{kEvse, "9"});  // no such connector: ignored
    CHECK(j.m.screen == Screen::Location);
    j.intent(intent::ChooseConnector{kEvse, "1"});
    j.answer("GET", "/api/tariff/", 200, R"({"data":[
        {"validity":"NOT_COMPATIBLE","paymentMethod":{"id":"a","verificationStatus":"VALID"}},
        {"validity":"VALID","paymentMethod":{"id":"b","verificationStatus":"INVALID"}},
        {"validity":"VALID","paymentMethod":{"id":"c","isCompatible":false}}]})");
    CHECK(j.m.chosen_payment_method_id.empty());
    CHECK_FALSE(can_start(j.m));
    CHECK(requests(j.intent(intent::StartCharging{})).empty());
    j.intent(intent::ChoosePaymentMethod{"b"});  // known, but not usable
    CHECK(j.m.chosen_payment_method_id == "b");
    CHECK_FALSE(can_start(j.m));
    j.intent(intent::ChoosePaymentMethod{"nope"});  // unknown: ignored
    CHECK(j.m.chosen_payment_method_id == "b");
}

TEST_CASE("network errors while polling keep the session and back off") {
    Journey j;
    j.charging();
    std::vector<Millis> delays;
    for (int i = 0; i < 7; ++i) {
        const auto effects = j.answer("GET", "/api/session/status", i % 2 == 0 ? 0 : 503, "upstream down");
        REQUIRE((j.session() != nullptr));
        CHECK(j.m.screen == Screen::Session);
        REQUIRE(j.m.message.has_value());
        CHECK(j.m.message->text == Str::ErrorPollFailed);
        CHECK(persists(effects).empty());  // the stored session stays as it was
        const auto at = wake(effects);
        REQUIRE(at.has_value());
        delays.push_back(std::chrono::duration_cast<Millis>(*at - j.now));
        CHECK(requests(j.tick()).empty());  // not due yet
        j.now = *at;
        REQUIRE(requests(j.tick()).size() == 1);
    }
    // 3, 6, 12, 24 s less a little jitter, then capped at 30 s.
    CHECK(delays[0] > Millis{2600});
    CHECK(delays[0] <= Millis{3000});
    for (size_t i = 1; i < 4; ++i) CHECK(delays[i] > delays[i - 1]);
    for (const auto d : delays) CHECK(d <= Millis{30000});
    CHECK(delays[4] > Millis{26000});
    CHECK(delays[6] > Millis{26000});
    CHECK(j.session()->consecutive_failures == 7);

    // Back online: the message goes, the rhythm resets.
    const auto effects = j.answer("GET", "/api/session/status", 200, R"({"status":"CHARGING"})");
    CHECK_FALSE(j.m.message.has_value());
    CHECK(j.session()->consecutive_failures == 0);
    CHECK(wake(effects) == j.now + Millis{3000});
}

TEST_CASE("the backoff jitter is reproducible and differs between phones") {
    auto first_backoff = [](const std::string& token) {
        Journey j;
        j.boot({{kKeyAppToken, token}, {kKeyActiveSessions, R"([{"id":"s1"}])"}});
        const auto at = wake(j.answer("GET", "/api/session/status", 0));
        REQUIRE(at.has_value());
        return *at - j.now;
    };
    CHECK(first_backoff("app-aaaa") == first_backoff("app-aaaa"));  // no clock, no rand()
    std::set<int64_t> seen;
    for (const char* token : {"app-aaaa", "app-bbbb", "app-cccc", "app-dddd", "app-eeee"})
        seen.insert(std::chrono::duration_cast<Millis>(first_backoff(token)).count());
    CHECK(seen.size() > 1);
}

TEST_CASE("an unknown status value is kept, shown and polled on") {
    Journey j;
    j.charging();
    const auto effects = j.answer("GET", "/api/session/status", 200, R"({"status":"HYPERCHARGING","energyInKwh":1.5})");
    REQUIRE((j.session() != nullptr));
    CHECK(j.m.screen == Screen::Session);
    CHECK(j.session()->last->status == SessionStatusCode::Unknown);
    CHECK(j.session()->last->status_raw == "HYPERCHARGING");
    CHECK(announcements(effects) == std::vector<std::string>{"Unknown status: HYPERCHARGING"});
    CHECK_FALSE(j.m.message.has_value());
    CHECK(wake(effects) == j.now + Millis{3000});
    j.now += Millis{3000};
    CHECK(requests(j.tick()).size() == 1);
    CHECK(can_stop(j.m));
}

TEST_CASE("an unreadable status body is a failed poll, not a crash") {
    Journey j;
    j.charging();
    const auto effects = j.answer("GET", "/api/session/status", 200, "<html>oops");
    REQUIRE((j.session() != nullptr));
    CHECK(j.m.message->text == Str::ErrorBadData);
    CHECK(wake(effects).has_value());
}

TEST_CASE("a failed stop can be retried") {
    Journey j;
    j.charging();
    j.answer("GET", "/api/session/status", 200, seed::kSeedStatusCharging);
    j.intent(intent::StopCharging{});
    CHECK(is_stopping(j.m));
    // A clear refusal (4xx) hands the choice back to the driver; no-answer cases retry by themselves.
    auto effects = j.answer("POST", "/api/session/stop", 409, R"({"message":"Charger did not answer"})");
    REQUIRE((j.session() != nullptr));
    CHECK_FALSE(j.session()->stop_requested);
    CHECK_FALSE(is_stopping(j.m));
    CHECK(can_stop(j.m));
    CHECK(j.m.message->text == Str::ErrorStopFailed);
    CHECK(j.m.message->detail == "Charger did not answer");
    CHECK(persists(effects).empty());

    effects = j.intent(intent::StopCharging{});
    REQUIRE(requests(effects).size() == 1);
    CHECK_FALSE(j.m.message.has_value());
    // Accepted: STOPPING, then polled every 3 s until the receipt.
    effects = j.answer("POST", "/api/session/stop", 200, R"({"status":"STOPPING"})");
    CHECK(is_stopping(j.m));
    CHECK(wake(effects) == j.now + Millis{3000});
    j.now += Millis{3000};
    j.tick();
    j.answer("GET", "/api/session/status", 200, R"({"status":"COMPLETED","totalCosts":3.1})");
    CHECK(j.m.screen == Screen::Session);  // CDR_AVAILABLE normally follows
    CHECK(is_stopping(j.m));
    j.now += Millis{3000};
    j.tick();
    j.answer("GET", "/api/session/status", 200, seed::kSeedStopCdr);
    CHECK(j.m.screen == Screen::Receipt);
    CHECK(j.m.receipt->status == SessionStatusCode::CdrAvailable);
}

TEST_CASE("COMPLETED without a CDR becomes the receipt after a grace period") {
    Journey j;
    j.charging();
    j.answer("GET", "/api/session/status", 200, R"({"status":"COMPLETED","totalCosts":3.1})");
    const TimePoint first = j.now;
    while (j.session() && j.now - first < kCompletedGrace + Millis{10000}) {
        j.now += Millis{3000};
        j.tick();
        j.answer("GET", "/api/session/status", 200, R"({"status":"COMPLETED","totalCosts":3.1})");
    }
    CHECK_FALSE((j.session() != nullptr));
    CHECK(j.now - first >= kCompletedGrace);
    CHECK(j.now - first < kCompletedGrace + Millis{3000});
    CHECK(j.m.screen == Screen::Receipt);
    CHECK(j.m.receipt->total_costs == 3'100'000);
}

TEST_CASE("a rejected start ends the session with the reason") {
    Journey j;
    j.charging();
    const auto effects = j.answer("GET", "/api/session/status", 200, R"({"status":"REJECTED","error":"INVALID_TOKEN"})");
    CHECK_FALSE((j.session() != nullptr));
    CHECK(j.m.screen == Screen::Receipt);
    CHECK(j.m.receipt->error == "INVALID_TOKEN");
    CHECK(announcements(effects) == std::vector<std::string>{"The charger refused to start"});
    CHECK(persists(effects).size() == 1);
}

TEST_CASE("a session the service keeps refusing to know is given up") {
    Journey j;
    j.charging();
    for (int i = 0; i < kMaxClientErrors; ++i) {
        REQUIRE((j.session() != nullptr));
        j.answer("GET", "/api/session/status", 404, "\"Session not found\"");
        if (j.session()) {
            j.now = j.session()->next_poll;
            j.tick();
        }
    }
    CHECK_FALSE((j.session() != nullptr));
    CHECK(j.m.screen == Screen::Map);
    CHECK(j.m.message->text == Str::ErrorSessionLost);
    CHECK(j.m.message->detail == "Session not found");
    const auto saved = persists(j.last);
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].key == kKeyActiveSessions);
    CHECK_FALSE(saved[0].value.has_value());
}

TEST_CASE("stale and unknown responses are ignored") {
    Journey j;
    j.ready();
    // (stale map answers: see map/planner_test)
    // An id nobody asked for changes nothing.
    const Screen before = j.m.screen;
    CHECK(j.respond(999, 200, seed::kSeedLocation).empty());
    CHECK(j.m.screen == before);
    CHECK_FALSE(j.m.location.has_value());

    // Opening another location before the first answered: only the second counts.
    const int first = requests(j.intent(intent::OpenLocation{"first"}))[0].id;
    j.intent(intent::OpenLocation{kLocationId});
    j.respond(first, 200, R"({"id":"first"})");
    CHECK_FALSE(j.m.location.has_value());
    j.answer("GET", "/api/locations/", 200, seed::kSeedLocation);
    CHECK(j.m.location->id == kLocationId);
}

TEST_CASE("a location that fails to load sends the driver back to the map") {
    Journey j;
    j.ready();
    j.intent(intent::OpenLocation{"nl-gfx-missing"});
    j.answer("GET", "/api/locations/", 404, "\"Location not found\"");
    CHECK(j.m.screen == Screen::Map);
    CHECK(j.m.message->text == Str::ErrorLocation);
    CHECK(j.m.message->detail == "Location not found");
}

TEST_CASE("charge card number is checked before it is sent") {
    Journey j;
    j.at_price();
    j.intent(intent::OpenAddCard{});
    CHECK(j.m.screen == Screen::AddCard);
    for (const char* bad : {"", "12 3", "12345", "abc!def12", "1234567890123456789012345678901", "77067410996300283€"}) {
        INFO(bad);
        const auto effects = j.intent(intent::AddChargeCard{bad});
        CHECK(requests(effects).empty());
        REQUIRE(j.m.message.has_value());
        CHECK(j.m.message->text == Str::ErrorCardFormat);
        CHECK_FALSE(j.m.card_adding);
    }
    CHECK(normalize_card_number("7706 7410-9963 0028 36") == "770674109963002836");
    CHECK(normalize_card_number("NL-GFX-123456") == "NLGFX123456");
    CHECK(normalize_card_number("123456789012345678901234567890").has_value());

    auto effects = j.intent(intent::AddChargeCard{"7706 7410 9963 0028 36"});
    CHECK_FALSE(j.m.message.has_value());
    CHECK(j.m.card_adding);
    auto reqs = requests(effects);
    REQUIRE(reqs.size() == 1);
    CHECK(reqs[0].method == "PUT");
    CHECK(reqs[0].path == "/api/payment/app-" + kHex + "/chargecard");
    CHECK(Json::parse(reqs[0].body) == Json::parse(seed::kSeedChargeCardRequest));
    CHECK(requests(j.intent(intent::AddChargeCard{"770674109963002836"})).empty());  // one at a time

    // Refused: the service's words, still on the form.
    j.answer("PUT", "/api/payment/", 400, R"({"validationMessages":[{"code":"CARD","message":"Unknown card."}]})");
    CHECK(j.m.screen == Screen::AddCard);
    CHECK(j.m.message->text == Str::ErrorCardRejected);
    CHECK(j.m.message->detail == "Unknown card.");

    // Accepted: chosen, wallet and price asked again, back to the price.
    j.intent(intent::AddChargeCard{"770674109963002836"});
    effects = j.answer("PUT", "/api/payment/", 200, R"({"id":"new-card","type":"CHARGE_CARD","verificationStatus":"PENDING"})");
    CHECK(j.m.screen == Screen::Price);
    CHECK(j.m.chosen_payment_method_id == "new-card");
    reqs = requests(effects);
    REQUIRE(reqs.size() == 2);
    CHECK(starts_with(reqs[0].path, "/api/payment/app-" + kHex + "/wallet"));
    CHECK(starts_with(reqs[1].path, "/api/tariff/"));
    CHECK(j.m.tariffs_loading);
    CHECK_FALSE(can_start(j.m));  // the new price is not in yet
    j.answer("GET", "/api/tariff/", 200, R"({"data":[{"validity":"UNKNOWN","paymentMethod":{"id":"new-card","isCompatible":true,"verificationStatus":"PENDING"}},
        {"validity":"VALID","paymentMethod":{"id":"other"}}]})");
    CHECK(j.m.chosen_payment_method_id == "new-card");  // the driver's new card stays chosen while it is checked
    CHECK_FALSE(can_start(j.m));
    j.now = *j.m.tariff_refresh_at;
    j.tick();
    j.answer("GET", "/api/tariff/", 200, R"({"data":[{"validity":"VALID","paymentMethod":{"id":"new-card","isCompatible":true,"verificationStatus":"VALID"}},
        {"validity":"VALID","paymentMethod":{"id":"other"}}]})");
    CHECK(j.m.chosen_payment_method_id == "new-card");
    CHECK(can_start(j.m));
    // A price the service could not tell for a method it has not verified is not started with.
    WalletTariffItem unclear;
    unclear.validity = TariffValidity::Unknown;
    CHECK_FALSE(payment_usable(unclear));
    unclear.payment_method.verification = VerificationStatus::Valid;
    CHECK(payment_usable(unclear));
}

TEST_CASE("adding a card from the map returns to the map") {
    Journey j;
    j.ready();
    j.intent(intent::OpenAddCard{});
    j.intent(intent::Back{});
    CHECK(j.m.screen == Screen::Map);
    j.intent(intent::OpenAddCard{});
    const auto effects = j.intent(intent::AddChargeCard{"ABC123"});
    REQUIRE(requests(effects).size() == 1);
    const auto after = j.answer("PUT", "/api/payment/", 200, R"({"id":"c1"})");
    CHECK(j.m.screen == Screen::Map);
    REQUIRE(requests(after).size() == 1);  // wallet only: no connector, no tariff
    CHECK(j.m.wallet.back().id == "c1");
}

TEST_CASE("back walks the screens, from a running session to the map, the session kept") {
    Journey j;
    j.at_price();
    j.intent(intent::OpenAddCard{});
    j.intent(intent::Back{});
    CHECK(j.m.screen == Screen::Price);
    j.intent(intent::Back{});
    CHECK(j.m.screen == Screen::Location);
    CHECK(j.m.chosen_connector_id.empty());
    j.intent(intent::Back{});
    CHECK(j.m.screen == Screen::Map);
    j.intent(intent::Back{});
    CHECK(j.m.screen == Screen::Map);

    Journey s;
    s.charging();
    s.intent(intent::Back{});
    CHECK(s.m.screen == Screen::Map);
    CHECK(s.m.sessions.size() == 1);
}

TEST_CASE("a price that fails to load says so") {
    Journey j;
    j.at_connector();
    j.answer("GET", "/api/tariff/", 404, R"({"title":"Not Found","detail":"No tariff for this EVSE"})");
    CHECK_FALSE(j.m.tariffs_loading);
    CHECK(j.m.message->text == Str::ErrorPrice);
    CHECK(j.m.message->detail == "No tariff for this EVSE");
    CHECK_FALSE(can_start(j.m));
}

TEST_CASE("a price that got no answer is asked for again while its screen is open, and the note goes when it comes") {
    Journey j;
    j.at_connector();
    auto effects = j.answer("GET", "/api/tariff/" + j.m.app_token, 503, R"({"title":"Service Unavailable"})");
    REQUIRE(j.m.message.has_value());
    CHECK(j.m.message->text == Str::ErrorPrice);
    CHECK_FALSE(can_start(j.m));
    const auto due = wake(effects);
    REQUIRE(due.has_value());
    CHECK(*due == j.now + Millis{2000});
    j.now = *due;
    const auto asked = requests(j.tick());
    REQUIRE(asked.size() == 1);
    CHECK(asked[0].path.rfind("/api/tariff/" + j.m.app_token + "/evse/", 0) == 0);
    j.respond(asked[0].id, 200, verified_seed_tariffs());
    CHECK_FALSE(j.m.message.has_value());
    CHECK(can_start(j.m));

    // A 404 will not change by asking again: said, and not asked again.
    j.intent(intent::Back{});
    effects = j.intent(intent::ChooseConnector{kEvse, "1"});
    for (const auto& r : requests(effects))
        if (r.path.rfind("/api/tariff/" + j.m.app_token, 0) == 0) effects = j.respond(r.id, 404, R"({"title":"Not Found"})");
    CHECK(j.m.message->text == Str::ErrorPrice);
    CHECK_FALSE(j.m.tariff_refresh_at.has_value());
}

TEST_CASE("a failed registration is retried before the next request that needs the token") {
    Journey j;
    j.boot();
    j.answer("PUT", "/api/token/", 0);
    CHECK_FALSE(j.m.token_registered);
    j.answer("GET", "/api/locations/boundingbox", 200, seed::kSeedBoundingBox);
    j.intent(intent::OpenLocation{kLocationId});
    j.answer("GET", "/api/locations/", 200, seed::kSeedLocation);
    const auto reqs = requests(j.intent(intent::ChooseConnector{kEvse, "1"}));
    REQUIRE(reqs.size() >= 2);
    CHECK(reqs[0].method == "PUT");
    CHECK(starts_with(reqs[0].path, "/api/token/"));
    CHECK(starts_with(reqs[1].path, "/api/tariff/"));
}

// The tariff object of the seed's tariff example.
constexpr const char* kSeedTariffModel = R"({"tariffType":"RETAIL","vatPercentage":13.00,"currency":"EUR","isVatIncluded":true,
  "elements":[{"priceComponents":[{"price":1.64,"type":"FLAT","stepSize":1,"vat":13.00},
  {"price":2.106,"type":"ENERGY","stepSize":1,"vat":13.00},{"price":0.351,"type":"TIME","stepSize":60,"vat":13.00}]}]})";

TEST_CASE("the published price is asked for without a token, so it shows before any card exists") {
    Journey j;
    j.ready();
    j.intent(intent::OpenLocation{kLocationId});
    j.answer("GET", "/api/locations/", 200, seed::kSeedLocation);
    const auto effects = j.intent(intent::ChooseConnector{kEvse, "1"});
    const auto sent = requests(effects);
    const auto published = std::find_if(sent.begin(), sent.end(), [](const HttpRequest& r) {
        return r.path == "/api/tariff/evse/nl-gfx-a2f2ce5a-8721-4077-9739-6d1a6dce20e0/NL-GFX-EChargestation-1?connectorId=1";
    });
    REQUIRE(published != sent.end());
    CHECK(j.m.default_tariff_loading);
    // An empty wallet: no item per payment method, but the connector's price is known.
    j.answer("GET", "/api/tariff/" + j.m.app_token, 200, R"({"data":[],"meta":{"count":0}})");
    j.respond(published->id, 200, std::string(R"({"tariff":)") + kSeedTariffModel + R"(,"validity":"VALID"})");
    REQUIRE(j.m.default_tariff.has_value());
    CHECK_FALSE(j.m.default_tariff_loading);
    REQUIRE(j.m.default_tariff->elements.size() == 1);
    CHECK(j.m.default_tariff->elements[0].components.size() == 3);
    CHECK(j.m.default_tariff->currency == "EUR");

    // 404: no published price; nothing crashes and nothing is invented.
    j.intent(intent::Back{});
    const auto again = requests(j.intent(intent::ChooseConnector{kEvse, "1"}));
    CHECK_FALSE(j.m.default_tariff.has_value());
    for (const auto& r : again)
        if (r.path.rfind("/api/tariff/evse/", 0) == 0) j.respond(r.id, 404, R"({"title":"Not Found","status":404})");
    CHECK_FALSE(j.m.default_tariff.has_value());
    CHECK_FALSE(j.m.default_tariff_loading);
}

TEST_CASE("a card still being checked is never started with: asked about again, slower each time, until it is VALID") {
    Journey j;
    j.at_connector();
    const std::string pending_only =
        R"({"data":[{"validity":"UNKNOWN","paymentMethod":{"id":"card-1","type":"CHARGE_CARD","isCompatible":true,"verificationStatus":"PENDING"}}]})";
    auto effects = j.answer("GET", "/api/tariff/" + j.m.app_token, 200, pending_only);
    // Chosen (it will be usable), but Start stays off and says why.
    REQUIRE(j.m.chosen_payment_method_id == "card-1");
    CHECK_FALSE(can_start(j.m));
    CHECK(start_blocker(j.m) == Str::StartWaitsForCard);
    CHECK(requests(j.intent(intent::StartCharging{})).empty());
    // Asked again after 2 s, then 3 s, then 4.5 s: each wait 1.5 times the one before.
    const Millis waits[] = {Millis{2000}, Millis{3000}, Millis{4500}};
    for (const Millis wait : waits) {
        const auto due = wake(effects);
        REQUIRE(due.has_value());
        CHECK(*due == j.now + wait);
        j.now += wait - Millis{1};
        CHECK(requests(j.tick()).empty());  // too early: nothing is asked
        j.now = *due;
        const auto asked = requests(j.tick());
        REQUIRE(asked.size() == 1);
        CHECK(asked[0].path.rfind("/api/tariff/" + j.m.app_token + "/evse/", 0) == 0);
        effects = j.respond(asked[0].id, 200, pending_only);
    }
    // The waits stop growing at 15 s.
    CHECK(verification_wait(10) == Millis{15000});
    CHECK(verification_wait(30) == Millis{15000});
    // Verified now: Start is on and no further refresh is due.
    j.now = *wake(effects);
    const auto asked = requests(j.tick());
    REQUIRE(asked.size() == 1);
    const std::string verified =
        R"({"data":[{"validity":"VALID","tariff":{"currency":"EUR","elements":[]},"paymentMethod":{"id":"card-1","type":"CHARGE_CARD","isCompatible":true,"verificationStatus":"VALID"}}]})";
    CHECK_FALSE(wake(j.respond(asked[0].id, 200, verified)).has_value());
    CHECK_FALSE(j.m.tariff_refresh_at.has_value());
    CHECK(can_start(j.m));
    CHECK(start_blocker(j.m) == Str::None);
}

TEST_CASE("a recheck of a card that gets no answer is asked again, without an error box") {
    Journey j;
    j.at_connector();
    const std::string pending_only =
        R"({"data":[{"validity":"UNKNOWN","paymentMethod":{"id":"card-1","type":"CHARGE_CARD","isCompatible":true,"verificationStatus":"PENDING"}}]})";
    auto effects = j.answer("GET", "/api/tariff/" + j.m.app_token, 200, pending_only);
    // The first recheck (after 2 s) meets a 503, the second (3 s later) a body cut short.
    for (const auto& [status, body] : {std::pair{503, std::string{R"({"title":"busy"})"}}, std::pair{200, std::string{R"({"data":[{"vali)"}}}) {
        const auto due = wake(effects);
        REQUIRE(due.has_value());
        j.now = *due;
        const auto asked = requests(j.tick());
        REQUIRE(asked.size() == 1);
        effects = j.respond(asked[0].id, status, body);
        CHECK_FALSE(j.m.message.has_value());        // the price already shown stands
        CHECK(j.m.chosen_payment_method_id == "card-1");
        CHECK(start_blocker(j.m) == Str::StartWaitsForCard);
    }
    // Asked once more, 4.5 s later: the card is VALID now and Start comes on.
    const auto due = wake(effects);
    REQUIRE(due.has_value());
    CHECK(*due == j.now + Millis{4500});
    j.now = *due;
    const auto asked = requests(j.tick());
    REQUIRE(asked.size() == 1);
    j.respond(asked[0].id, 200,
        R"({"data":[{"validity":"VALID","tariff":{"currency":"EUR","elements":[]},"paymentMethod":{"id":"card-1","type":"CHARGE_CARD","isCompatible":true,"verificationStatus":"VALID"}}]})");
    CHECK(can_start(j.m));
}

TEST_CASE("a card being checked is not asked about once the price screen is closed") {
    Journey j;
    j.at_connector();
    const auto effects = j.answer("GET", "/api/tariff/" + j.m.app_token, 200,
        R"({"data":[{"validity":"UNKNOWN","paymentMethod":{"id":"card-1","type":"CHARGE_CARD","verificationStatus":"PENDING"}}]})");
    const auto due = wake(effects);
    REQUIRE(due.has_value());
    j.intent(intent::Back{});
    REQUIRE(j.m.screen != Screen::Price);
    j.now = *due;
    for (const auto& r : requests(j.tick())) CHECK(r.path.rfind("/api/tariff/", 0) != 0);
}

TEST_CASE("an INVALID card says so in plain words and can be removed from the price screen") {
    Journey j;
    j.at_connector();
    j.answer("GET", "/api/tariff/" + j.m.app_token, 200,
        R"({"data":[{"validity":"NOT_COMPATIBLE","paymentMethod":{"id":"bad","type":"CHARGE_CARD","isCompatible":true,"verificationStatus":"INVALID"}}]})");
    j.m.chosen_payment_method_id = "bad";  // the driver's pick, even though it cannot be used
    CHECK_FALSE(can_start(j.m));
    CHECK(start_blocker(j.m) == Str::CardInvalidExplain);
    const auto sent = requests(j.intent(intent::RemovePaymentMethod{"bad"}));
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].method == "DELETE");
    CHECK(sent[0].path == "/api/payment/" + j.m.app_token + "/bad");
    // Gone: from the list on screen too, and the prices per method are asked for again.
    const auto after = requests(j.respond(sent[0].id, 204, ""));
    CHECK(j.m.tariffs.empty());
    CHECK(std::any_of(after.begin(), after.end(), [&](const HttpRequest& r) {
        return r.path.rfind("/api/tariff/" + j.m.app_token + "/evse/", 0) == 0;
    }));
}

TEST_CASE("a method the tariff calls incompatible is listed but never chosen, an offline charger offers no start") {
    Journey j;
    j.at_connector();
    j.answer("GET", "/api/tariff/" + j.m.app_token, 200,
        R"({"data":[{"validity":"VALID","tariff":{"currency":"EUR","elements":[]},"paymentMethod":{"id":"room","type":"EXTERNAL","isCompatible":false,"verificationStatus":"VALID"}},
                    {"validity":"NOT_COMPATIBLE","paymentMethod":{"id":"card","type":"CHARGE_CARD","isCompatible":true,"verificationStatus":"VALID"}}]})");
    CHECK(j.m.tariffs.size() == 2);
    CHECK(j.m.chosen_payment_method_id.empty());
    CHECK_FALSE(payment_usable(j.m.tariffs[0]));
    CHECK_FALSE(payment_usable(j.m.tariffs[1]));
    CHECK(payment_reason(j.m.tariffs[0]) == Str::ValidityNotCompatible);
    CHECK(start_blocker(j.m) == Str::NoPaymentMethod);  // nothing here can be used: add a card that can
    j.m.tariffs[1].payment_method.is_compatible = std::nullopt;
    j.m.tariffs[1].validity = TariffValidity::Valid;
    CHECK(start_blocker(j.m) == Str::StartNeedsMethod);  // one can: choose it

    // The same connector, a usable card, but the charger has gone offline (status UNKNOWN).
    j.m.tariffs = {};
    WalletTariffItem ok;
    ok.payment_method.id = "card-2";
    ok.payment_method.verification = VerificationStatus::Valid;
    ok.validity = TariffValidity::Valid;
    j.m.tariffs.push_back(ok);
    j.m.chosen_payment_method_id = "card-2";
    j.m.tariffs_loading = false;
    REQUIRE(can_start(j.m));
    auto& evses = j.m.location->evses;
    const auto chosen = std::find_if(evses.begin(), evses.end(), [](const Evse& e) { return e.uid == kEvse; });
    REQUIRE(chosen != evses.end());
    Evse& evse = *chosen;
    evse.status = EvseStatus::Unknown;
    evse.status_raw = "UNKNOWN";
    CHECK_FALSE(can_start(j.m));
    CHECK(start_blocker(j.m) == Str::ChargerUnreachable);
    evse.status = EvseStatus::OutOfOrder;
    evse.status_raw = "OUTOFORDER";
    CHECK(start_blocker(j.m) == Str::StartChargerBroken);
    // A status value this app does not know is not taken for offline.
    evse.status = EvseStatus::Unknown;
    evse.status_raw = "PREPARING";
    CHECK(can_start(j.m));
}
