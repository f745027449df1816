// The deployment shell around the journey: config at boot, the hotel portal's check-in and stay,
// the kiosk's demo, idle countdown and reset. Events in, effects checked; no browser, no network.
#include <algorithm>

#include <catch2/catch.hpp>

#include "../text/language_guard.hpp"
#include "core/deploy/deployment.hpp"
#include "core/api/json_read.hpp"
#include "core/text/locale_format.hpp"
#include "seed_bodies.hpp"

using namespace core;
using namespace seed;

namespace {

const std::string kHex = "00112233445566778899aabbccddeeff";
const TimePoint kT0 = time_from_ms(1795000000000);  // 2026-11-18
const char* kHotel = "nl-htl-3c1e9a52-6f0d-4b8e-9a27-1d5f0c7b4e61";
const char* kMarga = "nl-gfx-a2f2ce5a-8721-4077-9739-6d1a6dce20e0";

const std::string kPortalConfig = std::string(R"({"mode":"portal","branding":{"displayName":"Hotel Dijkzicht"},
    "locations":{"ids":[")") + kHotel + R"("],"area":{"bottomLeftLat":52.36,"bottomLeftLng":4.9,
    "topRightLat":52.6,"topRightLng":5.9}},"portal":{"timeZone":"Europe/Amsterdam"}})";
const std::string kKioskConfig = std::string(R"({"mode":"kiosk","branding":{"displayName":"Demo"},
    "kiosk":{"idleSeconds":20,"countdownSeconds":5,"demoCard":"DEMO00000001","locationId":")") + kMarga + R"("}})";

struct Harness {
    AppModel m;
    TimePoint now = kT0;
    std::vector<Effect> last;

    std::vector<Effect>& operator()(const AppEvent& e) {
        last = update_app(m, e, now);
        return last;
    }
    std::vector<HttpRequest> requests() const {
        std::vector<HttpRequest> out;
        for (const auto& e : last)
            if (const auto* r = std::get_if<HttpRequest>(&e)) out.push_back(*r);
        return out;
    }
    // The request sent this step whose method and path start like this; fails the test if none.
    HttpRequest request(const std::string& method, const std::string& path_start) const {
        for (const auto& r : requests())
            if (r.method == method && r.path.rfind(path_start, 0) == 0) return r;
        FAIL("no " << method << " " << path_start);
        return {};
    }
    bool sent(const std::string& method, const std::string& path_start) const {
        for (const auto& r : requests())
            if (r.method == method && r.path.rfind(path_start, 0) == 0) return true;
        return false;
    }
    bool cleared() const {
        for (const auto& e : last)
            if (std::get_if<ClearStorage>(&e)) return true;
        return false;
    }
    std::optional<TimePoint> wake() const {
        std::optional<TimePoint> at;
        for (const auto& e : last)
            if (const auto* w = std::get_if<WakeAt>(&e)) at = w->at;
        return at;
    }
    void answer(const HttpRequest& r, int status, std::string body = "{}") {
        (*this)(Event{HttpResponse{r.id, status, std::move(body)}});
    }
    void boot(std::map<std::string, std::string> stored, const std::string& config, int status = 200,
              std::vector<std::string> languages = {}) {
        Boot b{std::move(stored), kHex};
        b.languages = std::move(languages);
        (*this)(Event{std::move(b)});
        const HttpRequest q = request("GET", "/config.json");
        answer(q, status, config);
    }
};

std::string guest_answer(const std::string& valid_until = "2026-11-22T22:59:59.999Z") {
    return R"({"appToken":"guest-abc","paymentMethodId":"pm-room","room":"12","arrival":"2026-11-17",
               "departure":"2026-11-22","validFrom":"2026-11-16T23:00:00.000Z","validUntil":")" + valid_until + "\"}";
}

void check_in(Harness& h) {
    h(ShellIntent{shell_intent::CheckIn{" 12 ", "Jansen", ""}});
    const HttpRequest q = h.request("POST", "/portal/checkin");
    h.answer(q, 200, guest_answer());
}

}  // namespace

TEST_CASE("boot asks for the configuration first and without one it is the driver app", "[deployment]") {
    Harness h;
    h(Event{Boot{{}, kHex}});
    REQUIRE(h.requests().size() == 1);
    CHECK(h.m.stage == Stage::LoadingConfig);
    const HttpRequest q = h.request("GET", "/config.json");
    h.answer(q, 404, "not found");
    CHECK(h.m.stage == Stage::Journey);
    CHECK(h.m.config.mode == AppMode::Driver);
    CHECK(h.sent("PUT", "/api/token/app-" + kHex));
    CHECK(h.sent("GET", "/api/locations/boundingbox"));
}

