// The test harness for the journey: drives one Model through events at a controllable clock and
// answers requests by path. Shared by the journey and session tests.
#pragma once
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/journey/journey.hpp"
#include "core/api/json_read.hpp"
#include "seed_bodies.hpp"

namespace test {

using namespace core;

inline const std::string kHex = "0123456789abcdef0123456789abcdef";
inline const std::string kLocationId = "nl-gfx-a2f2ce5a-8721-4077-9739-6d1a6dce20e0";
inline const std::string kEvse = "NL-GFX-EChargestation-1";
inline const std::string kCard = "6e6a4130-bdb6-4375-ae3d-19edcd2849fc";
inline const std::string kSessionId = "38ac4790-c7e0-4b55-95a9-a7fe590081fc";

inline std::vector<HttpRequest> requests(const std::vector<Effect>& effects) {
    std::vector<HttpRequest> out;
    for (const auto& e : effects)
        if (const auto* r = std::get_if<HttpRequest>(&e)) out.push_back(*r);
    return out;
}

// The journey's own requests, without the map's area requests (map/planner_test has those).
inline std::vector<HttpRequest> journey_requests(const std::vector<Effect>& effects) {
    std::vector<HttpRequest> out;
    for (const auto& r : requests(effects))
        if (r.path.rfind("/api/locations/boundingbox?", 0) != 0) out.push_back(r);
    return out;
}

inline std::vector<Persist> persists(const std::vector<Effect>& effects) {
    std::vector<Persist> out;
    for (const auto& e : effects)
        if (const auto* p = std::get_if<Persist>(&e)) out.push_back(*p);
    return out;
}

inline std::vector<std::string> announcements(const std::vector<Effect>& effects) {
    std::vector<std::string> out;
    for (const auto& e : effects)
        if (const auto* a = std::get_if<Announce>(&e)) out.push_back(a->text);
    return out;
}

inline std::optional<TimePoint> wake(const std::vector<Effect>& effects) {
    std::optional<TimePoint> out;
    for (const auto& e : effects)
        if (const auto* w = std::get_if<WakeAt>(&e)) out = w->at;
    return out;
}

inline bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// The seed's price per payment method once its card has been checked (the walkthrough's answer
// comes while the card is still PENDING, and a pending card is never started with).
inline std::string verified_seed_tariffs() {
    std::string body = seed::kSeedTariffs;
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"\"UNKNOWN\"", "\"VALID\""},
                                   {"\"PENDING\"", "\"VALID\""}}) {
        for (size_t at = body.find(from); at != std::string::npos; at = body.find(from, at + to.size()))
            body.replace(at, from.size(), to);
    }
    return body;
}

// Drives one Model through events at a controllable clock, remembering every request sent so
// tests can answer them by path.
struct Journey {
    Model m;
    TimePoint now = *parse_iso8601("2021-06-14T08:57:00Z");
    std::vector<Effect> last;
    std::vector<HttpRequest> sent;

    const std::vector<Effect>& send(const Event& e) {
        last = update(m, e, now);
        for (auto& r : requests(last)) sent.push_back(r);
        return last;
    }
    const std::vector<Effect>& boot(std::map<std::string, std::string> stored = {}) {
        return send(Boot{std::move(stored), kHex});
    }
    const std::vector<Effect>& intent(UserIntent i) { return send(Event{std::move(i)}); }
    const std::vector<Effect>& respond(int id, int status, std::string body = {}) {
        return send(HttpResponse{id, status, std::move(body)});
    }
    const std::vector<Effect>& tick() { return send(Tick{}); }
    ActiveSession* session() { return m.sessions.empty() ? nullptr : &m.sessions.front(); }

    // Answers the newest still-pending request with this method and path prefix.
    const std::vector<Effect>& answer(const std::string& method, const std::string& prefix, int status,
                                      std::string body = {}) {
        int id = 0;
        for (const auto& r : sent)
            if (r.method == method && starts_with(r.path, prefix) && (m.pending.count(r.id) || m.map.pending.count(r.id))) id = r.id;
        INFO(method << " " << prefix);
        REQUIRE(id != 0);
        return respond(id, status, std::move(body));
    }

    // Booted, registered, wallet and map loaded, no session running elsewhere.
    void ready() {
        boot({{kKeyAppToken, "app-" + kHex}});  // a returning driver: the session list is asked for
        answer("PUT", "/api/token/", 200, "{}");
        answer("GET", "/api/payment/", 200, std::string(R"({"data":[)") + seed::kSeedChargeCard + "]}");
        answer("GET", "/api/locations/boundingbox", 200, seed::kSeedBoundingBox);
        answer("GET", "/api/token/", 200, R"({"data":[],"meta":{"count":0,"hasMoreData":false}})");  // no sessions elsewhere
    }
    // On the price screen of the seed location's second EVSE, its prices not answered yet.
    void at_connector() {
        ready();
        intent(core::intent::OpenLocation{kLocationId});
        answer("GET", "/api/locations/", 200, seed::kSeedLocation);
        intent(core::intent::ChooseConnector{kEvse, "1"});
    }
    // The same with the seed's prices, its card verified.
    void at_price() {
        at_connector();
        answer("GET", "/api/tariff/", 200, verified_seed_tariffs());
    }
    // Charging, with the start answered and the first status poll in flight.
    void charging() {
        at_price();
        intent(core::intent::StartCharging{});
        answer("POST", "/api/session/start", 200, seed::kSeedStart);
    }
};

// How many requests with this method and path start the journey has sent so far.
inline int count_sent(const Journey& j, const std::string& method, const std::string& prefix) {
    int n = 0;
    for (const auto& r : j.sent) n += r.method == method && starts_with(r.path, prefix);
    return n;
}

}  // namespace test
