// What a driver reads before starting: the tariff as lines in the EU AFIR order (per kWh, per
// minute, per session, then the rest), each with its conditions in plain words, plus the VAT note.
#pragma once
#include <string>
#include <vector>

#include "core/api/api.hpp"
#include "core/text/text.hpp"

namespace core {

struct PriceLine {
    PriceType type = PriceType::Unknown;
    Str label = Str::None;  // PerKwh, PerMinute, PerHour, PerSession, ParkingPerMinute, ParkingPerHour, OtherCharge
    Micros amount = 0;      // per the label's unit, VAT included (added when the tariff states prices without)
    std::string currency;
    std::string restriction;  // "from 60 min, above 20 kWh"; empty when the price always applies
};

// TIME and PARKING_TIME prices are per hour on the wire (OCPI). They are shown per minute when
// billed by the minute or finer (stepSize <= 60 s), because that is how the driver pays them,
// and per hour otherwise. Components follow the tariff's own order within each group.
std::vector<PriceLine> price_lines(const Tariff& tariff);

// "€2.106 per kWh", "€1.64 per session" (unit prices keep all their decimals).
std::string price_line_text(const PriceLine& line);

// The conditions of one component in plain words, joined by ", "; empty when none.
std::string restriction_text(const PriceRestrictions& r);

// "VAT 13% included" (the lines include it), or "No VAT" when no percentage is given.
std::string vat_statement(const Tariff& tariff);

// True when nothing in the tariff costs anything (the view then says Free).
bool is_free(const Tariff& tariff);

}  // namespace core