TEST_CASE("while the configuration loads the app already speaks the phone's language or the stored choice", "[deployment][language]") {
    Harness h;
    Boot b{{}, kHex};
    b.languages = {"de-DE", "en"};
    h(Event{b});
    REQUIRE(h.m.stage == Stage::LoadingConfig);
    CHECK(spoken_language(h.m.journey) == Language::De);

    Harness chosen;
    Boot c{{{"preferences", R"({"theme":"system","language":"fr"})"}}, kHex};
    c.languages = {"de-DE"};
    chosen(Event{c});
    CHECK(spoken_language(chosen.m.journey) == Language::Fr);
}

TEST_CASE("an unreachable configuration is asked for again before falling back", "[deployment]") {
    Harness h;
    h(Event{Boot{{}, kHex}});
    h.answer(h.request("GET", "/config.json"), 0, "");
    CHECK(h.m.stage == Stage::LoadingConfig);
    REQUIRE(h.wake());
    h.now = *h.wake();
    h(Event{Tick{}});
    h.answer(h.request("GET", "/config.json"), 200, kKioskConfig);
    CHECK(h.m.stage == Stage::Attract);
}

TEST_CASE("a driver configuration sets the first map area", "[deployment]") {
    Harness h;
    h.boot({}, R"({"mode":"driver","locations":{"area":{"bottomLeftLat":52.0,"bottomLeftLng":4.0,
                   "topRightLat":52.1,"topRightLng":4.1}}})");
    // The map opens on that area.
    const auto& centre = h.m.journey.map.camera.centre;
    CHECK(centre.lat == Approx(52.05).margin(0.01));
    CHECK(centre.lng == Approx(4.05).margin(0.01));
}

TEST_CASE("portal: the guest checks in and sees only the hotel's private chargers", "[deployment][portal]") {
    Harness h;
    h.boot({}, kPortalConfig);
    CHECK(h.m.stage == Stage::CheckIn);
    CHECK(h.requests().empty());  // nothing about the API before the guest is known

    h(ShellIntent{shell_intent::CheckIn{"12", "", ""}});
    REQUIRE(h.m.message);
    CHECK(h.m.message->text == Str::CheckInIncomplete);
    h(ShellIntent{shell_intent::CheckIn{"12", std::string(51, 'x'), ""}});
    CHECK(h.m.message->text == Str::GuestTextTooLong);
    CHECK(h.requests().empty());

    h(ShellIntent{shell_intent::CheckIn{" 12 ", "Jansen", ""}});
    const HttpRequest q = h.request("POST", "/portal/checkin");
    CHECK(Json::parse(q.body) == Json::parse(R"({"room":"12","surname":"Jansen","lang":"en"})"));
    h(ShellIntent{shell_intent::CheckIn{"12", "Jansen", ""}});
    CHECK(h.requests().empty());  // one check-in at a time
    h.answer(q, 200, guest_answer());

    CHECK(h.m.stage == Stage::Journey);
    REQUIRE(h.m.guest);
    CHECK(h.m.guest->room == "12");
    bool stored = false;
    for (const auto& e : h.last)
        if (const auto* p = std::get_if<Persist>(&e); p && p->key == kKeyPortalGuest && p->value) stored = true;
    CHECK(stored);
    CHECK(h.m.journey.app_token == "guest-abc");
    const HttpRequest locations = h.request("GET", "/api/locations/boundingbox");
    CHECK(locations.path.find("&filter.appToken=guest-abc") != std::string::npos);
    // The answer holds public locations too; the list keeps the hotel's.
    std::string body = kSeedBoundingBox;
    h.answer(locations, 200, body);
    CHECK(h.m.journey.locations.empty());
    Json page = Json::parse(kSeedBoundingBox);
    page["data"][0]["id"] = kHotel;
    h.answer(locations, 200, page.dump());  // a superseded id is ignored ...
    h.m.journey.pending[locations.id] = PendingRequest{RequestKind::Locations, {}};
    h.answer(locations, 200, page.dump());  // ... the live one is read
    REQUIRE(h.m.journey.locations.size() == 1);
    CHECK(h.m.journey.locations[0].id == kHotel);

    h(Event{UserIntent{intent::OpenLocation{kHotel}}});
    const HttpRequest hotel = h.request("GET", std::string("/api/locations/") + kHotel);
    CHECK(hotel.path.find("?filter.appToken=guest-abc") != std::string::npos);
    CHECK(receipt_note(h.m) == "Charged to room 12");

    // A connector: only the price per payment method, asked with the guest's token. The published
    // price is not asked for: a closed group's charger has none for a request without a token.
    Json garage = Json::parse(kSeedLocation);
    garage["id"] = kHotel;
    h.answer(hotel, 200, garage.dump());
    h(Event{UserIntent{intent::ChooseConnector{"NL-GFX-EChargestation-1", "1"}}});
    CHECK(h.sent("GET", "/api/tariff/guest-abc/evse/"));
    CHECK_FALSE(h.sent("GET", "/api/tariff/evse/"));
}

