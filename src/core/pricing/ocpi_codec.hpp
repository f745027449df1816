// OCPI 2.2.1 Tariff and CDR JSON to the engine's types (ocpi_tariff.hpp), and Charge Assist's
// TariffModel onto the same types. Decoders never abort and name the path of what was wrong.
#pragma once
#include <string_view>

#include "core/api/api.hpp"
#include "ocpi_tariff.hpp"

namespace core::ocpi {

// An OCPI Tariff object; a Charge Assist TariffModel (elements[].priceComponents) is accepted too.
// Anything unreadable that would change the price (a price, a type, a restriction) fails the whole.
Decoded<Tariff> decode_tariff(std::string_view body);

// An OCPI CDR: start/end_date_time and charging_periods[].dimensions (ENERGY kWh; TIME,
// PARKING_TIME, RESERVATION_TIME hours; POWER/MIN_POWER/MAX_POWER kW; CURRENT/MIN_/MAX_ A).
Decoded<Session> decode_cdr(std::string_view body);

// Charge Assist's TariffModel: each component becomes an element of its own holding its
// restrictions (first match per dimension keeps the component order); a component without `vat`
// takes the tariff's vatPercentage; isVatIncluded carries over. Unknown component types are left out.
Tariff from_charge_assist(const core::Tariff& tariff);

// Wire quantities to exact units (rounded half away from zero, like micros_from_double).
MilliWh milliwh_from_kwh(double kwh);
Ms ms_from_hours(double hours);
VatBp vat_from_percent(double percent);

}  // namespace core::ocpi
