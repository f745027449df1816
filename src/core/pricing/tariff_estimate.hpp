// What a session would cost under a Charge Assist tariff, by the tariff engine's rules: the price
// screen's estimates ("20 kWh ≈ €X") and the running cost of a live session from its meter values.
#pragma once
#include <cstdint>
#include <optional>

#include "core/api/api.hpp"

namespace core {

// A session of `kwh` flowing evenly over `seconds` at `power_kw` (0: derived from the two),
// priced by the engine in one-minute periods (so kWh and duration restrictions take effect
// where they start to hold). What the driver pays: VAT included, in micros, not yet rounded.
// Nonsense input (negative, NaN, absurdly large) is clamped, never overflowing.
Micros estimate_cost(const Tariff& tariff, double kwh, int64_t seconds, double power_kw);

// The running cost of a live session at `now` from its meter values (usageSummary.dataPoints,
// then energyInKwh up to now): each interval is a charging period, or parking when no energy
// flowed and no power was drawn. VAT included. nullopt before charging has started.
std::optional<Micros> running_cost(const Tariff& tariff, const SessionStatus& status, TimePoint now);

// Whether `r` holds after `elapsed_s` seconds, `kwh` charged so far, at `power_kw`
// (minimums inclusive, maximums exclusive, as in OCPI).
bool restrictions_hold(const PriceRestrictions& r, double elapsed_s, double kwh, double power_kw);

}  // namespace core