TEST_CASE("portal: a guest picks a language at the check-in, asked in and kept for the stay", "[deployment][portal][language]") {
    Harness h;
    std::string config = kPortalConfig;
    config.replace(config.rfind('}'), 1, R"(,"languages":["nl","en"]})");
    h.boot({}, config, 200, {"de-DE", "de"});
    REQUIRE(h.m.stage == Stage::CheckIn);
    CHECK(spoken_language(h.m.journey) == Language::Nl);  // German is not offered: the hotel's first
    Harness phone;
    phone.boot({}, config, 200, {"en-US", "en"});
    CHECK(spoken_language(phone.m.journey) == Language::En);  // the phone's, already at the check-in
    h(ShellIntent{intent::ChooseLanguage{"fr"}});  // not offered here
    CHECK(h.last.empty());
    h(ShellIntent{intent::ChooseLanguage{"en"}});
    CHECK(spoken_language(h.m.journey) == Language::En);
    const Persist* kept = nullptr;
    for (const auto& e : h.last)
        if (const auto* p = std::get_if<Persist>(&e); p && p->key == kKeyPreferences) kept = p;
    REQUIRE(kept);
    REQUIRE(kept->value);
    CHECK(decode_preferences(*kept->value).language == "en");

    InLanguage english(Language::En);  // as the platform sets it for the next frame
    h(ShellIntent{shell_intent::CheckIn{"12", "Jansen", ""}});
    const HttpRequest q = h.request("POST", "/portal/checkin");
    CHECK(Json::parse(q.body).value("lang", "") == "en");
    h.answer(q, 200, guest_answer());
    REQUIRE(h.m.stage == Stage::Journey);
    CHECK(h.m.journey.prefs.language == "en");  // the journey booted with the choice
    CHECK(spoken_language(h.m.journey) == Language::En);
}

