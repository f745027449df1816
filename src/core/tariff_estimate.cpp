// What a session would cost under a tariff (see tariff_estimate.hpp for the rules).
#include "tariff_estimate.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace core {
namespace {

const PriceComponent* first_holding(const Tariff& t, PriceType type, double elapsed_s, double kwh, double kw) {
    for (const auto& element : t.elements)
        for (const auto& c : element.components)
            if (c.type == type && restrictions_hold(c.restrictions, elapsed_s, kwh, kw)) return &c;
    return nullptr;
}

// Absurd inputs (a status claiming 1e308 kWh) must not overflow: totals stop at 1e11 units.
Micros saturated_micros(double micros) {
    constexpr double kLimit = 1e17;
    if (std::isnan(micros)) return 0;  // inf × a zero price
    return static_cast<Micros>(std::llround(std::clamp(micros, -kLimit, kLimit)));
}

// A billed dimension: cost in (fractional) micros, quantity billed, and the last component used.
struct Dimension {
    double cost = 0;
    double quantity = 0;  // in step units: Wh for energy, seconds for time
    const PriceComponent* last = nullptr;
    double last_rate = 0;  // micros per step unit of `last`

    void add(const PriceComponent* c, double quantity_in_units, double micros_per_unit) {
        if (c == nullptr || quantity_in_units <= 0) return;
        cost += quantity_in_units * micros_per_unit;
        quantity += quantity_in_units;
        last = c;
        last_rate = micros_per_unit;
    }

    // Rounds the billed total up to the last component's step, at that component's price.
    Micros total() const {
        double c = cost;
        if (last != nullptr && last->step_size > 1) {
            const double step = last->step_size;
            // The tolerance keeps float noise (20860.0000001 Wh) from costing a whole extra step.
            const double billed = std::ceil(quantity / step - 1e-9) * step;
            if (billed > quantity) c += (billed - quantity) * last_rate;
        }
        return saturated_micros(c);
    }
};

double sane(double v) { return std::isfinite(v) && v > 0 ? v : 0; }

}  // namespace

bool restrictions_hold(const PriceRestrictions& r, double elapsed_s, double kwh, double power_kw) {
    // Minimums are inclusive and maximums exclusive, as in OCPI.
    if (r.min_kwh && kwh < *r.min_kwh) return false;
    if (r.max_kwh && kwh >= *r.max_kwh) return false;
    if (r.min_duration_s && elapsed_s < static_cast<double>(*r.min_duration_s)) return false;
    if (r.max_duration_s && elapsed_s >= static_cast<double>(*r.max_duration_s)) return false;
    if (r.min_power_kw && power_kw < *r.min_power_kw) return false;
    if (r.max_power_kw && power_kw >= *r.max_power_kw) return false;
    return true;
}

Micros estimate_cost(const Tariff& tariff, double kwh, int64_t seconds, double power_kw) {
    const double energy = sane(kwh);
    const double duration = seconds > 0 ? static_cast<double>(seconds) : 0.0;
    double power = sane(power_kw);
    if (power == 0 && duration > 0) power = energy / (duration / 3600.0);

    // Period boundaries: where a duration or kWh restriction starts or stops holding.
    std::vector<double> cuts{0.0, duration};
    if (duration > 0) {
        auto cut_at = [&](double t) {
            if (t > 0 && t < duration) cuts.push_back(t);
        };
        for (const auto& element : tariff.elements) {
            for (const auto& c : element.components) {
                const PriceRestrictions& r = c.restrictions;
                if (r.min_duration_s) cut_at(static_cast<double>(*r.min_duration_s));
                if (r.max_duration_s) cut_at(static_cast<double>(*r.max_duration_s));
                if (energy > 0) {
                    if (r.min_kwh) cut_at(*r.min_kwh / energy * duration);
                    if (r.max_kwh) cut_at(*r.max_kwh / energy * duration);
                }
            }
        }
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

    Dimension energy_dim, time_dim;
    const PriceComponent* flat = nullptr;
    auto price_period = [&](double at_s, double at_kwh, double period_s, double period_kwh) {
        const PriceComponent* e = first_holding(tariff, PriceType::Energy, at_s, at_kwh, power);
        // ENERGY price is per kWh, billed in Wh; TIME price is per hour, billed in seconds.
        if (e != nullptr) energy_dim.add(e, period_kwh * 1000.0, static_cast<double>(e->price) / 1000.0);
        const PriceComponent* t = first_holding(tariff, PriceType::Time, at_s, at_kwh, power);
        if (t != nullptr) time_dim.add(t, period_s, static_cast<double>(t->price) / 3600.0);
        if (flat == nullptr) flat = first_holding(tariff, PriceType::Flat, at_s, at_kwh, power);
    };

    if (duration == 0) {
        price_period(0, 0, 0, energy);  // energy without time: one instant at the start
    } else {
        for (size_t i = 0; i + 1 < cuts.size(); ++i) {
            // Inside a period nothing crosses a boundary, so its middle speaks for all of it.
            const double mid = (cuts[i] + cuts[i + 1]) / 2;
            const double length = cuts[i + 1] - cuts[i];
            price_period(mid, energy * mid / duration, length, energy * length / duration);
        }
    }

    return energy_dim.total() + time_dim.total() + (flat != nullptr ? flat->price : 0);
}

}  // namespace core
