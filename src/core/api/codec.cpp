// Charge Assist JSON bodies to api/types.hpp values (see codec.hpp for the rules).
#include "codec.hpp"

#include <algorithm>
#include <utility>

#include "json_read.hpp"
#include "readers.hpp"

namespace core {

void tally_evse(EvseTally& t, std::string_view status) {
    ++t.listed;
    switch (evse_status_from_wire(status)) {
        case EvseStatus::Available: ++t.available; break;
        case EvseStatus::OutOfOrder:
        case EvseStatus::Inoperative: ++t.out_of_order; break;
        case EvseStatus::Planned:
        case EvseStatus::Removed: ++t.not_in_service; break;
        case EvseStatus::Unknown:
            ++t.unknown;
            if (status == "UNKNOWN") ++t.unreachable;
            break;
        case EvseStatus::Charging:
        case EvseStatus::Blocked:
        case EvseStatus::Reserved: break;  // in use: busy is what is left over
    }
}

namespace {

using namespace wire;

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

PriorityStatus priority_status_from_wire(std::string_view s) {
    static const std::pair<const char*, PriorityStatus> table[] = {
        {"NOT_APPLICABLE", PriorityStatus::NotApplicable},
        {"OFF", PriorityStatus::Off},
        {"ON", PriorityStatus::On},
    };
    return from_table(s, table, PriorityStatus::Other);
}

Decoded<HighPriorityAnswer> decode_high_priority(std::string_view body) {
    return decode_document<HighPriorityAnswer>(body, [](const FieldReader& r) -> std::optional<HighPriorityAnswer> {
        static const std::pair<const char*, HighPriorityAnswer> table[] = {
            {"APPROVED", HighPriorityAnswer::Approved},
            {"DENIED", HighPriorityAnswer::Denied},
            {"ERROR", HighPriorityAnswer::Error},
        };
        return from_table(r.string_or("status"), table, HighPriorityAnswer::Other);
    });
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
            s.location_time_zone = l->string_or("timeZone");
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