TEST_CASE("portal: the hotel's list follows its pages while they lead on, never a page it has seen",
          "[deployment][portal]") {
    const char* kAnnex = "nl-htl-annex-0001";
    const std::string config = std::string(R"({"mode":"portal","branding":{"displayName":"Hotel Dijkzicht"},
        "locations":{"ids":[")") + kHotel + R"(",")" + kAnnex + R"("],"area":{"bottomLeftLat":52.36,
        "bottomLeftLng":4.9,"topRightLat":52.6,"topRightLng":5.9}},"portal":{"timeZone":"Europe/Amsterdam"}})";
    // A page of the walkthrough's summary under these ids; with a token, it says there is more.
    auto page = [](const std::vector<std::string>& ids, const std::string& token) {
        Json body = Json::parse(kSeedBoundingBox);
        Json item = body["data"][0];
        body["data"] = Json::array();
        for (const auto& id : ids) {
            item["id"] = id;
            body["data"].push_back(item);
        }
        body["meta"] = token.empty() ? Json{{"count", ids.size()}, {"hasMoreData", false}}
                                     : Json{{"count", ids.size()}, {"hasMoreData", true}, {"continuationToken", token}};
        return body.dump();
    };
    auto token_of = [](const HttpRequest& r) {
        for (const auto& [k, v] : r.headers)
            if (k == "continuationToken") return v;
        return std::string();
    };
    Harness h;
    h.boot({}, config);
    check_in(h);
    const HttpRequest first = h.request("GET", "/api/locations/boundingbox");
    CHECK(token_of(first).empty());

    SECTION("the same page again") {
        h.answer(first, 200, page({kHotel, "public-1"}, "tok-1"));
        const HttpRequest next = h.request("GET", "/api/locations/boundingbox");
        CHECK(token_of(next) == "tok-1");
        h.answer(next, 200, page({kHotel, "public-1"}, "tok-1"));
        CHECK_FALSE(h.sent("GET", "/api/locations/boundingbox"));
        REQUIRE(h.m.journey.locations.size() == 1);
        CHECK(h.m.journey.locations[0].id == kHotel);
    }
    SECTION("pages of other places, then a token already followed") {
        h.answer(first, 200, page({"public-1"}, "tok-1"));
        HttpRequest next = h.request("GET", "/api/locations/boundingbox");
        h.answer(next, 200, page({kAnnex, "public-2"}, "tok-2"));
        next = h.request("GET", "/api/locations/boundingbox");
        CHECK(token_of(next) == "tok-2");
        h.answer(next, 200, page({kHotel, "public-3"}, "tok-1"));
        CHECK_FALSE(h.sent("GET", "/api/locations/boundingbox"));
        CHECK(h.m.journey.locations.size() == 2);  // the annex and the hotel, each once
    }
    SECTION("an empty next page") {
        h.answer(first, 200, page({kHotel}, "tok-1"));
        h.answer(h.request("GET", "/api/locations/boundingbox"), 200, page({}, "tok-2"));
        CHECK_FALSE(h.sent("GET", "/api/locations/boundingbox"));
        CHECK(h.m.journey.locations.size() == 1);
    }
    SECTION("the next page refused: the list stays, and no error is shown") {
        h.answer(first, 200, page({kHotel, kAnnex}, "tok-1"));
        h.answer(h.request("GET", "/api/locations/boundingbox"), 400,
                 R"({"validationMessages":[{"code":"INVALID_CONTINUATION_TOKEN","message":"x"}],"message":"x"})");
        CHECK_FALSE(h.sent("GET", "/api/locations/boundingbox"));
        CHECK(h.m.journey.locations.size() == 2);
        CHECK_FALSE(h.m.journey.message.has_value());
        CHECK_FALSE(h.m.journey.locations_loading);
    }
    SECTION("tokens that lead on are followed to the last page") {
        h.answer(first, 200, page({"public-1"}, "tok-1"));
        h.answer(h.request("GET", "/api/locations/boundingbox"), 200, page({kHotel}, "tok-2"));
        h.answer(h.request("GET", "/api/locations/boundingbox"), 200, page({kAnnex}, ""));
        CHECK_FALSE(h.sent("GET", "/api/locations/boundingbox"));
        CHECK(h.m.journey.locations.size() == 2);
    }
}

TEST_CASE("portal: wrong details, a stay not begun or over, and a rate limit are told apart", "[deployment][portal]") {
    Harness h;
    h.boot({}, kPortalConfig);
    auto attempt = [&](int status, const std::string& body) {
        h(ShellIntent{shell_intent::CheckIn{"", "", "DZ-1"}});
        const HttpRequest q = h.request("POST", "/portal/checkin");
        CHECK(Json::parse(q.body) == Json::parse(R"({"bookingReference":"DZ-1","lang":"en"})"));
        h.answer(q, status, body);
        CHECK(h.m.stage == Stage::CheckIn);
        REQUIRE(h.m.message);
        return *h.m.message;
    };
    CHECK(attempt(404, R"({"code":"GUEST_NOT_FOUND","message":"No stay"})").text == Str::GuestNotFound);
    auto ended = attempt(403, R"({"code":"STAY_ENDED","arrival":"2026-11-01","departure":"2026-11-04"})");
    CHECK(ended.text == Str::StayEnded);
    CHECK(ended.detail == "4 Nov 2026");
    auto early = attempt(403, R"({"code":"STAY_NOT_STARTED","arrival":"2026-12-24","departure":"2026-12-26"})");
    CHECK(early.text == Str::StayNotStarted);
    CHECK(early.detail == "24 Dec 2026");
    auto limited = attempt(429, R"({"code":"TOO_MANY_ATTEMPTS","message":"Try again in 15 minutes."})");
    CHECK(limited.text == Str::TooManyAttempts);
    CHECK(limited.detail == "Try again in 15 minutes.");
    CHECK(attempt(0, "").text == Str::ErrorNetwork);
    CHECK(attempt(200, "{}").text == Str::ErrorBadData);  // no token in it
}

