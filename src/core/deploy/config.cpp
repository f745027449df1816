// Reading /config.json (see config.hpp).
#include "config.hpp"

#include "core/api/api.hpp"

namespace core {
namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::optional<BoundingBox> read_area(const FieldReader& r) {
    const auto bl_lat = r.opt_number("bottomLeftLat"), bl_lng = r.opt_number("bottomLeftLng");
    const auto tr_lat = r.opt_number("topRightLat"), tr_lng = r.opt_number("topRightLng");
    if (!bl_lat || !bl_lng || !tr_lat || !tr_lng || *bl_lat >= *tr_lat || *bl_lng >= *tr_lng ||
        *bl_lat < -90 || *tr_lat > 90 || *bl_lng < -180 || *tr_lng > 180) {
        r.log().add(r.path(), "not an area (south-west corner, then north-east)");
        return std::nullopt;
    }
    return BoundingBox{*bl_lat, *bl_lng, *tr_lat, *tr_lng};
}

}  // namespace

std::optional<uint32_t> parse_hex_colour(std::string_view text) {
    if (text.size() != 4 && text.size() != 7) return std::nullopt;
    if (text[0] != '#') return std::nullopt;
    uint32_t rgb = 0;
    for (size_t i = 1; i < text.size(); ++i) {
        const int d = hex_digit(text[i]);
        if (d < 0) return std::nullopt;
        rgb = text.size() == 4 ? (rgb << 8) | static_cast<uint32_t>(d * 17) : (rgb << 4) | static_cast<uint32_t>(d);
    }
    return rgb;
}

Decoded<DeployConfig> decode_deploy_config(std::string_view body) {
    Decoded<DeployConfig> out;
    ReadLog log;
    const auto json = parse_json(body, log);
    if (!json) {
        out.problems = log.problems;
        return out;
    }
    const FieldReader r(*json, "config", log);
    if (!r.is_object()) {
        out.problems = log.problems;
        return out;
    }
    DeployConfig c;
    const std::string mode = r.string_or("mode", "driver");
    if (mode == "driver") c.mode = AppMode::Driver;
    else if (mode == "portal") c.mode = AppMode::Portal;
    else if (mode == "kiosk") c.mode = AppMode::Kiosk;
    else {
        // An app that guessed would run the wrong product (a kiosk as a driver app): refuse instead.
        log.add("config.mode", "unknown mode '" + mode + "'");
        out.problems = log.problems;
        return out;
    }
    if (const auto b = r.object("branding")) {
        c.branding.display_name = b->string_or("displayName");
        c.branding.primary_color_hex = b->string_or("primaryColorHex");
        if (!c.branding.primary_color_hex.empty() && !parse_hex_colour(c.branding.primary_color_hex)) {
            log.add("config.branding.primaryColorHex", "not a colour");
            c.branding.primary_color_hex.clear();
        }
        c.branding.logo_url = b->string_or("logoUrl");
        c.branding.support_phone = b->string_or("supportPhone");
        c.branding.support_email = b->string_or("supportEmail");
        c.branding.support_website = b->string_or("supportWebsite");
    }
    if (const auto l = r.object("locations")) {
        l->each("ids", [&](const Json& item, const std::string& path) {
            if (item.is_string() && !item.get_ref<const std::string&>().empty())
                c.location_ids.push_back(item.get<std::string>());
            else
                log.add(path, "expected a location id");
        });
        if (const auto a = l->object("area")) c.area = read_area(*a);
    }
    std::vector<std::string> languages;
    r.each("languages", [&](const Json& item, const std::string&) {
        if (item.is_string()) languages.push_back(item.get<std::string>());
    });
    if (!languages.empty()) c.languages = std::move(languages);
    if (const auto p = r.object("portal")) c.portal_time_zone = p->string_or("timeZone");
    c.directions_url = r.string_or("directionsUrl");
    if (!c.directions_url.empty() && c.directions_url.rfind("https://", 0) != 0) {
        log.add("config.directionsUrl", "not an https:// address");
        c.directions_url.clear();
    }
    if (const auto k = r.object("kiosk")) {
        c.kiosk.idle_seconds = static_cast<int>(k->opt_integer("idleSeconds", 5, 3600).value_or(60));
        c.kiosk.countdown_seconds = static_cast<int>(k->opt_integer("countdownSeconds", 3, 120).value_or(10));
        c.kiosk.demo_card = k->string_or("demoCard", "DEMO00000001");
        c.kiosk.location_id = k->string_or("locationId");
    }
    if (c.mode == AppMode::Kiosk && c.kiosk.location_id.empty()) {
        log.add("config.kiosk.locationId", "a kiosk needs the location of its demo");
        out.problems = log.problems;
        return out;
    }
    if (c.mode == AppMode::Portal && c.location_ids.empty()) {
        log.add("config.locations.ids", "a portal needs the hotel's chargers");
        out.problems = log.problems;
        return out;
    }
    out.value = std::move(c);
    out.problems = log.problems;
    return out;
}

}  // namespace core
