// Charge Assist API types the app reads, as plain values. Wire mapping lives in codec.hpp.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/money/money.hpp"
#include "core/time/time.hpp"

namespace core {

// An area of the map, as the locations endpoints take it.
struct BoundingBox {
    double bottom_left_lat = 0, bottom_left_lng = 0, top_right_lat = 0, top_right_lng = 0;
};

struct Branding {
    std::string id;
    std::string display_name;
    std::string primary_color_hex;
    std::string logo_url;
    std::string support_phone;
    std::string support_email;
    std::string support_website;
};

// A location's EVSEs by status class, counted from the statuses the service lists (EvseSummary,
// or the availability refresh). `listed` 0: it listed none, so only conAvail/conTot are known.
struct EvseTally {
    int listed = 0;
    int available = 0;       // AVAILABLE
    int out_of_order = 0;    // OUTOFORDER, INOPERATIVE
    int unknown = 0;         // UNKNOWN and statuses this app does not know
    int unreachable = 0;     // of those, the wire's UNKNOWN: no status reaches the service (offline)
    int not_in_service = 0;  // PLANNED, REMOVED: not there to charge at, counted nowhere else
    friend bool operator==(const EvseTally&, const EvseTally&) = default;
};

// GET /locations/boundingbox item (LocationSummary).
struct LocationSummary {
    std::string id;
    std::string name;
    std::string address;  // wire: "add"
    std::string city;
    std::string country;
    double lat = 0;
    double lng = 0;
    int connectors_available = 0;  // wire: "conAvail"
    int connectors_total = 0;      // wire: "conTot"
    bool direct_pay = false;       // wire: "dp"
    bool rfid = false;
    std::optional<Branding> branding;
    // wire: "brandingId". A list sends an operator's branding once and only its id after that.
    std::string branding_id;
    // From the summary's EVSEs when the service lists them (the map's AC/DC and power badges).
    double max_kw = 0;
    bool has_dc = false, has_ac = false;
    EvseTally evses;  // what the marker's colour says (core/map/marker.hpp)
};

// The bounding-box answer: one page of summaries plus the paging meta.
struct LocationList {
    std::vector<LocationSummary> items;
    bool has_more_data = false;
    std::string continuation_token;  // sent back as the `continuationToken` header for the next page
};

enum class EvseStatus { Available, Blocked, Charging, Inoperative, OutOfOrder, Planned, Removed, Reserved, Unknown };

struct Connector {
    std::string id;
    std::string standard;    // e.g. IEC_62196_T2; shown as given, mapped to words by the UI
    std::string format;      // SOCKET / CABLE
    std::string power_type;  // AC_1_PHASE / AC_3_PHASE / DC
    double kw = 0;
    int phases = 0;
    int voltage = 0;
    int amperage = 0;
    std::string tariff_id;
};

struct Evse {
    std::string uid;
    std::string evse_id;  // eMI3 id when given
    std::string display_name;
    EvseStatus status = EvseStatus::Unknown;
    std::string status_raw;  // the wire value, kept so an unknown status can be shown as such
    std::vector<Connector> connectors;
    bool charging_not_allowed = false;
    bool restricted_access = false;
    std::string floor_level;
};

// GET /locations/{id} (LocationModel), the parts the journey needs.
// What is at or near a location (LocationModel.facilities); `raw` keeps a value this app does not
// know, so it is shown as given rather than dropped.
enum class Facility {
    Hotel, Restaurant, Cafe, Mall, Supermarket, Sport, RecreationArea, Nature, Museum, BusStop, TaxiStand,
    TrainStation, Airport, CarpoolParking, FuelStation, Wifi, BikeSharing, MetroStation, ParkingLot, TramStop,
    Unknown
};
struct FacilityValue {
    Facility kind = Facility::Unknown;
    std::string raw;
};

// LocationModel.openingHours: open around the clock, or regular periods per weekday (1 = Monday).
struct OpeningPeriod {
    int weekday = 0;
    std::string begin, end;  // "08:00", as given
};
struct OpeningHours {
    bool twentyfourseven = false;
    std::vector<OpeningPeriod> regular;
};

struct Location {
    std::string id;
    std::string name;
    std::string address;
    std::string city;
    std::string postal_code;
    std::string country;
    double lat = 0;
    double lng = 0;
    std::string operator_name;
    std::string time_zone;
    std::vector<Evse> evses;
    std::optional<Branding> branding;
    std::vector<FacilityValue> facilities;
    std::optional<OpeningHours> opening_hours;
};

enum class VerificationStatus { Pending, Valid, Invalid, Unknown };

struct PaymentMethod {
    std::string id;  // the paymentMethodId used to start
    std::string type;  // CHARGE_CARD / EXTERNAL / ...
    std::string card_hint;
    std::string external_id;
    std::string display_name;  // the driver's own name for it, when set
    std::string issuer;        // chargeCardIssuer
    VerificationStatus verification = VerificationStatus::Unknown;
    std::optional<bool> is_compatible;  // only on tariff items
};

enum class PriceType { Flat, Energy, Time, ParkingTime, Unknown };

struct PriceRestrictions {
    std::optional<double> min_kwh, max_kwh;
    std::optional<int64_t> min_duration_s, max_duration_s;
    std::optional<double> min_power_kw, max_power_kw;
    std::optional<double> min_current_a, max_current_a;
};

struct PriceComponent {
    PriceType type = PriceType::Unknown;
    std::string type_raw;
    Micros price = 0;  // per unit as on the wire (incl. VAT when the tariff says isVatIncluded)
    int step_size = 1;
    std::optional<double> vat_percent;  // missing means no VAT
    PriceRestrictions restrictions;
};

struct TariffElement {
    std::vector<PriceComponent> components;
};

struct Tariff {
    std::string currency;
    std::optional<double> vat_percent;
    bool vat_included = false;
    std::vector<TariffElement> elements;
};

enum class TariffValidity { Valid, Unknown, NoTariffFound, NotCompatible, Error, Other };

// GET /tariff/{appToken}/evse/... item: one per payment method.
struct WalletTariffItem {
    std::optional<Tariff> tariff;
    TariffValidity validity = TariffValidity::Other;
    std::string validity_raw;
    PaymentMethod payment_method;
};

struct StartResult {
    std::string charge_session_id;
    std::optional<TimePoint> next_status_call;
};

enum class SessionStatusCode {
    Requested, Rejected, Starting, Charging, Parking, Stopping, Completed, CdrAvailable,
    Timeout, Cancelled, Error, Unknown
};

struct CostLine {
    std::string dimension;  // ENERGY, TIME, FLAT, PARKING_TIME, ...
    std::string unit;       // KWH, MIN, MONEY, ... (the quantity's unit)
    double quantity = 0;
    Micros unit_price = 0;
    Micros cost = 0;  // roundedCost when given, else unroundedCost
};

struct DataPoint {
    TimePoint at{};
    double energy_kwh = 0;
    double power_kw = 0;
};

// StatusResponse.prioritySessionStatus: whether the driver's "charge now" overrides smart charging.
// Absent: not in the answer; Other: a value this app does not know (kept in `priority_raw`).
enum class PriorityStatus { Absent, NotApplicable, Off, On, Other };

// POST /session/highpriority (HighPriorityResponse.status).
enum class HighPriorityAnswer { Approved, Denied, Error, Other };

// GET /session/status and POST /session/stop (StatusResponse).
struct SessionStatus {
    SessionStatusCode status = SessionStatusCode::Unknown;
    std::string status_raw;
    std::string error;  // INVALID_TOKEN, EVSE_NOT_AVAILABLE, ...
    std::string error_message;
    std::string location_id, evse_uid, connector_id;
    double energy_kwh = 0;
    double power_kw = 0;
    // currentPowerInKw was given: the charge station sends meter data, so a car is connected
    // (before the start arrives: connected and waiting, with no current).
    bool meter_reported = false;
    std::optional<bool> smart_charging;  // smartChargingEnabled
    PriorityStatus priority = PriorityStatus::Absent;
    std::string priority_raw;
    std::optional<double> state_of_charge;
    std::optional<Micros> total_costs;
    std::optional<Micros> total_vat;
    std::optional<double> vat_percent;
    std::string currency;
    std::optional<TimePoint> start_time, end_time, next_status_call;
    std::string receipt_number;
    // The status's `location` object: where the session ran, for the receipt.
    std::string location_name, location_address, location_city, location_time_zone;
    // The location's branding as the status gives it: the operator's support contacts.
    std::optional<Branding> branding;
    // The payment method the session is charged to (SessionPaymentMethodModel), when given.
    std::string payment_method_id;
    std::optional<PaymentMethod> payment_method;
    std::vector<CostLine> cost_breakdown;  // the retail segments' line items, in order
    std::vector<DataPoint> data_points;
};

// GET /token/{appToken}/sessions item (SessionHistoryModel): one session of this token, running
// or over, as the history and the search for sessions started elsewhere read it.
struct SessionSummary {
    std::string id;  // wire: chargeSessionId
    SessionStatusCode status = SessionStatusCode::Unknown;
    std::string status_raw;
    std::string location_id, location_name, address, city;
    std::string location_time_zone;  // the charger's zone (its location's timeZone): its times are shown in it
    std::string evse_uid, connector_id;
    std::optional<PaymentMethod> payment_method;
    std::optional<TimePoint> start_time, end_time;
    std::optional<Micros> total_costs;  // wire: retailCostInclVat
    std::optional<Micros> total_vat;    // wire: vatAmount
    std::optional<double> vat_percent;
    std::string currency;
    double energy_kwh = 0;
};

// Is this status one after which nothing more will happen?
bool is_final(SessionStatusCode s);

}  // namespace core
