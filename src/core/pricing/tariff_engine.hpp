// The tariff engine: what a session costs under an OCPI 2.2.1 tariff, in exact micros. One set of
// rules for the price screen, the running cost, the evprice tool and (mirrored) the simulator.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "ocpi_tariff.hpp"
#include "core/time/time.hpp"

namespace core::ocpi {

struct Amount {
    Micros excl_vat = 0;
    Micros incl_vat = 0;
};

// What one price component billed over the session (all its periods plus any step rounding).
struct CostLine {
    Dimension dimension = Dimension::Flat;
    bool reservation = false;     // a TIME or FLAT component billed for the reservation
    size_t element = 0;           // index in Tariff::elements
    Micros unit_price = 0;        // as in the tariff (per kWh, per hour or per session)
    std::optional<VatBp> vat;
    int64_t quantity = 0;         // billed: mWh for ENERGY, ms for TIME/PARKING_TIME, 1 for FLAT
    Amount cost;
};

struct SessionCost {
    Amount total, energy, time, parking, fixed, reservation;
    MilliWh total_energy = 0, billed_energy = 0;
    Ms total_time = 0;  // first period start to session end
    Ms charging_time = 0, billed_charging_time = 0;
    Ms parking_time = 0, billed_parking_time = 0;
    Ms reservation_time = 0;
    std::vector<CostLine> lines;
    bool min_price_applied = false, max_price_applied = false;
};

struct PriceResult {
    std::optional<SessionCost> cost;
    std::string error;  // why there is no cost (the tariff is not valid at the session's start)
};

struct PriceOptions {
    ZoneRule zone{};           // where start/end time, dates and weekdays are read; UTC by default
    bool apply_min_max = true; // OCPI's min_price/max_price (see tariff_engine.cpp on the test data)
};

// The rules (OCPI 2.2.1; where OCPI is silent, as tandemdrive/ocpi-tariffs):
// - Each period is priced whole by the elements whose restrictions hold at its start: time of
//   day (end < start wraps past midnight; equal times mean all day), dates (end exclusive),
//   weekday, kWh charged before the period, session time elapsed (max exclusive), power and
//   current (the period's MIN_/MAX_ value, else its plain value; unknown holds).
// - Per dimension the first active element that has a component of it wins; none: free.
// - FLAT is charged once: in the first period where a FLAT component is active (once more for
//   a reservation, whose FLAT and TIME come from elements with a reservation restriction).
// - step_size rounds each dimension's session total (all its volume) up once, the extra billed
//   at the price of the component of the last period that billed it. Time-based dimensions are
//   rounded together: when parking was priced, only the parking total is rounded, not TIME.
// - Each period's cost is price × volume rounded to micros (mul_div_round); VAT is added per
//   cost (or taken out of it when prices include VAT); a missing VAT means no VAT.
// - Totals are the sums; min_price/max_price then bound the excl. and incl. VAT totals apart.
PriceResult price_session(const Tariff& tariff, const Session& session, const PriceOptions& options = {});

}  // namespace core::ocpi
