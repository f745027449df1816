// Reading locations: summaries (with their EVSEs' statuses), locations, EVSEs, connectors,
// opening hours and operator branding.
#include "readers.hpp"

#include <algorithm>

#include "codec.hpp"

namespace core::wire {

Branding read_branding(const FieldReader& r) {
    Branding b;
    b.id = r.string_or("id");
    b.display_name = r.string_or("displayName");
    b.primary_color_hex = r.string_or("primaryColorHex");
    b.logo_url = r.string_or("logoUrl");
    b.support_phone = r.string_or("supportPhone");
    b.support_email = r.string_or("supportEmail");
    b.support_website = r.string_or("supportWebsite");
    return b;
}

namespace {

std::optional<Connector> read_connector(const FieldReader& r) {
    Connector c;
    c.id = r.required_string("id");
    if (c.id.empty()) return std::nullopt;
    c.standard = r.string_or("standard");
    c.format = r.string_or("format");
    c.power_type = r.string_or("powerType");
    // powerInKw carries fractions (7.4); kw is the older whole-number field.
    c.kw = r.opt_number("powerInKw").value_or(r.number_or("kw"));
    c.phases = r.int_or("phases");
    c.voltage = r.int_or("voltage");
    c.amperage = r.int_or("amperage");
    c.tariff_id = r.string_or("tariffId");
    return c;
}

std::optional<Evse> read_evse(const FieldReader& r) {
    Evse e;
    e.uid = r.required_string("uid");
    if (e.uid.empty()) return std::nullopt;
    e.evse_id = r.string_or("evseId");
    e.display_name = r.string_or("displayName");
    e.status_raw = r.string_or("status");
    e.status = evse_status_from_wire(e.status_raw);
    r.each("connectors", [&](const Json& item, const std::string& path) {
        if (auto c = read_connector(FieldReader(item, path, r.log()))) e.connectors.push_back(std::move(*c));
    });
    e.charging_not_allowed = r.bool_or("chargingNotAllowed");
    e.restricted_access = r.bool_or("restrictedAccess");
    e.floor_level = r.string_or("floorLevel");
    return e;
}

OpeningHours read_opening_hours(const FieldReader& r) {
    OpeningHours h;
    h.twentyfourseven = r.bool_or("twentyfourseven");
    r.each("regularHours", [&](const Json& item, const std::string& path) {
        FieldReader day(item, path, r.log());
        if (!day.is_object()) return;
        const int weekday = day.int_or("weekday");
        if (weekday < 1 || weekday > 7) return;
        day.each("periods", [&](const Json& p, const std::string& ppath) {
            FieldReader period(p, ppath, r.log());
            if (!period.is_object() || h.regular.size() >= 50) return;
            OpeningPeriod o{weekday, period.string_or("periodBegin"), period.string_or("periodEnd")};
            if (o.begin.empty() || o.end.empty() || o.begin.size() > 8 || o.end.size() > 8) return;
            h.regular.push_back(std::move(o));
        });
    });
    return h;
}

}  // namespace

std::optional<LocationSummary> read_location_summary(const FieldReader& r) {
    LocationSummary s;
    s.id = r.required_string("id");
    const auto lat = r.opt_number("lat");
    const auto lng = r.opt_number("lng");
    // Without an id it cannot be opened; without coordinates it cannot be placed on the map.
    if (s.id.empty() || !lat || !lng) {
        if (!lat || !lng) r.log().add(r.path(), "skipped: no coordinates");
        return std::nullopt;
    }
    s.lat = *lat;
    s.lng = *lng;
    s.name = r.string_or("name");
    s.address = r.string_or("add");
    s.city = r.string_or("city");
    s.country = r.string_or("country");
    s.connectors_available = r.int_or("conAvail");
    s.connectors_total = r.int_or("conTot");
    s.direct_pay = r.bool_or("dp");
    s.rfid = r.bool_or("rfid");
    if (const auto b = r.object("branding")) s.branding = read_branding(*b);
    s.branding_id = r.string_or("brandingId");
    if (s.branding_id.empty() && s.branding) s.branding_id = s.branding->id;
    // EvseSummary / ConnectorSummary, when present: only what a map marker shows.
    r.each("evses", [&](const Json& evse, const std::string& evse_path) {
        FieldReader e(evse, evse_path, r.log());
        if (!e.is_object()) return;
        tally_evse(s.evses, e.string_or("status"));
        e.each("connectors", [&](const Json& con, const std::string& con_path) {
            FieldReader c(con, con_path, r.log());
            const std::string power = c.string_or("powerType");
            if (power == "DC") s.has_dc = true;
            else if (!power.empty()) s.has_ac = true;
            s.max_kw = std::max(s.max_kw, c.opt_number("powerInKw").value_or(c.number_or("kw")));
        });
    });
    return s;
}

std::optional<Location> read_location(const FieldReader& r) {
    Location l;
    l.id = r.required_string("id");
    if (l.id.empty()) return std::nullopt;
    l.name = r.string_or("name");
    l.address = r.string_or("address");
    l.city = r.string_or("city");
    l.postal_code = r.string_or("postalCode");
    l.country = r.string_or("country");
    if (const auto c = r.object("coordinates")) {
        l.lat = c->number_or("latitude");
        l.lng = c->number_or("longitude");
    }
    if (const auto op = r.object("operator")) l.operator_name = op->string_or("name");
    l.time_zone = r.string_or("timeZone");
    r.each("evses", [&](const Json& item, const std::string& path) {
        if (auto e = read_evse(FieldReader(item, path, r.log()))) l.evses.push_back(std::move(*e));
    });
    if (const auto b = r.object("branding")) l.branding = read_branding(*b);
    r.each("facilities", [&](const Json& item, const std::string& path) {
        // Only strings make sense; a bounded list, so a hostile answer cannot flood the sheet.
        if (!item.is_string()) {
            r.log().add(path, "expected a string");
            return;
        }
        const std::string raw = item.get<std::string>();
        if (raw.empty() || raw.size() > 60 || l.facilities.size() >= 30) return;
        l.facilities.push_back({facility_from_wire(raw), raw});
    });
    if (const auto h = r.object("openingHours")) l.opening_hours = read_opening_hours(*h);
    return l;
}

}  // namespace core::wire
