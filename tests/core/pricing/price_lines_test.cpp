// The price a driver reads before starting: AFIR order, units, conditions and the VAT note.
#include <catch2/catch.hpp>

#include "core/api/codec.hpp"
#include "core/pricing/price_lines.hpp"
#include "seed_bodies.hpp"

using namespace core;

namespace {
Tariff seed_tariff() {
    const auto d = decode_tariff_items(seed::kSeedTariffs);
    REQUIRE(d.ok());
    REQUIRE(d.value->front().tariff.has_value());
    return *d.value->front().tariff;
}

Tariff tariff_from(const char* body) {
    const auto d = decode_tariff(body);
    REQUIRE(d.ok());
    return *d.value;
}
}  // namespace

TEST_CASE("seed tariff: per kWh, per minute, per session, VAT included") {
    const Tariff t = seed_tariff();
    const auto lines = price_lines(t);
    REQUIRE(lines.size() == 3);
    // Wire order is FLAT, ENERGY, TIME; AFIR wants energy, time, session.
    CHECK(lines[0].type == PriceType::Energy);
    CHECK(lines[0].label == Str::PerKwh);
    CHECK(lines[0].amount == 2'106'000);
    CHECK(lines[0].currency == "EUR");
    CHECK(price_line_text(lines[0]) == "€2.106 per kWh");
    // TIME is €0.351 per hour on the wire, billed per minute (stepSize 60): €0.00585 per minute.
    CHECK(lines[1].type == PriceType::Time);
    CHECK(lines[1].label == Str::PerMinute);
    CHECK(lines[1].amount == 5'850);
    CHECK(price_line_text(lines[1]) == "€0.00585 per minute");
    CHECK(lines[2].type == PriceType::Flat);
    CHECK(lines[2].label == Str::PerSession);
    CHECK(lines[2].amount == 1'640'000);
    CHECK(price_line_text(lines[2]) == "€1.64 per session");
    for (const auto& l : lines) CHECK(l.restriction.empty());
    CHECK(vat_statement(t) == "VAT 13% included");
    CHECK_FALSE(is_free(t));
}

TEST_CASE("coarse time steps are shown per hour, parking and others last, conditions in words") {
    const Tariff t = tariff_from(R"({"currency":"GBP","vatPercentage":20,"isVatIncluded":false,"elements":[
        {"priceComponents":[{"type":"PARKING_TIME","price":6,"stepSize":900,"restrictions":{"min_duration":7200}}]},
        {"priceComponents":[{"type":"TIME","price":1.2,"stepSize":3600,"restrictions":{"max_duration":3600}}]},
        {"priceComponents":[{"type":"SURPRISE","price":0.5}]},
        {"priceComponents":[{"type":"ENERGY","price":0.25,"restrictions":{"max_kwh":20}},
                            {"type":"ENERGY","price":0.35,"restrictions":{"min_kwh":20,"min_power":50,"max_current":32}}]},
        {"priceComponents":[{"type":"PARKING_TIME","price":3,"stepSize":60}]}]})");
    const auto lines = price_lines(t);
    REQUIRE(lines.size() == 6);
    // Prices without VAT are shown with the 20 % added, as the driver pays them.
    CHECK(lines[0].amount == 300'000);
    CHECK(lines[0].restriction == "up to 20 kWh");
    CHECK(lines[1].amount == 420'000);
    CHECK(lines[1].restriction == "above 20 kWh, above 50 kW, below 32 A");
    CHECK(lines[2].label == Str::PerHour);
    CHECK(lines[2].amount == 1'440'000);
    CHECK(lines[2].restriction == "up to 60 min");
    CHECK(lines[3].label == Str::ParkingPerHour);
    CHECK(lines[3].amount == 7'200'000);
    CHECK(lines[3].restriction == "from 120 min");
    CHECK(lines[4].label == Str::ParkingPerMinute);
    CHECK(lines[4].amount == 60'000);
    CHECK(lines[5].label == Str::OtherCharge);
    CHECK(price_line_text(lines[2]) == "£1.44 per hour");
    CHECK(vat_statement(t) == "VAT 20% included");
}

TEST_CASE("VAT note and free tariffs") {
    CHECK(vat_statement(tariff_from(R"({"currency":"EUR","elements":[]})")) == "No VAT");
    // Only the components say it: the first one speaks for the tariff.
    CHECK(vat_statement(tariff_from(R"({"currency":"EUR","isVatIncluded":true,
        "elements":[{"priceComponents":[{"type":"ENERGY","price":0.3,"vat":21}]}]})")) == "VAT 21% included");
    CHECK(is_free(tariff_from(R"({"currency":"EUR","elements":[{"priceComponents":[{"type":"FLAT","price":0}]}]})")));
    CHECK(is_free(tariff_from(R"({"currency":"EUR"})")));
    CHECK(price_lines(tariff_from(R"({"currency":"EUR"})")).empty());
}

TEST_CASE("restriction text for every kind of limit") {
    PriceRestrictions r;
    CHECK(restriction_text(r).empty());
    r.min_duration_s = 90;
    r.max_power_kw = 22;
    r.min_current_a = 6.5;
    CHECK(restriction_text(r) == "from 1 min 30 s, below 22 kW, above 6.5 A");
}
