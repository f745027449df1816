// Estimates and running costs through the tariff engine (see tariff_estimate.hpp).
#include "tariff_estimate.hpp"

#include <algorithm>
#include <cmath>

#include "ocpi_codec.hpp"
#include "tariff_engine.hpp"

namespace core {
namespace {

constexpr double kMaxKwh = 1e6;             // beyond any battery: clamp, do not overflow
constexpr int64_t kMaxSeconds = 30 * 86400;  // a month plugged in

double sane(double v, double hi) { return std::isfinite(v) && v > 0 ? std::min(v, hi) : 0.0; }

Micros incl_vat_of(const Tariff& tariff, const ocpi::Session& s) {
    const auto r = ocpi::price_session(ocpi::from_charge_assist(tariff), s);
    return r.cost ? r.cost->total.incl_vat : 0;
}

}  // namespace

Micros estimate_cost(const Tariff& tariff, double kwh, int64_t seconds, double power_kw) {
    const double energy = sane(kwh, kMaxKwh);
    const int64_t duration = std::clamp<int64_t>(seconds, 0, kMaxSeconds);
    double power = sane(power_kw, 1e4);
    if (power == 0 && duration > 0) power = energy / (static_cast<double>(duration) / 3600.0);
    const ocpi::MilliWh total = ocpi::milliwh_from_kwh(energy);
    const int64_t total_ms = duration * 1000;
    // Period boundaries where a duration or kWh restriction starts or stops holding; the engine
    // reads restrictions at each period's start, so a boundary exactly there is enough.
    std::vector<int64_t> cuts{0, total_ms};
    auto cut_at = [&](int64_t ms) {
        if (ms > 0 && ms < total_ms) cuts.push_back(ms);
    };
    for (const auto& element : tariff.elements) {
        for (const auto& c : element.components) {
            const PriceRestrictions& r = c.restrictions;
            for (const auto& d : {r.min_duration_s, r.max_duration_s})
                if (d && *d < kMaxSeconds) cut_at(*d * 1000);
            for (const auto& k : {r.min_kwh, r.max_kwh}) {
                if (!k || total == 0 || !std::isfinite(*k) || *k <= 0 || *k >= energy) continue;
                // The first whole ms at which the energy so far reaches the threshold.
                const __int128 need = ocpi::milliwh_from_kwh(*k);
                cut_at(static_cast<int64_t>((need * total_ms + total - 1) / total));
            }
        }
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    ocpi::Session s;
    s.start = TimePoint{};
    s.end = s.start + Millis{total_ms};
    auto energy_at = [&](int64_t ms) {
        return total_ms > 0 ? static_cast<ocpi::MilliWh>(static_cast<__int128>(total) * ms / total_ms) : total;
    };
    for (size_t i = 0; i + 1 < cuts.size() || (i == 0 && cuts.size() == 1); ++i) {
        const int64_t from = cuts[i], to = i + 1 < cuts.size() ? cuts[i + 1] : cuts[i];
        ocpi::ChargingPeriod p;
        p.start = s.start + Millis{from};
        p.energy = energy_at(to) - energy_at(from) + (total_ms == 0 ? total : 0);
        if (to > from) p.time = to - from;
        p.power_kw = power;
        s.periods.push_back(p);
    }
    return incl_vat_of(tariff, s);
}

std::optional<Micros> running_cost(const Tariff& tariff, const SessionStatus& st, TimePoint now) {
    if (!st.start_time) return std::nullopt;
    const TimePoint start = *st.start_time;
    // The phone's clock may lag the charger's: readings are never dropped for being "ahead".
    TimePoint end = std::max(start, st.end_time ? *st.end_time : now);
    if (!st.end_time)
        for (const auto& p : st.data_points) end = std::max(end, p.at);
    // The meter readings since the start, in time order, ending with the latest total.
    std::vector<DataPoint> points;
    for (const auto& p : st.data_points)
        if (p.at >= start && p.at <= end) points.push_back(p);
    std::sort(points.begin(), points.end(), [](const DataPoint& a, const DataPoint& b) { return a.at < b.at; });
    if (points.empty() || points.front().at > start) points.insert(points.begin(), DataPoint{start, 0.0, st.power_kw});
    const double latest = std::max(points.back().energy_kwh, sane(st.energy_kwh, kMaxKwh));
    const bool parking_now = st.status == SessionStatusCode::Parking;
    if (end > points.back().at) points.push_back(DataPoint{end, latest, parking_now ? 0.0 : st.power_kw});

    ocpi::Session s;
    s.start = start;
    s.end = end;
    for (size_t i = 0; i + 1 < points.size(); ++i) {
        const DataPoint& a = points[i];
        const DataPoint& b = points[i + 1];
        const ocpi::Ms ms = ms_since_epoch(b.at) - ms_since_epoch(a.at);
        const ocpi::MilliWh wh = std::max<ocpi::MilliWh>(
            0, ocpi::milliwh_from_kwh(sane(b.energy_kwh, kMaxKwh)) - ocpi::milliwh_from_kwh(sane(a.energy_kwh, kMaxKwh)));
        ocpi::ChargingPeriod p;
        p.start = a.at;
        const bool idle = wh == 0 && (b.power_kw <= 0 || (parking_now && i + 2 == points.size()));
        if (idle) {
            p.parking_time = ms;
        } else {
            p.time = ms;
            p.energy = wh;
            p.power_kw = ms > 0 ? static_cast<double>(wh) / 1000.0 / (static_cast<double>(ms) / 3'600'000.0) : a.power_kw;
        }
        s.periods.push_back(p);
    }
    return incl_vat_of(tariff, s);
}

bool restrictions_hold(const PriceRestrictions& r, double elapsed_s, double kwh, double power_kw) {
    if (r.min_kwh && kwh < *r.min_kwh) return false;
    if (r.max_kwh && kwh >= *r.max_kwh) return false;
    if (r.min_duration_s && elapsed_s < static_cast<double>(*r.min_duration_s)) return false;
    if (r.max_duration_s && elapsed_s >= static_cast<double>(*r.max_duration_s)) return false;
    if (r.min_power_kw && power_kw < *r.min_power_kw) return false;
    if (r.max_power_kw && power_kw >= *r.max_power_kw) return false;
    return true;
}

}  // namespace core