TEST_CASE("portal: a stored stay resumes after a reload and an ended one is wiped", "[deployment][portal]") {
    Harness h;
    GuestStay g{"guest-abc", "pm-room", "12", "2026-11-17", "2026-11-22", *parse_iso8601("2026-11-22T22:59:59.999Z")};
    h.boot({{kKeyPortalGuest, encode_guest(g)}, {kKeyActiveSessions, R"([{"id":"s-1","locationId":"l","evseUid":"e","connectorId":"1"}])"}},
           kPortalConfig);
    CHECK(h.m.stage == Stage::Journey);
    CHECK(h.m.journey.app_token == "guest-abc");
    REQUIRE(h.m.journey.sessions.size() == 1);
    CHECK(h.sent("GET", "/api/session/status?appToken=guest-abc&chargeSessionId=s-1"));

    Harness later;
    later.now = *parse_iso8601("2026-11-23T08:00:00Z");
    later.boot({{kKeyPortalGuest, encode_guest(g)}}, kPortalConfig);
    CHECK(later.m.stage == Stage::CheckIn);
    CHECK(later.cleared());
    REQUIRE(later.m.message);
    CHECK(later.m.message->text == Str::StayEnded);
    CHECK(later.m.message->detail == "22 Nov 2026");
}

TEST_CASE("portal: when the stay ends with the app open, it goes back to the check-in", "[deployment][portal]") {
    Harness h;
    h.boot({}, kPortalConfig);
    check_in(h);
    REQUIRE(h.wake());
    CHECK(*h.wake() == *parse_iso8601("2026-11-22T22:59:59.999Z") + Millis{1});
    h.now = *h.wake();
    h(Event{Tick{}});
    CHECK(h.m.stage == Stage::CheckIn);
    CHECK_FALSE(h.m.guest);
    CHECK(h.cleared());
}

TEST_CASE("kiosk: a tap starts a demo with a fresh token and the demo card, at the demo charger", "[deployment][kiosk]") {
    Harness h;
    h.boot({}, kKioskConfig);
    CHECK(h.m.stage == Stage::Attract);
    CHECK(h.requests().empty());
    h(ShellIntent{shell_intent::StartDemo{}});
    CHECK(h.m.stage == Stage::Preparing);
    const HttpRequest demo_token = h.request("PUT", "/api/token/app-" + kHex + "-1");
    CHECK_FALSE(h.sent("GET", "/api/payment/"));  // nothing asked of the token before it exists
    h.answer(demo_token, 200, R"({"data":[]})");
    CHECK(h.m.journey.app_token == "app-" + kHex + "-1");
    CHECK(h.sent("GET", "/api/payment/app-" + kHex + "-1/wallet"));
    bool stored = false;
    for (const auto& e : h.last)
        if (const auto* p = std::get_if<Persist>(&e); p && p->key == kKeyAppToken) stored = true;
    CHECK(stored);
    const HttpRequest reg = h.request("PUT", "/api/token/app-" + kHex + "-1");
    CHECK_FALSE(h.sent("PUT", "/api/payment/"));  // the card waits for the journey's registration
    h.answer(reg, 200, R"({"data":[]})");
    const HttpRequest card = h.request("PUT", "/api/payment/");
    CHECK(Json::parse(card.body)["visualNumber"] == "DEMO00000001");
    h.answer(card, 200, kSeedChargeCard);
    CHECK(h.m.stage == Stage::Journey);
    CHECK(h.m.journey.screen == Screen::Location);
    CHECK(h.sent("GET", std::string("/api/locations/") + kMarga));
    CHECK(kiosk_step(h.m) == 1);
}

namespace {

// A kiosk demo that has reached a running session.
Harness kiosk_with_session() {
    Harness h;
    h.boot({}, kKioskConfig);
    h(ShellIntent{shell_intent::StartDemo{}});
    h.answer(h.request("PUT", "/api/token/"), 200, R"({"data":[]})");  // the shell's
    h.answer(h.request("PUT", "/api/token/"), 200, R"({"data":[]})");  // the journey's
    h.answer(h.request("PUT", "/api/payment/"), 200, kSeedChargeCard);
    h.m.journey.wallet_loaded = true;
    ActiveSession s;
    s.id = "s-9";
    s.evse_uid = "NL-GFX-EChargestation-1";
    s.location_id = kMarga;
    s.next_poll = h.now + Millis{3000};
    h.m.journey.sessions = {s};
    h.m.journey.shown_session = s.id;
    h.m.journey.screen = Screen::Session;
    return h;
}

}  // namespace

