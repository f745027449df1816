// What a session would cost under a tariff: an OCPI-style estimate for the price screen and the
// running cost, from the session's totals (energy, duration, power held constant).
#pragma once
#include <cstdint>

#include "api_types.hpp"

namespace core {

// Rules (OCPI 2.2.1 as far as totals allow):
// - Energy is taken to flow evenly over the session, so restrictions on duration and kWh split
//   the session into periods; in each period, per dimension (ENERGY, TIME) the first component
//   in tariff order whose restrictions all hold is used; none holding means free.
// - FLAT is charged once: in the earliest period where any FLAT component holds, the first
//   of them in tariff order.
// - step_size rounds each dimension's billed total up, once, at the last used component's price.
// - PARKING_TIME is not estimated (no idle time is known); current restrictions are taken to hold.
// The result is in micros on the tariff's own VAT basis (incl. VAT when isVatIncluded), not
// rounded to cents: the caller formats or adds it up first.
Micros estimate_cost(const Tariff& tariff, double kwh, int64_t seconds, double power_kw);

// Whether `r` holds after `elapsed_s` seconds, `kwh` charged so far, at `power_kw`.
bool restrictions_hold(const PriceRestrictions& r, double elapsed_s, double kwh, double power_kw);

}  // namespace core
