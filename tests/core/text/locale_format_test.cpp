// Money, energy, power, durations, clock times and percentages as people read them.
#include <catch2/catch.hpp>

#include "core/text/locale_format.hpp"

using namespace core;

TEST_CASE("dates and times for the history") {
    const TimePoint t = *parse_iso8601("2021-06-14T08:59:20Z");
    CHECK(format_date_time(t, 0) == "14 Jun 2021, 08:59");
    CHECK(format_date_time(t, 120) == "14 Jun 2021, 10:59");
    CHECK(format_date_time(*parse_iso8601("2021-12-31T23:30:00Z"), 60) == "1 Jan 2022, 00:30");
}

TEST_CASE("money by currency, rounded to cents half away from zero") {
    CHECK(format_money(1'640'000, "EUR") == "€1.64");
    CHECK(format_money(20'450'000, "EUR") == "€20.45");
    CHECK(format_money(1'645'000, "EUR") == "€1.65");
    CHECK(format_money(1'644'999, "EUR") == "€1.64");
    CHECK(format_money(-505'000, "EUR") == "-€0.51");
    CHECK(format_money(0, "GBP") == "£0.00");
    CHECK(format_money(7'000'000, "USD") == "$7.00");
    CHECK(format_money(1'234'567'890'000, "CHF") == "CHF 1,234,567.89");
    CHECK(format_money(5'000, "EUR") == "€0.01");
    CHECK(format_money(4'999, "EUR") == "€0.00");
    CHECK(format_money(100'000'000, "") == "100.00");
}

TEST_CASE("unit prices keep their decimals") {
    CHECK(format_unit_price(2'106'000, "EUR") == "€2.106");
    CHECK(format_unit_price(1'640'000, "EUR") == "€1.64");
    CHECK(format_unit_price(5'850, "EUR") == "€0.00585");
    CHECK(format_unit_price(350'000, "EUR") == "€0.35");
    CHECK(format_unit_price(2'000'000, "EUR") == "€2.00");
    CHECK(format_unit_price(123'457, "SEK") == "SEK 0.123457");
    CHECK(format_unit_price(-250'000, "EUR") == "-€0.25");
}

TEST_CASE("energy, power and percentages") {
    CHECK(format_energy(12.345) == "12.35 kWh");  // printf rounding of the nearest double
    CHECK(format_energy(10.15) == "10.15 kWh");
    CHECK(format_energy(0) == "0.00 kWh");
    CHECK(format_energy(-0.001) == "0.00 kWh");
    CHECK(format_power(7.4) == "7.4 kW");
    CHECK(format_power(213.02) == "213.0 kW");
    CHECK(format_power(11) == "11.0 kW");
    CHECK(format_percent(13.0) == "13%");
    CHECK(format_percent(5.5) == "5.5%");
    CHECK(format_percent(21.04) == "21%");
    CHECK(format_energy_short(20) == "20 kWh");
    CHECK(format_energy_short(7.25) == "7.25 kWh");
    CHECK(format_power_short(50) == "50 kW");
    CHECK(format_power_short(3.7) == "3.7 kW");
    CHECK(format_current(16) == "16 A");
    CHECK(format_number(1.0 / 3.0) == "0.33");
}

TEST_CASE("durations") {
    CHECK(format_duration(3900) == "1 h 05 min");
    CHECK(format_duration(249) == "4 min 09 s");
    CHECK(format_duration(12) == "12 s");
    CHECK(format_duration(0) == "0 s");
    CHECK(format_duration(-5) == "0 s");
    CHECK(format_duration(60) == "1 min 00 s");
    CHECK(format_duration(3600) == "1 h 00 min");
    CHECK(format_duration(90061) == "25 h 01 min");
    CHECK(format_duration_short(3600) == "60 min");
    CHECK(format_duration_short(90) == "1 min 30 s");
}

TEST_CASE("clock times at an offset") {
    const auto t = *parse_iso8601("2021-06-14T08:57:20Z");
    CHECK(format_clock(t, 0) == "08:57");
    CHECK(format_clock(t, 120) == "10:57");
    CHECK(format_clock(t, -540) == "23:57");
    CHECK(format_clock(*parse_iso8601("2021-06-14T23:30:00Z"), 60) == "00:30");
}

TEST_CASE("distances read like a driver says them") {
    CHECK(core::format_distance(0) == "0 m");
    CHECK(core::format_distance(347) == "350 m");
    CHECK(core::format_distance(994) == "990 m");
    CHECK(core::format_distance(1449) == "1.4 km");
    CHECK(core::format_distance(12600) == "13 km");
    CHECK(core::format_distance(-5) == "0 m");
}
