// The driver's favourites driven through update(): read once the token is registered (so the star
// is right on the first sheet), listed nearest first, kept offline across a reload, toggled at once
// and put back when refused, and the "favourites only" filter sent as filter.isFavorite.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/journey/journey.hpp"
#include "core/journey/map_flow.hpp"
#include "core/map/favourites.hpp"
#include "core/map/requests.hpp"

using namespace core;

namespace {

const std::string kHex = "0123456789abcdef0123456789abcdef";
const std::string kToken = "app-" + kHex;

struct Place {
    std::string id, name;
    double lat, lng;
};

std::string list_body(const std::vector<Place>& places) {
    std::string data;
    for (const auto& p : places)
        data += (data.empty() ? "" : ",") + std::string(R"({"id":")") + p.id + R"(","name":")" + p.name +
                R"(","add":"Street 1","city":"Town","lat":)" + std::to_string(p.lat) + R"(,"lng":)" +
                std::to_string(p.lng) + R"(,"conAvail":1,"conTot":2})";
    return R"({"data":[)" + data + R"(],"meta":{"hasMoreData":false}})";
}

const HttpRequest* find_request(const std::vector<Effect>& effects, const std::string& prefix) {
    for (const auto& e : effects)
        if (const auto* r = std::get_if<HttpRequest>(&e); r && r->path.rfind(prefix, 0) == 0) return r;
    return nullptr;
}

std::optional<std::string> persisted(const std::vector<Effect>& effects, const std::string& key) {
    for (const auto& e : effects)
        if (const auto* p = std::get_if<Persist>(&e); p && p->key == key) return p->value;
    return std::nullopt;
}

struct App {
    Model m;
    TimePoint now = *parse_iso8601("2021-06-14T08:57:00Z");
    std::vector<Effect> last;

    const std::vector<Effect>& send(const Event& e) {
        last = update(m, e, now);
        return last;
    }
    const std::vector<Effect>& boot(std::map<std::string, std::string> stored = {}) {
        stored.emplace(kKeyAppToken, kToken);
        return send(Boot{std::move(stored), kHex});
    }
    const std::vector<Effect>& respond(int id, int status, std::string body = {}) {
        return send(HttpResponse{id, status, std::move(body)});
    }
    // Answers the token registration; returns what that answer caused.
    const std::vector<Effect>& register_token() {
        for (const auto& [id, p] : m.pending)
            if (p.kind == RequestKind::RegisterToken) return respond(id, 200, "{}");
        FAIL("no registration in flight");
        return last;
    }
    int favourites_in_flight() const {
        for (const auto& [id, p] : m.map.pending)
            if (p.kind == MapRequestKind::Favourites) return id;
        return 0;
    }
};

const Place kNear{"L-near", "Near", 52.3710, 4.9000};
const Place kFar{"L-far", "Far", 52.4500, 4.9000};

}  // namespace

TEST_CASE("favourites are read once the token is registered, before any sheet, near the driver") {
    App t;
    const auto& booted = t.boot();
    // The service would not know the driver before registration: nothing asked yet.
    CHECK(find_request(booted, "/api/favorites/") == nullptr);
    CHECK(t.favourites_in_flight() == 0);
    const auto& registered = t.register_token();
    const HttpRequest* list = find_request(registered, "/api/favorites/" + kToken + "/locations?");
    REQUIRE(list != nullptr);
    CHECK(list->method == "GET");
    CHECK(list->path.find("userLatitude=") != std::string::npos);
    CHECK(list->path.find("userLongitude=") != std::string::npos);
    const int list_id = list->id;
    // Asked once: later events do not ask again while it is on its way.
    t.send(Tick{});
    CHECK(find_request(t.last, "/api/favorites/") == nullptr);

    const auto& answered = t.respond(list_id, 200, list_body({kFar, kNear}));
    CHECK(t.m.map.favourites_loaded);
    CHECK(is_favourite(t.m.map, "L-near"));
    CHECK(is_favourite(t.m.map, "L-far"));
    CHECK(persisted(answered, kKeyMapFavourites).has_value());
    // The first sheet opened shows the right star without another request for the list.
    const auto& opened = t.send(UserIntent{MapIntent{intent::SelectLocation{"L-near"}}});
    CHECK(find_request(opened, "/api/favorites/") == nullptr);
    CHECK(is_favourite(t.m.map, t.m.map.selected_id));

    // Nearest the driver first, whatever order the service used.
    const auto sorted = favourites_by_distance(t.m.map, {52.37, 4.90});
    REQUIRE(sorted.size() == 2);
    CHECK(sorted[0].second->name == "Near");
    CHECK(sorted[1].second->name == "Far");
    CHECK(sorted[0].first < sorted[1].first);
    CHECK(sorted[1].first == Approx(8900).epsilon(0.02));
}

TEST_CASE("a failed favourites answer keeps the stored list and is asked again when a sheet opens") {
    App t;
    t.boot();
    t.register_token();
    t.respond(t.favourites_in_flight(), 503, "Service Unavailable");
    CHECK_FALSE(t.m.map.favourites_loaded);
    t.send(Tick{});
    CHECK(t.favourites_in_flight() == 0);  // no retry loop
    t.send(UserIntent{MapIntent{intent::SelectLocation{"L-near"}}});
    const int again = t.favourites_in_flight();
    REQUIRE(again != 0);
    t.respond(again, 200, "not json");
    CHECK_FALSE(t.m.map.favourites_loaded);
    CHECK(t.m.map.favourites.empty());
}