TEST_CASE("kiosk: the charger-side controls act on the session's EVSE", "[deployment][kiosk]") {
    Harness h = kiosk_with_session();
    CHECK(kiosk_step(h.m) == 3);
    h(ShellIntent{shell_intent::ChargerAction{"plug"}});
    const HttpRequest q = h.request("POST", "/sim/control");
    // the demo session's own token: serve.py lets only it play this session's car
    CHECK(q.path == "/sim/control?appToken=" + url_encode(h.m.journey.app_token));
    CHECK(h.m.journey.app_token == h.m.kiosk.demo_token);
    CHECK(Json::parse(q.body) == Json::parse(R"({"evseUid":"NL-GFX-EChargestation-1","action":"plug","lang":"en"})"));
    CHECK(std::any_of(q.headers.begin(), q.headers.end(), [](const auto& h) {
        return h.first == "Content-Type" && h.second.rfind("application/json", 0) == 0;
    }));
    h.answer(q, 200, R"({"evseStatus":"CHARGING"})");
    CHECK(h.sent("GET", "/api/session/status?"));  // asked now, not at the next poll
    h(ShellIntent{shell_intent::ChargerAction{"fault"}});
    CHECK(h.requests().empty());  // only the visitor's three actions
    h(ShellIntent{shell_intent::ChargerAction{"car_full"}});
    h.answer(h.request("POST", "/sim/control"), 409, "\"No car is charging here.\"");
    REQUIRE(h.m.journey.message);
    CHECK(h.m.journey.message->text == Str::ChargerActionRefused);
    CHECK(h.m.journey.message->detail == "No car is charging here.");
}

TEST_CASE("kiosk: a charger action asks for its refusal in the language shown", "[deployment][kiosk][language]") {
    InLanguage german(Language::De);
    Harness h = kiosk_with_session();
    h(ShellIntent{shell_intent::ChargerAction{"unplug"}});
    CHECK(Json::parse(h.request("POST", "/sim/control").body).value("lang", "") == "de");
}

TEST_CASE("kiosk: a refusal at one step goes once a charger action succeeds or the guide moves on", "[deployment][kiosk]") {
    Harness h = kiosk_with_session();
    REQUIRE(kiosk_step(h.m) == 3);
    h(ShellIntent{shell_intent::ChargerAction{"plug"}});
    h.answer(h.request("POST", "/sim/control"), 409, "\"A car is already plugged in here.\"");
    REQUIRE(h.m.journey.message);
    CHECK(h.m.journey.message->text == Str::ChargerActionRefused);
    // Tried again and done: the box closes.
    h(ShellIntent{shell_intent::ChargerAction{"plug"}});
    h.answer(h.request("POST", "/sim/control"), 200, R"({"evseStatus":"CHARGING"})");
    CHECK_FALSE(h.m.journey.message);
    const HttpRequest poll = h.request("GET", "/api/session/status?");  // asked at once

    // Refused again, then the session reaches the next step (charging) by itself: the box closes too.
    h(ShellIntent{shell_intent::ChargerAction{"plug"}});
    h.answer(h.request("POST", "/sim/control"), 409, "\"A car is already plugged in here.\"");
    REQUIRE(h.m.journey.message);
    Json charging = Json::parse(kSeedStatusCharging);
    charging["evseUid"] = "NL-GFX-EChargestation-1";
    h.answer(poll, 200, charging.dump());
    CHECK(kiosk_step(h.m) == 4);
    CHECK_FALSE(h.m.journey.message);
    // Other messages are not the guide's to take away.
    h.m.journey.message = UserMessage{Str::ErrorPollFailed, {}};
    h(Event{Tick{}});
    CHECK(h.m.journey.message);
}

TEST_CASE("kiosk: idle, a countdown, then a full reset, and a touch cancels the countdown", "[deployment][kiosk]") {
    Harness h = kiosk_with_session();
    const TimePoint idle = h.m.kiosk.last_activity + Millis{20000};
    h.now = idle - Millis{1000};
    h(Activity{});  // someone touched just before
    h.now = idle;
    h(Event{Tick{}});
    CHECK_FALSE(h.m.kiosk.countdown_until);
    CHECK(h.wake() == idle + Millis{19000});  // re-armed for the new idle time
    h.now = idle + Millis{19000};
    h(Event{Tick{}});
    REQUIRE(h.m.kiosk.countdown_until);
    CHECK(kiosk_seconds_left(h.m, h.now) == 5);
    h.now += Millis{2000};
    h(ShellIntent{shell_intent::StillHere{}});
    CHECK_FALSE(h.m.kiosk.countdown_until);
    CHECK(kiosk_seconds_left(h.m, h.now) == -1);

    h.now += Millis{20000};
    h(Event{Tick{}});
    REQUIRE(h.m.kiosk.countdown_until);
    h.now = *h.m.kiosk.countdown_until;
    const std::string token = h.m.journey.app_token;
    h(Event{Tick{}});
    CHECK(h.m.stage == Stage::Attract);
    CHECK(h.cleared());
    const HttpRequest stop = h.request("POST", "/api/session/stop?appToken=" + token);
    CHECK(Json::parse(stop.body)["chargeSessionId"] == "s-9");
    CHECK(h.sent("DELETE", "/api/payment/" + token + "/"));
    CHECK(h.m.journey.sessions.empty());
    CHECK(h.m.journey.app_token.empty());
    // late answers of the old demo do not reach the next one
    h.answer(stop, 200, kSeedStopCdr);
    CHECK_FALSE(h.m.journey.receipt);

    h(ShellIntent{shell_intent::StartDemo{}});
    CHECK(h.sent("PUT", "/api/token/app-" + kHex + "-2"));
    h.answer(h.request("PUT", "/api/token/"), 503, "");
    CHECK(h.m.stage == Stage::Attract);  // told, and a tap tries again
    REQUIRE(h.m.message);
    CHECK(h.m.message->text == Str::ErrorServer);
}

