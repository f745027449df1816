// Estimating a session's cost under a tariff, OCPI style.
#include <catch2/catch.hpp>

#include "core/api/codec.hpp"
#include "seed_bodies.hpp"
#include "core/pricing/tariff_estimate.hpp"

using namespace core;

namespace {
Tariff tariff_from(const std::string& body) {
    const auto d = decode_tariff(body);
    REQUIRE(d.ok());
    return *d.value;
}
}  // namespace

TEST_CASE("seed tariff: flat + energy + time") {
    const auto items = decode_tariff_items(seed::kSeedTariffs);
    REQUIRE(items.ok());
    const Tariff& t = *items.value->front().tariff;
    // €1.64 + 10 kWh × €2.106 + 1 h × €0.351 = €23.051
    CHECK(estimate_cost(t, 10, 3600, 10) == 23'051'000);
    // 90 s at a 60 s step bills 2 minutes: 120/3600 × €0.351 = €0.0117
    CHECK(estimate_cost(t, 0, 90, 0) == 1'640'000 + 11'700);
    // Nothing charged yet: the session fee only.
    CHECK(estimate_cost(t, 0, 0, 0) == 1'640'000);
}

TEST_CASE("restrictions split the session into periods") {
    // First hour €1/h, after that €3/h; first 10 kWh at €0.20, above at €0.40.
    const Tariff t = tariff_from(R"({"currency":"EUR","elements":[
        {"priceComponents":[{"type":"TIME","price":1,"stepSize":1,"restrictions":{"max_duration":3600}}]},
        {"priceComponents":[{"type":"TIME","price":3,"stepSize":1}]},
        {"priceComponents":[{"type":"ENERGY","price":0.2,"stepSize":1,"restrictions":{"max_kwh":10}}]},
        {"priceComponents":[{"type":"ENERGY","price":0.4,"stepSize":1}]}]})");
    // 2 h, 30 kWh: time 1 + 3 = €4; energy 10 × 0.2 + 20 × 0.4 = €10.
    CHECK(estimate_cost(t, 30, 7200, 15) == 14'000'000);
    // 30 min, 5 kWh: €0.50 + €1.00.
    CHECK(estimate_cost(t, 5, 1800, 10) == 1'500'000);
}

TEST_CASE("power restrictions choose the component, flat is charged once") {
    const Tariff t = tariff_from(R"({"currency":"EUR","elements":[
        {"priceComponents":[{"type":"ENERGY","price":0.59,"restrictions":{"min_power":50}}]},
        {"priceComponents":[{"type":"ENERGY","price":0.39}]},
        {"priceComponents":[{"type":"FLAT","price":0.5,"restrictions":{"min_power":50}}]},
        {"priceComponents":[{"type":"FLAT","price":2.0}]}]})");
    // Fast charging: 0.59/kWh and the fast session fee, once.
    CHECK(estimate_cost(t, 40, 2400, 60) == 40 * 590'000 + 500'000);
    // Slow: 0.39/kWh and the other fee.
    CHECK(estimate_cost(t, 1, 300, 11) == 390'000 + 2'000'000);
    // Power unknown: derived from energy and time (40 kWh in 40 min = 60 kW).
    CHECK(estimate_cost(t, 40, 2400, 0) == 40 * 590'000 + 500'000);
}

TEST_CASE("the flat fee is the one that applies in the earliest period") {
    const Tariff t = tariff_from(R"({"currency":"EUR","elements":[
        {"priceComponents":[{"type":"FLAT","price":0.5,"restrictions":{"min_duration":600}}]},
        {"priceComponents":[{"type":"FLAT","price":2.0,"restrictions":{"max_duration":300}}]}]})");
    CHECK(estimate_cost(t, 10, 3600, 10) == 2'000'000);  // from the start, not 0.5 after ten minutes
    // When nothing applies at the start, the first one that applies later.
    const Tariff later = tariff_from(R"({"currency":"EUR","elements":[
        {"priceComponents":[{"type":"FLAT","price":0.5,"restrictions":{"min_duration":600}}]}]})");
    CHECK(estimate_cost(later, 10, 3600, 10) == 500'000);
    CHECK(estimate_cost(later, 1, 300, 10) == 0);
}

TEST_CASE("step sizes round each total up once, with the last component's step") {
    const Tariff t = tariff_from(R"({"currency":"EUR","elements":[
        {"priceComponents":[{"type":"ENERGY","price":0.3,"stepSize":500}]},
        {"priceComponents":[{"type":"TIME","price":6,"stepSize":900}]}]})");
    // 10.2 kWh bills 10.5 kWh; 20 min bills 30 min (6/h → €3).
    CHECK(estimate_cost(t, 10.2, 1200, 30) == 3'150'000 + 3'000'000);
    // Exact multiples are not rounded further, even with float noise.
    CHECK(estimate_cost(t, 20.5, 1800, 41) == 6'150'000 + 3'000'000);
}

