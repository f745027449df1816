// Charge Assist JSON bodies to api_types values (see api_codec.hpp for the rules).
#include "api_codec.hpp"

#include <algorithm>
#include <utility>

#include "json_read.hpp"
#include "map_marker.hpp"

namespace core {
namespace {

template <class E, size_t N>
E from_table(std::string_view s, const std::pair<const char*, E> (&table)[N], E fallback) {
    for (const auto& [name, value] : table)
        if (s == name) return value;
    return fallback;
}

// Runs `read` on the document's root object and packs the outcome with the log.
template <class T, class Read>
Decoded<T> decode_document(std::string_view body, Read read) {
    ReadLog log;
    Decoded<T> out;
    if (const auto root = parse_json(body, log)) {
        FieldReader r(*root, "", log);
        if (r.is_object()) out.value = read(r);
    }
    out.problems = std::move(log.problems);
    return out;
}

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

std::optional<PaymentMethod> read_payment_method(const FieldReader& r) {
    PaymentMethod p;
    p.id = r.required_string("id");
    if (p.id.empty()) return std::nullopt;
    p.type = r.string_or("type");
    p.card_hint = r.string_or("cardHint");
    if (p.card_hint.empty()) p.card_hint = r.string_or("cardShortHint");
    p.external_id = r.string_or("externalPaymentMethodId");
    p.display_name = r.string_or("displayName");
    p.issuer = r.string_or("chargeCardIssuer");
    p.verification = verification_from_wire(r.string_or("verificationStatus"));
    p.is_compatible = r.opt_bool("isCompatible");
    return p;
}

std::optional<int64_t> read_seconds(const FieldReader& r, std::string_view key) {
    const auto d = r.opt_number(key);
    if (!d) return std::nullopt;
    if (*d < 0 || *d > 1e9) {
        r.log().add(r.path_of(key), "duration out of range");
        return std::nullopt;
    }
    return static_cast<int64_t>(*d);
}

PriceRestrictions read_restrictions(const FieldReader& r) {
    PriceRestrictions x;
    x.min_kwh = r.opt_number("min_kwh");
    x.max_kwh = r.opt_number("max_kwh");
    x.min_duration_s = read_seconds(r, "min_duration");
    x.max_duration_s = read_seconds(r, "max_duration");
    x.min_power_kw = r.opt_number("min_power");
    x.max_power_kw = r.opt_number("max_power");
    x.min_current_a = r.opt_number("min_current");
    x.max_current_a = r.opt_number("max_current");
    return x;
}

std::optional<PriceComponent> read_price_component(const FieldReader& r) {
    PriceComponent c;
    c.type_raw = r.string_or("type");
    c.type = price_type_from_wire(c.type_raw);
    const auto price = r.opt_money("price");
    if (!price) {
        r.log().add(r.path_of("price"), "missing or unreadable");
        return std::nullopt;
    }
    c.price = *price;
    // OCPI: step_size 0 or absent means "per unit" (1 Wh / 1 s).
    c.step_size = static_cast<int>(r.opt_integer("stepSize", 0, INT32_MAX).value_or(1));
    if (c.step_size <= 0) c.step_size = 1;
    c.vat_percent = r.opt_number("vat");
    if (const auto rr = r.object("restrictions")) c.restrictions = read_restrictions(*rr);
    return c;
}

// A tariff with an unreadable price is dropped whole: showing it without that part would
// understate what the driver pays.
std::optional<Tariff> read_tariff(const FieldReader& r) {
    Tariff t;
    t.currency = r.string_or("currency");
    t.vat_percent = r.opt_number("vatPercentage");
    t.vat_included = r.bool_or("isVatIncluded");
    bool complete = true;
    const bool elements_ok = r.each("elements", [&](const Json& item, const std::string& path) {
        FieldReader er(item, path, r.log());
        if (!er.is_object()) {
            complete = false;
            return;
        }
        TariffElement element;
        const bool components_ok = er.each("priceComponents", [&](const Json& ci, const std::string& cpath) {
            FieldReader cr(ci, cpath, r.log());
            auto c = cr.is_object() ? read_price_component(cr) : std::nullopt;
            if (c)
                element.components.push_back(std::move(*c));
            else
                complete = false;
        });
        if (!components_ok) complete = false;
        t.elements.push_back(std::move(element));
    });
    if (!elements_ok || !complete) {
        r.log().add(r.path(), "tariff left out: a price could not be read");
        return std::nullopt;
    }
    return t;
}

std::optional<WalletTariffItem> read_wallet_tariff_item(const FieldReader& r) {
    WalletTariffItem item;
    const auto pm = r.object("paymentMethod");
    auto method = pm ? read_payment_method(*pm) : std::nullopt;
    if (!method) {
        r.log().add(r.path(), "skipped: no payment method id");
        return std::nullopt;
    }
    item.payment_method = std::move(*method);
    item.validity_raw = r.string_or("validity");
    item.validity = tariff_validity_from_wire(item.validity_raw);
    if (const auto t = r.object("tariff")) item.tariff = read_tariff(*t);
    return item;
}

CostLine read_cost_line(const FieldReader& r) {
    CostLine l;
    l.dimension = r.string_or("dimension");
    l.unit = r.string_or("unit");
    l.quantity = r.number_or("quantity");
    l.unit_price = r.opt_money("price").value_or(0);
    auto cost = r.opt_money("roundedCost");
    if (!cost) cost = r.opt_money("unroundedCost");
    l.cost = cost.value_or(0);
    return l;
}

std::optional<DataPoint> read_data_point(const FieldReader& r) {
    const auto at = r.opt_time("timestamp");
    if (!at) return std::nullopt;  // a point in the chart needs its time
    DataPoint p;
    p.at = *at;
    p.energy_kwh = r.number_or("energyInKwh");
    p.power_kw = r.number_or("powerInKw");
    return p;
}

std::optional<SessionStatus> read_session_status(const FieldReader& r) {
    SessionStatus s;
    s.status_raw = r.string_or("status");
    s.status = session_status_from_wire(s.status_raw);
    s.error = r.string_or("error");
    s.error_message = r.string_or("errorMessage");
    s.location_id = r.string_or("locationId");
    s.evse_uid = r.string_or("evseUid");
    s.connector_id = r.string_or("connectorId");
    s.energy_kwh = r.number_or("energyInKwh");
    s.power_kw = r.number_or("currentPowerInKw");
    s.state_of_charge = r.opt_number("stateOfCharge");
    s.total_costs = r.opt_money("totalCosts");
    s.total_vat = r.opt_money("totalVat");
    s.vat_percent = r.opt_number("vatPercentage");
    s.currency = r.string_or("currency");
    s.start_time = r.opt_time("startTime");
    s.end_time = r.opt_time("endTime");
    s.next_status_call = r.opt_time("nextStatusCall");
    s.receipt_number = r.string_or("receiptNumber");
    if (const auto loc = r.object("location")) {
        s.location_name = loc->string_or("name");
        s.location_address = loc->string_or("address");
        s.location_city = loc->string_or("city");
        s.location_time_zone = loc->string_or("timeZone");
    }
    if (const auto breakdown = r.object("costBreakdown")) {
        breakdown->each("retailSegments", [&](const Json& seg, const std::string& seg_path) {
            FieldReader sr(seg, seg_path, r.log());
            sr.each("items", [&](const Json& item, const std::string& path) {
                FieldReader ir(item, path, r.log());
                if (ir.is_object()) s.cost_breakdown.push_back(read_cost_line(ir));
            });
        });
    }
    if (const auto usage = r.object("usageSummary")) {
        usage->each("dataPoints", [&](const Json& item, const std::string& path) {
            FieldReader pr(item, path, r.log());
            if (!pr.is_object()) return;
            if (auto p = read_data_point(pr)) s.data_points.push_back(std::move(*p));
        });
    }
    return s;
}

// Reads `{data:[...]}` with `read_item` per element; items it rejects are skipped.
template <class T, class ReadItem>
std::optional<std::vector<T>> read_data_list(const FieldReader& r, ReadItem read_item) {
    std::vector<T> items;
    const bool ok = r.each("data", [&](const Json& item, const std::string& path) {
        FieldReader ir(item, path, r.log());
        if (!ir.is_object()) return;
        if (auto v = read_item(ir)) items.push_back(std::move(*v));
    });
    if (!ok) return std::nullopt;
    return items;
}

// Keeps error text readable: trimmed, and cut at a character boundary.
std::string tidy_message(std::string_view s) {
    constexpr size_t kMax = 300;
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t'))
        s.remove_suffix(1);
    if (s.size() <= kMax) return std::string(s);
    size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return std::string(s.substr(0, cut)) + "…";
}

}  // namespace

EvseStatus evse_status_from_wire(std::string_view s) {
    static const std::pair<const char*, EvseStatus> table[] = {
        {"AVAILABLE", EvseStatus::Available}, {"BLOCKED", EvseStatus::Blocked},
        {"CHARGING", EvseStatus::Charging},   {"INOPERATIVE", EvseStatus::Inoperative},
        {"OUTOFORDER", EvseStatus::OutOfOrder}, {"PLANNED", EvseStatus::Planned},
        {"REMOVED", EvseStatus::Removed},     {"RESERVED", EvseStatus::Reserved},
    };
    return from_table(s, table, EvseStatus::Unknown);
}

Facility facility_from_wire(std::string_view s) {
    static const std::pair<const char*, Facility> table[] = {
        {"HOTEL", Facility::Hotel},           {"RESTAURANT", Facility::Restaurant},
        {"CAFE", Facility::Cafe},             {"MALL", Facility::Mall},
        {"SUPERMARKET", Facility::Supermarket}, {"SPORT", Facility::Sport},
        {"RECREATION_AREA", Facility::RecreationArea}, {"NATURE", Facility::Nature},
        {"MUSEUM", Facility::Museum},         {"BUS_STOP", Facility::BusStop},
        {"TAXI_STAND", Facility::TaxiStand},  {"TRAIN_STATION", Facility::TrainStation},
        {"AIRPORT", Facility::Airport},       {"CARPOOL_PARKING", Facility::CarpoolParking},
        {"FUEL_STATION", Facility::FuelStation}, {"WIFI", Facility::Wifi},
        {"BIKE_SHARING", Facility::BikeSharing}, {"METRO_STATION", Facility::MetroStation},
        {"PARKING_LOT", Facility::ParkingLot}, {"TRAM_STOP", Facility::TramStop},
    };
    return from_table(s, table, Facility::Unknown);
}

VerificationStatus verification_from_wire(std::string_view s) {
    static const std::pair<const char*, VerificationStatus> table[] = {
        {"PENDING", VerificationStatus::Pending},
        {"VALID", VerificationStatus::Valid},
        {"INVALID", VerificationStatus::Invalid},
    };
    return from_table(s, table, VerificationStatus::Unknown);
}

PriceType price_type_from_wire(std::string_view s) {
    static const std::pair<const char*, PriceType> table[] = {
        {"FLAT", PriceType::Flat},
        {"ENERGY", PriceType::Energy},
        {"TIME", PriceType::Time},
        {"PARKING_TIME", PriceType::ParkingTime},
    };
    return from_table(s, table, PriceType::Unknown);
}

TariffValidity tariff_validity_from_wire(std::string_view s) {
    static const std::pair<const char*, TariffValidity> table[] = {
        {"VALID", TariffValidity::Valid},
        {"UNKNOWN", TariffValidity::Unknown},
        {"NO_TARIFF_FOUND", TariffValidity::NoTariffFound},
        {"NOT_COMPATIBLE", TariffValidity::NotCompatible},
        {"ERROR", TariffValidity::Error},
    };
    return from_table(s, table, TariffValidity::Other);
}

SessionStatusCode session_status_from_wire(std::string_view s) {
    static const std::pair<const char*, SessionStatusCode> table[] = {
        {"REQUESTED", SessionStatusCode::Requested}, {"REJECTED", SessionStatusCode::Rejected},
        {"STARTING", SessionStatusCode::Starting},   {"CHARGING", SessionStatusCode::Charging},
        {"PARKING", SessionStatusCode::Parking},     {"STOPPING", SessionStatusCode::Stopping},
        {"COMPLETED", SessionStatusCode::Completed}, {"CDR_AVAILABLE", SessionStatusCode::CdrAvailable},
        {"TIMEOUT", SessionStatusCode::Timeout},     {"CANCELLED", SessionStatusCode::Cancelled},
        {"ERROR", SessionStatusCode::Error},
    };
    return from_table(s, table, SessionStatusCode::Unknown);
}

Decoded<LocationList> decode_location_list(std::string_view body) {
    return decode_document<LocationList>(body, [](const FieldReader& r) -> std::optional<LocationList> {
        auto items = read_data_list<LocationSummary>(r, read_location_summary);
        if (!items) return std::nullopt;
        LocationList list;
        list.items = std::move(*items);
        if (const auto meta = r.object("meta")) {
            list.has_more_data = meta->bool_or("hasMoreData");
            list.continuation_token = meta->string_or("continuationToken");
        }
        return list;
    });
}

Decoded<Location> decode_location(std::string_view body) {
    return decode_document<Location>(body, read_location);
}

Decoded<std::vector<PaymentMethod>> decode_wallet(std::string_view body) {
    return decode_document<std::vector<PaymentMethod>>(
        body, [](const FieldReader& r) { return read_data_list<PaymentMethod>(r, read_payment_method); });
}

Decoded<PaymentMethod> decode_payment_method(std::string_view body) {
    return decode_document<PaymentMethod>(body, read_payment_method);
}

Decoded<std::vector<WalletTariffItem>> decode_tariff_items(std::string_view body) {
    return decode_document<std::vector<WalletTariffItem>>(
        body, [](const FieldReader& r) { return read_data_list<WalletTariffItem>(r, read_wallet_tariff_item); });
}

Decoded<Tariff> decode_tariff(std::string_view body) {
    return decode_document<Tariff>(body, read_tariff);
}

Decoded<Tariff> decode_default_tariff(std::string_view body) {
    return decode_document<Tariff>(body, [](const FieldReader& r) -> std::optional<Tariff> {
        // The item has no payment method here, so only its tariff is read.
        const auto t = r.object("tariff");
        return t ? read_tariff(*t) : std::nullopt;
    });
}

Decoded<StartResult> decode_start_result(std::string_view body) {
    return decode_document<StartResult>(body, [](const FieldReader& r) -> std::optional<StartResult> {
        StartResult s;
        s.charge_session_id = r.required_string("chargeSessionId");
        if (s.charge_session_id.empty()) return std::nullopt;
        s.next_status_call = r.opt_time("nextStatusCall");
        return s;
    });
}

Decoded<SessionStatus> decode_session_status(std::string_view body) {
    return decode_document<SessionStatus>(body, read_session_status);
}

Decoded<std::vector<SessionSummary>> decode_session_list(std::string_view body) {
    const auto read_item = [](const FieldReader& r) -> std::optional<SessionSummary> {
        SessionSummary s;
        s.id = r.required_string("chargeSessionId");
        if (s.id.empty()) return std::nullopt;  // nothing can be done with a session without its id
        s.status_raw = r.string_or("status");
        s.status = session_status_from_wire(s.status_raw);
        if (const auto l = r.object("location")) {
            s.location_id = l->string_or("id");
            s.location_name = l->string_or("name");
            s.address = l->string_or("address");
            s.city = l->string_or("city");
        }
        s.evse_uid = r.string_or("evseUid");
        s.connector_id = r.string_or("connectorId");
        if (const auto pm = r.object("paymentMethod")) s.payment_method = read_payment_method(*pm);
        s.start_time = r.opt_time("startTime");
        s.end_time = r.opt_time("endTime");
        s.total_costs = r.opt_money("retailCostInclVat");
        s.total_vat = r.opt_money("vatAmount");
        s.vat_percent = r.opt_number("vatPercentage");
        s.currency = r.string_or("currency");
        s.energy_kwh = r.number_or("energyInKwh");
        return s;
    };
    return decode_document<std::vector<SessionSummary>>(
        body, [&](const FieldReader& r) { return read_data_list<SessionSummary>(r, read_item); });
}

std::string decode_error_message(std::string_view body) {
    const Json j = Json::parse(body.begin(), body.end(), nullptr, false);
    if (j.is_discarded()) {
        // text/plain answers ("Invalid token used"); an HTML error page is no message for a driver.
        const std::string text = tidy_message(body);
        if (text.empty() || text.size() > 200 || text.find('<') != std::string::npos) return {};
        return text;
    }
    if (j.is_string()) return tidy_message(j.get_ref<const std::string&>());
    if (!j.is_object()) return {};

    ReadLog ignored;
    FieldReader r(j, "", ignored);
    std::string joined;
    r.each("validationMessages", [&](const Json& item, const std::string& path) {
        FieldReader m(item, path, ignored);
        const std::string text = m.string_or("message");
        if (text.empty()) return;
        if (!joined.empty()) joined += ' ';
        joined += text;
    });
    if (!joined.empty()) return tidy_message(joined);
    // Problem details put the specific text in `detail` and a generic one in `title`.
    for (const char* key : {"message", "detail", "title", "errorMessage"}) {
        const std::string text = r.string_or(key);
        if (!text.empty()) return tidy_message(text);
    }
    return {};
}

}  // namespace core