TEST_CASE("kiosk: Done on the receipt ends the demo and a reload mid-demo is a reset", "[deployment][kiosk]") {
    Harness h = kiosk_with_session();
    h.m.journey.sessions.clear();
    h.m.journey.screen = Screen::Receipt;
    CHECK(kiosk_step(h.m) == 5);
    h(Event{UserIntent{intent::Finish{}}});
    CHECK(h.m.stage == Stage::Attract);
    CHECK(h.cleared());

    Harness reload;
    reload.boot({{kKeyAppToken, "app-old"}, {kKeyActiveSessions, R"([{"id":"s-1","locationId":"l","evseUid":"e","connectorId":"1"}])"}},
                kKioskConfig);
    CHECK(reload.m.stage == Stage::Attract);
    CHECK(reload.cleared());
    CHECK(reload.sent("POST", "/api/session/stop?appToken=app-old"));
    CHECK(reload.m.journey.sessions.empty());
}

TEST_CASE("calendar days for people, and text that is not one left as it is", "[deployment]") {
    CHECK(format_calendar_day("2026-11-04") == "4 Nov 2026");
    CHECK(format_calendar_day("2027-01-31") == "31 Jan 2027");
    CHECK(format_calendar_day("2026-13-01") == "2026-13-01");
    CHECK(format_calendar_day("04-11-2026") == "04-11-2026");
    CHECK(format_calendar_day("") == "");
}

TEST_CASE("a stored guest record that cannot be read is not trusted", "[deployment][portal]") {
    CHECK_FALSE(decode_guest("{}"));
    CHECK_FALSE(decode_guest(R"({"appToken":"guest-1","validUntil":"tomorrow"})"));
    CHECK_FALSE(decode_guest("not json"));
    Harness h;
    h.boot({{kKeyPortalGuest, "garbage"}, {kKeyAppToken, "app-driver"}}, kPortalConfig);
    CHECK(h.m.stage == Stage::CheckIn);
    CHECK(h.cleared());  // a driver's leftovers have no place in the hotel's portal
    CHECK(h.requests().empty());
}

TEST_CASE("the hotel's help line tapped on the check-in opens the phone's dialer") {
    Harness h;
    h.boot({}, kPortalConfig);
    const auto& out = h(ShellIntent{shell_intent::OpenContact{ContactKind::Phone, "+31 299 123 456"}});
    REQUIRE(out.size() == 1);
    REQUIRE(std::holds_alternative<OpenLink>(out[0]));
    CHECK(std::get<OpenLink>(out[0]).url == "tel:+31299123456");
    CHECK(h(ShellIntent{shell_intent::OpenContact{ContactKind::Phone, "ask at the desk"}}).empty());
}

