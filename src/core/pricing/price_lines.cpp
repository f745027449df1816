// The tariff as lines a driver reads before starting (see price_lines.hpp).
#include "price_lines.hpp"

#include <cmath>

#include "core/text/text.hpp"

namespace core {
namespace {

// AFIR order: energy, time, session, then anything else.
int afir_rank(PriceType t) {
    switch (t) {
        case PriceType::Energy: return 0;
        case PriceType::Time: return 1;
        case PriceType::Flat: return 2;
        case PriceType::ParkingTime: return 3;
        case PriceType::Unknown: break;
    }
    return 4;
}

// Per-hour price (`amount`, VAT included) to the shown unit; per minute is rounded to the micro.
void time_unit(const PriceComponent& c, bool parking, Str& label, Micros& amount) {
    if (c.step_size <= 60) {
        label = parking ? Str::ParkingPerMinute : Str::PerMinute;
        amount = mul_div_round(amount, 1, 60);
    } else {
        label = parking ? Str::ParkingPerHour : Str::PerHour;
    }
}

// The price as the driver pays it: tariffs that state prices without VAT get their VAT added
// (the component's, else the tariff's), by the same rounding rule as the bill.
Micros with_vat(const Tariff& t, const PriceComponent& c) {
    const auto vat = c.vat_percent ? c.vat_percent : t.vat_percent;
    if (t.vat_included || !vat || !std::isfinite(*vat)) return c.price;
    return mul_div_round(c.price, 10000 + std::llround(*vat * 100), 10000);
}

void append(std::string& out, Str words, const std::string& value) {
    if (!out.empty()) out += ", ";
    out += tr_format(words, {value});
}

}  // namespace

std::string restriction_text(const PriceRestrictions& r) {
    std::string out;
    if (r.min_duration_s) append(out, Str::RestrictFrom, format_duration_short(*r.min_duration_s));
    if (r.max_duration_s) append(out, Str::RestrictUpTo, format_duration_short(*r.max_duration_s));
    if (r.min_kwh) append(out, Str::RestrictAbove, format_energy_short(*r.min_kwh));
    if (r.max_kwh) append(out, Str::RestrictUpTo, format_energy_short(*r.max_kwh));
    if (r.min_power_kw) append(out, Str::RestrictAbove, format_power_short(*r.min_power_kw));
    if (r.max_power_kw) append(out, Str::RestrictBelow, format_power_short(*r.max_power_kw));
    if (r.min_current_a) append(out, Str::RestrictAbove, format_current(*r.min_current_a));
    if (r.max_current_a) append(out, Str::RestrictBelow, format_current(*r.max_current_a));
    return out;
}

std::vector<PriceLine> price_lines(const Tariff& tariff) {
    std::vector<PriceLine> lines;
    for (int rank = 0; rank <= 4; ++rank) {
        for (const auto& element : tariff.elements) {
            for (const auto& c : element.components) {
                if (afir_rank(c.type) != rank) continue;
                PriceLine line;
                line.type = c.type;
                line.currency = tariff.currency;
                line.amount = with_vat(tariff, c);
                switch (c.type) {
                    case PriceType::Energy: line.label = Str::PerKwh; break;
                    case PriceType::Flat: line.label = Str::PerSession; break;
                    case PriceType::Time: time_unit(c, false, line.label, line.amount); break;
                    case PriceType::ParkingTime: time_unit(c, true, line.label, line.amount); break;
                    case PriceType::Unknown: line.label = Str::OtherCharge; break;
                }
                line.restriction = restriction_text(c.restrictions);
                lines.push_back(std::move(line));
            }
        }
    }
    return lines;
}

std::string price_line_text(const PriceLine& line) {
    return format_unit_price(line.amount, line.currency) + " " + tr(line.label);
}

std::string vat_statement(const Tariff& tariff) {
    std::optional<double> percent = tariff.vat_percent;
    // Some tariffs state VAT only per component; the first one that does speaks for the tariff.
    for (const auto& element : tariff.elements)
        for (const auto& c : element.components)
            if (!percent && c.vat_percent) percent = c.vat_percent;
    if (!percent) return tr(Str::NoVat);
    // The lines always show prices with VAT (price_lines adds it when the tariff does not).
    return tr_format(Str::VatIncluded, {format_percent(*percent)});
}

bool is_free(const Tariff& tariff) {
    for (const auto& element : tariff.elements)
        for (const auto& c : element.components)
            if (c.price != 0) return false;
    return true;
}

}  // namespace core