TEST_CASE("favourites survive a reload offline, and only for the same driver") {
    App t;
    t.boot();
    t.register_token();
    const auto& answered = t.respond(t.favourites_in_flight(), 200, list_body({kNear, kFar}));
    const auto stored = persisted(answered, kKeyMapFavourites);
    REQUIRE(stored.has_value());

    // Reload with no network: the list is there at boot, before any answer.
    App offline;
    offline.boot({{kKeyMapFavourites, *stored}});
    REQUIRE(offline.m.map.favourites.size() == 2);
    CHECK(offline.m.map.favourites[0].name == "Near");
    CHECK(offline.m.map.favourites[0].address == "Street 1");
    CHECK(offline.m.map.favourites[1].lat == Approx(kFar.lat));
    CHECK(is_favourite(offline.m.map, "L-far"));

    // Another driver's list (a kiosk handing over the phone, a new token) is not shown.
    CHECK_FALSE(decode_favourites(*stored, "app-someone-else").has_value());
    // Rubbish in storage lists nothing rather than crashing; bad places are dropped one by one.
    CHECK_FALSE(decode_favourites("{not json", kToken).has_value());
    const auto partly = decode_favourites(
        R"({"token":")" + kToken + R"(","places":[{"id":"A","lat":52,"lng":5},{"id":"B","lat":"x","lng":5},)"
        R"({"id":"","lat":1,"lng":1},{"id":"C","lat":95,"lng":5},7,{"id":"A","lat":52,"lng":5}]})", kToken);
    REQUIRE(partly.has_value());
    REQUIRE(partly->size() == 1);
    CHECK((*partly)[0].id == "A");
}

TEST_CASE("marking a favourite lists it at once with what the map knows, a refusal puts it back") {
    App t;
    t.boot();
    t.register_token();
    t.respond(t.favourites_in_flight(), 200, list_body({kFar}));
    // The sheet of a place the map does not hold as a summary: its details name it.
    t.send(UserIntent{MapIntent{intent::SelectLocation{"L-sheet"}}});
    int sheet = 0;
    for (const auto& [id, p] : t.m.map.pending)
        if (p.kind == MapRequestKind::Sheet) sheet = id;
    t.respond(sheet, 200,
              R"({"id":"L-sheet","name":"Sheet place","address":"Dijk 1","city":"Volendam",)"
              R"("coordinates":{"latitude":52.49,"longitude":5.07},"evses":[]})");

    auto effects = t.send(UserIntent{MapIntent{intent::ToggleFavourite{"L-sheet"}}});
    const HttpRequest* add = find_request(effects, "/api/favorites/" + kToken + "/location/L-sheet");
    REQUIRE(add != nullptr);
    CHECK(add->method == "POST");
    REQUIRE(is_favourite(t.m.map, "L-sheet"));
    const auto& listed = t.m.map.favourites.back();
    CHECK(listed.name == "Sheet place");
    CHECK(listed.city == "Volendam");
    CHECK(listed.lat == Approx(52.49));
    CHECK(persisted(effects, kKeyMapFavourites).has_value());

    // A list answer written before the service saw the change does not undo it.
    REQUIRE(apply_favourites(t.m.map, list_body({kFar})));
    CHECK(is_favourite(t.m.map, "L-sheet"));
    CHECK(t.m.map.favourites.back().name == "Sheet place");

    // The service refuses the change: the star and the list go back.
    effects = t.respond(add->id, 500, "{}");
    CHECK_FALSE(is_favourite(t.m.map, "L-sheet"));
    CHECK(persisted(effects, kKeyMapFavourites).has_value());

    // Removing: gone at once; a 404 (the service no longer had it) is what the driver wanted.
    effects = t.send(UserIntent{MapIntent{intent::ToggleFavourite{"L-far"}}});
    const HttpRequest* del = find_request(effects, "/api/favorites/" + kToken + "/location/L-far");
    REQUIRE(del != nullptr);
    CHECK(del->method == "DELETE");
    CHECK_FALSE(is_favourite(t.m.map, "L-far"));
    t.respond(del->id, 404, "This location is not one of the driver's favorites.");
    CHECK_FALSE(is_favourite(t.m.map, "L-far"));
}

TEST_CASE("the favourites-only filter asks the map's areas with filter.isFavorite and the driver's token") {
    App t;
    t.boot();
    t.register_token();
    MapFilters f;
    f.favourites_only = true;
    auto effects = t.send(UserIntent{MapIntent{intent::SetMapFilters{f}}});
    const HttpRequest* area = find_request(effects, "/api/locations/boundingbox?");
    REQUIRE(area != nullptr);
    CHECK(area->path.find("&filter.isFavorite=true&filter.appToken=" + kToken) != std::string::npos);
    // Stored without the token; restored with the token of whoever boots.
    const auto stored = persisted(effects, kKeyMapFilters);
    REQUIRE(stored.has_value());
    CHECK(stored->find(kHex) == std::string::npos);
    App again;
    const auto& booted = again.boot({{kKeyMapFilters, *stored}});
    CHECK(again.m.map.filters.favourites_only);
    const HttpRequest* restored = find_request(booted, "/api/locations/boundingbox?");
    REQUIRE(restored != nullptr);
    CHECK(restored->path.find("&filter.isFavorite=true&filter.appToken=" + kToken) != std::string::npos);

    // Without a token there is no "whose favourites": nothing is added to the query.
    MapFilters anonymous;
    anonymous.favourites_only = true;
    CHECK(filter_query(anonymous).empty());

    // A new favourite confirmed while the map shows favourites only: the map reloads its areas.
    t.respond(t.favourites_in_flight(), 200, list_body({}));
    effects = t.send(UserIntent{MapIntent{intent::ToggleFavourite{"L-near"}}});
    const HttpRequest* add = find_request(effects, "/api/favorites/");
    REQUIRE(add != nullptr);
    effects = t.respond(add->id, 204);
    CHECK(find_request(effects, "/api/locations/boundingbox?") != nullptr);
}