TEST_CASE("no matching component is free, nonsense input gives no cost") {
    const Tariff t = tariff_from(R"({"currency":"EUR","elements":[
        {"priceComponents":[{"type":"ENERGY","price":0.3,"restrictions":{"min_kwh":100}}]}]})");
    CHECK(estimate_cost(t, 50, 3600, 11) == 0);
    // Only the part above 100 kWh is charged.
    CHECK(estimate_cost(t, 150, 3600, 150) == 15'000'000);
    CHECK(estimate_cost(t, -5, -10, -1) == 0);
    CHECK(estimate_cost(Tariff{}, 10, 600, 11) == 0);
    // Absurd totals saturate instead of overflowing into a negative price.
    const Micros huge = estimate_cost(t, 1.7976931348623157e308, INT64_MAX, 1e308);
    CHECK(huge > 0);
    CHECK(huge <= 200'000'000'000'000'000);
}

TEST_CASE("restrictions hold with inclusive minimums and exclusive maximums") {
    PriceRestrictions r;
    r.min_kwh = 10;
    r.max_duration_s = 3600;
    CHECK(restrictions_hold(r, 0, 10, 0));
    CHECK_FALSE(restrictions_hold(r, 0, 9.99, 0));
    CHECK_FALSE(restrictions_hold(r, 3600, 20, 0));
    CHECK(restrictions_hold(r, 3599, 20, 0));
}

namespace {
SessionStatus live(const char* start, std::initializer_list<std::pair<const char*, double>> points, double kwh,
                   SessionStatusCode code = SessionStatusCode::Charging) {
    SessionStatus st;
    st.status = code;
    st.start_time = parse_iso8601(start);
    for (const auto& [at, e] : points) st.data_points.push_back(DataPoint{*parse_iso8601(at), e, 7.0});
    st.energy_kwh = kwh;
    st.power_kw = code == SessionStatusCode::Parking ? 0 : 7.0;
    return st;
}
}  // namespace

TEST_CASE("running cost from live meter values, as the simulator bills them") {
    const auto items = decode_tariff_items(seed::kSeedTariffs);
    REQUIRE(items.ok());
    const Tariff& t = *items.value->front().tariff;
    const auto st = live("2022-01-13T10:00:00Z", {{"2022-01-13T10:00:00Z", 0}, {"2022-01-13T10:01:00Z", 0.116},
                                                  {"2022-01-13T10:02:00Z", 0.233}}, 0.256);
    // 1.64 + 256 Wh × 2.106/kWh (0.539136) + 132 s billed as 3 min at 0.351/h (0.01755).
    CHECK(running_cost(t, st, *parse_iso8601("2022-01-13T10:02:12Z")) == 1'640'000 + 539'136 + 17'550);
    // A phone clock behind the charger's loses no meter reading.
    CHECK(running_cost(t, st, *parse_iso8601("2022-01-13T10:00:30Z")) >= 1'640'000 + 490'698);
    SessionStatus before = st;
    before.start_time.reset();
    CHECK_FALSE(running_cost(t, before, *parse_iso8601("2022-01-13T10:02:12Z")));
}

TEST_CASE("running cost counts parking once the car is full") {
    const Tariff t = tariff_from(R"({"currency":"EUR","isVatIncluded":true,"elements":[{"priceComponents":[
        {"type":"ENERGY","price":0.5,"stepSize":1},
        {"type":"PARKING_TIME","price":6,"stepSize":60,"restrictions":{"min_duration":3600}}]}]})");
    const auto st = live("2022-01-13T10:00:00Z", {{"2022-01-13T10:00:00Z", 0}, {"2022-01-13T10:50:00Z", 10}}, 10,
                         SessionStatusCode::Parking);
    // 10 kWh = 5.00; parking from 10:50: the period starts before the hour, so it is free.
    CHECK(running_cost(t, st, *parse_iso8601("2022-01-13T11:20:00Z")) == 5'000'000);
    auto later = st;
    later.data_points.push_back(DataPoint{*parse_iso8601("2022-01-13T11:00:00Z"), 10, 0});
    // From 11:00 (an hour in) parking costs 6/h: 20 min = 2.00.
    CHECK(running_cost(t, later, *parse_iso8601("2022-01-13T11:20:00Z")) == 7'000'000);
}
