// OCPI 2.2.1 Tariff and CDR (charging periods) as plain values in exact units, for the tariff
// engine. JSON mapping: ocpi_codec.hpp. Charge Assist's TariffModel maps onto the same types.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/money/money.hpp"
#include "core/time/time.hpp"

namespace core::ocpi {

// Exact quantities: energy in milliwatt-hours (1e-6 kWh), time in milliseconds.
using MilliWh = int64_t;
using Ms = int64_t;
// VAT in hundredths of a percent (21 % = 2100, 5.5 % = 550).
using VatBp = int32_t;

enum class Dimension { Flat, Energy, Time, ParkingTime };
enum class ReservationRule { None, Reservation, Expires };

struct Restrictions {
    std::optional<int> start_minute, end_minute;          // local minute of the day, 0..1439
    std::optional<int64_t> start_day, end_day;            // local date as days since 1970-01-01
    std::optional<double> min_kwh, max_kwh;
    std::optional<double> min_current_a, max_current_a;
    std::optional<double> min_power_kw, max_power_kw;
    std::optional<int64_t> min_duration_s, max_duration_s;
    uint8_t weekdays = 0;  // bit 0 Monday ... bit 6 Sunday; 0 = every day
    ReservationRule reservation = ReservationRule::None;
};

struct Component {
    Dimension type = Dimension::Flat;
    Micros price = 0;           // per kWh (ENERGY), per hour (TIME, PARKING_TIME), per session (FLAT)
    int64_t step_size = 1;      // Wh for ENERGY, seconds for TIME/PARKING_TIME
    std::optional<VatBp> vat;   // absent: no VAT applies (not the same as 0 %)
};

struct Element {
    std::vector<Component> components;
    Restrictions restrictions;
};

struct Price {
    Micros excl_vat = 0;
    std::optional<Micros> incl_vat;  // optional in OCPI
};

struct Tariff {
    std::string id;
    std::string currency;
    std::optional<Price> min_price, max_price;
    std::optional<TimePoint> start_date_time, end_date_time;
    std::vector<Element> elements;
    // Charge Assist's isVatIncluded: prices already hold VAT, and the part without VAT is
    // derived from them. OCPI prices are always without VAT.
    bool prices_include_vat = false;
};

// One CDR charging period; it ends where the next starts (the last at the session's end).
struct ChargingPeriod {
    TimePoint start{};
    std::optional<MilliWh> energy;
    std::optional<Ms> time, parking_time, reservation_time;
    // Instantaneous or extreme values during the period, when the CDR gives them.
    std::optional<double> power_kw, min_power_kw, max_power_kw;
    std::optional<double> current_a, min_current_a, max_current_a;
};

struct Session {
    TimePoint start{}, end{};
    std::vector<ChargingPeriod> periods;
};

}  // namespace core::ocpi
