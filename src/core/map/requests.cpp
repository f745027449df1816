// Builds the map's requests and reads the availability answer; filters and camera to and from storage.
#include "requests.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/api/api.hpp"

namespace core {
namespace {

bool valid_standard(const std::string& s) {
    // The API's enum values are upper-case letters, digits and underscores (IEC_62196_T2...).
    return !s.empty() && s.size() <= 40 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

}  // namespace

std::string filter_query(const MapFilters& f) {
    std::string q;
    if (f.available_now) q += "&filter.isAvailable=true";
    if (f.power == MapFilters::Power::AC) q += "&filter.powerType=AC";
    if (f.power == MapFilters::Power::DC) q += "&filter.powerType=DC";
    if (f.min_kw > 0) q += "&filter.minKw=" + std::to_string(f.min_kw);
    for (const auto& t : f.connector_types) q += "&filter.connectorTypes=" + url_encode(t);
    if (f.direct_pay) q += "&filter.directPayEnabled=true";
    // The service knows whose favourites only from the token; without one there is nothing to ask.
    if (f.favourites_only && !f.app_token.empty())
        q += "&filter.isFavorite=true&filter.appToken=" + url_encode(f.app_token);
    return q;
}

HttpRequest tile_request(geo::TileId tile, const MapFilters& f, std::string_view continuation) {
    const geo::Box b = geo::tile_box(tile);
    HttpRequest r = locations_request(BoundingBox{b.south, b.west, b.north, b.east}, continuation);
    r.path += "&pageSize=50" + filter_query(f);
    return r;
}

HttpRequest search_request(std::string_view text, const MapFilters& f, geo::LatLng near) {
    char at[80];
    std::snprintf(at, sizeof at, "&userLatitude=%.6f&userLongitude=%.6f", near.lat, near.lng);
    HttpRequest r;
    r.method = "GET";
    r.path = "/api/locations/search?q=" + url_encode(text) + "&pageSize=20" + at + filter_query(f);
    return r;
}

HttpRequest favourites_request(std::string_view app_token, geo::LatLng near) {
    char at[80];
    std::snprintf(at, sizeof at, "?userLatitude=%.6f&userLongitude=%.6f", near.lat, near.lng);
    HttpRequest r;
    r.method = "GET";
    r.path = "/api/favorites/" + url_encode(app_token) + "/locations" + at;
    return r;
}

HttpRequest favourite_change_request(std::string_view app_token, std::string_view location_id, bool add) {
    HttpRequest r;
    r.method = add ? "POST" : "DELETE";
    r.path = "/api/favorites/" + url_encode(app_token) + "/location/" + url_encode(location_id);
    return r;
}

HttpRequest availability_request(const std::vector<std::string>& location_ids) {
    HttpRequest r;
    r.method = "POST";
    r.path = "/api/locations/availability";
    r.headers.emplace_back("Content-Type", "application/json");
    r.body = dump_json(Json{{"locationIds", location_ids}});
    return r;
}

std::string encode_filters(const MapFilters& f) {
    Json j = Json::object();
    j["available"] = f.available_now;
    j["power"] = f.power == MapFilters::Power::AC ? "AC" : f.power == MapFilters::Power::DC ? "DC" : "";
    j["minKw"] = f.min_kw;
    j["connectors"] = f.connector_types;
    j["directPay"] = f.direct_pay;
    j["favourites"] = f.favourites_only;  // the token is not stored with them: it is the driver's own
    return dump_json(j);
}

MapFilters decode_filters(std::string_view stored) {
    MapFilters f;
    ReadLog log;
    const auto root = parse_json(stored, log);
    if (!root) return f;
    FieldReader r(*root, "", log);
    f.available_now = r.bool_or("available");
    const std::string power = r.string_or("power");
    f.power = power == "AC" ? MapFilters::Power::AC : power == "DC" ? MapFilters::Power::DC : MapFilters::Power::Any;
    f.min_kw = std::clamp(r.int_or("minKw"), 0, 1000);
    r.each("connectors", [&](const Json& item, const std::string&) {
        if (item.is_string() && valid_standard(item.get<std::string>()) && f.connector_types.size() < 30)
            f.connector_types.push_back(item.get<std::string>());
    });
    f.direct_pay = r.bool_or("directPay");
    f.favourites_only = r.bool_or("favourites");
    return f;
}

std::string encode_camera(const geo::Camera& c) {
    return dump_json(Json{{"lat", c.centre.lat}, {"lng", c.centre.lng}, {"zoom", c.zoom}});
}

std::optional<geo::Camera> decode_camera(std::string_view stored, geo::Camera base) {
    ReadLog log;
    const auto root = parse_json(stored, log);
    if (!root) return std::nullopt;
    FieldReader r(*root, "", log);
    const auto lat = r.opt_number("lat"), lng = r.opt_number("lng"), zoom = r.opt_number("zoom");
    if (!lat || !lng || !zoom || !std::isfinite(*lat) || !std::isfinite(*lng) || !std::isfinite(*zoom) ||
        std::abs(*lat) > 90 || std::abs(*lng) > 180)
        return std::nullopt;
    base.centre = {*lat, *lng};
    base.zoom = *zoom;
    return geo::normalized(base);
}

std::optional<std::vector<LocationAvailability>> decode_availability(std::string_view body) {
    ReadLog log;
    const auto root = parse_json(body, log);
    if (!root) return std::nullopt;
    FieldReader r(*root, "", log);
    if (!r.is_object()) return std::nullopt;
    std::vector<LocationAvailability> out;
    const bool ok = r.each("data", [&](const Json& item, const std::string& path) {
        FieldReader l(item, path, log);
        LocationAvailability a;
        a.id = l.string_or("id");
        if (a.id.empty()) return;
        l.each("evses", [&](const Json& e, const std::string& epath) {
            FieldReader er(e, epath, log);
            EvseAvailability ev{er.string_or("uid"), er.string_or("status")};
            a.evses.push_back(std::move(ev));
        });
        out.push_back(std::move(a));
    });
    if (!ok) return std::nullopt;
    return out;
}

}  // namespace core