TEST_CASE("directions: a kiosk offers none, a driver deployment may name its web map, https only") {
    Harness kiosk;
    kiosk.boot({}, kKioskConfig);
    CHECK_FALSE(kiosk.m.journey.directions.offered);

    Harness driver;
    driver.boot({}, R"({"mode":"driver","directionsUrl":"https://www.openstreetmap.org/directions?route=%3B{lat}%2C{lng}"})");
    CHECK(driver.m.journey.directions.offered);
    CHECK(driver.m.journey.directions.web_template == "https://www.openstreetmap.org/directions?route=%3B{lat}%2C{lng}");

    const auto bad = decode_deploy_config(R"j({"mode":"driver","directionsUrl":"javascript:alert(1)"})j");
    REQUIRE(bad.ok());
    CHECK(bad.value->directions_url.empty());
    CHECK(bad.error().find("config.directionsUrl") != std::string::npos);
}

TEST_CASE("a reload with no network: the page's offline state from before the configuration reaches the journey", "[deployment]") {
    Harness h;
    h(Event{Boot{{}, kHex}});
    const HttpRequest config = h.request("GET", "/config.json");
    h(Event{Connectivity{false}});  // the page says so while /config.json is on its way
    h.answer(config, 200, R"({"mode":"driver"})");
    REQUIRE(h.m.stage == Stage::Journey);
    CHECK_FALSE(h.m.journey.online);
    CHECK(offline_note(h.m.journey) == Str::OfflineIdle);
}

TEST_CASE("kiosk: a new version is taken on the attract screen, else at the next reset, never mid-demo", "[deployment][kiosk]") {
    auto applies = [](const std::vector<Effect>& effects) {
        return std::any_of(effects.begin(), effects.end(), [](const Effect& e) { return std::holds_alternative<ApplyUpdate>(e); });
    };
    Harness attract;
    attract.boot({}, kKioskConfig);
    REQUIRE(attract.m.stage == Stage::Attract);
    CHECK(applies(attract(Event{UpdateReady{}})));

    Harness h = kiosk_with_session();
    CHECK_FALSE(applies(h(Event{UpdateReady{}})));
    CHECK(h.m.update_ready);
    h.now = h.m.kiosk.last_activity + Millis{20000};
    CHECK_FALSE(applies(h(Event{Tick{}})));  // the countdown is no reset yet
    REQUIRE(h.m.kiosk.countdown_until);
    h.now = *h.m.kiosk.countdown_until;
    CHECK(applies(h(Event{Tick{}})));
    CHECK(h.m.stage == Stage::Attract);
}

TEST_CASE("check-in: an optional address gets the receipt once ready, kept only when the guest ticks Remember", "[deployment]") {
    Harness h;
    h.boot({}, kPortalConfig);
    // A wrong address is said before anything is sent; an empty one is no address at all.
    h(ShellIntent{shell_intent::CheckIn{"12", "Jansen", "", "jansen@", true}});
    CHECK(h.requests().empty());
    REQUIRE(h.m.message);
    CHECK(h.m.message->text == Str::EmailNotAddress);
    h(ShellIntent{shell_intent::CheckIn{"12", "Jansen", "", " Jansen@Example.NL ", true}});
    h.answer(h.request("POST", "/portal/checkin"), 200, guest_answer());
    REQUIRE(h.m.stage == Stage::Journey);
    CHECK(h.m.journey.mail_when_ready == "Jansen@example.nl");
    CHECK(h.m.journey.kept_email == "Jansen@example.nl");
    std::map<std::string, std::optional<std::string>> kept;
    for (const auto& e : h.last)
        if (const auto* p = std::get_if<Persist>(&e)) kept[p->key] = p->value;
    CHECK(kept[kKeyMailWhenReady] == "Jansen@example.nl");
    CHECK(kept[kKeyReceiptEmail] == "Jansen@example.nl");

    Harness plain;
    plain.boot({}, kPortalConfig);
    plain(ShellIntent{shell_intent::CheckIn{"12", "Jansen", "", "", false}});
    plain.answer(plain.request("POST", "/portal/checkin"), 200, guest_answer());
    CHECK(plain.m.journey.mail_when_ready.empty());
}

TEST_CASE("kiosk: a visitor's address gets the demo's receipt and is never remembered", "[deployment]") {
    Harness h;
    h.boot({}, kKioskConfig);
    h(ShellIntent{shell_intent::StartDemo{"not an address"}});
    CHECK(h.m.stage == Stage::Attract);
    CHECK(h.m.message->text == Str::EmailNotAddress);
    h(ShellIntent{shell_intent::StartDemo{"visitor@example.com"}});
    CHECK(h.m.stage == Stage::Preparing);
    h.answer(h.request("PUT", "/api/token/"), 200, "{}");
    CHECK(h.m.journey.mail_when_ready == "visitor@example.com");
    CHECK(h.m.journey.kept_email.empty());
}

TEST_CASE("the check-in speaks the browser's language before the journey starts", "[deployment]") {
    Harness h;
    Boot boot{{}, kHex};
    boot.languages = {"en-US", "nl"};
    h(Event{boot});
    std::string dutch_first = kPortalConfig;
    dutch_first.insert(1, R"("languages":["nl","en"],)");
    h.answer(h.request("GET", "/config.json"), 200, dutch_first);
    REQUIRE(h.m.stage == Stage::CheckIn);
    CHECK(spoken_language(h.m.journey) == Language::En);
}
