// Money, energy, power, durations, clock times and percentages as people read them, in English and,
// further down, in Dutch, German and French. The golden values are written from CLDR's rules for each
// locale (separators, currency and unit patterns, abbreviated months), not copied from the output.
#include <catch2/catch.hpp>

#include "core/text/locale_format.hpp"
#include "language_guard.hpp"

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

TEST_CASE("numbers are grouped in thousands") {
    CHECK(format_number(1234.5) == "1,234.5");
    CHECK(format_number(-1234) == "-1,234");
    CHECK(format_number(999) == "999");
    CHECK(format_number(1234567, 0) == "1,234,567");
    CHECK(format_money(123'456'780'000, "EUR") == "€123,456.78");
    CHECK(format_energy(1234.5) == "1,234.50 kWh");
    CHECK(format_quantity(1.5, 3, Unit::Hour) == "1.5 h");
}

// The separators: nl and de write 1.234,5; fr groups with a narrow no-break space (U+202F).
#define NBSP "\u00a0"
#define NNBSP "\u202f"

TEST_CASE("Dutch: € 2,11, 1.234,5, 3 dec. 2026 14:05") {
    InLanguage nl(Language::Nl);
    CHECK(format_money(2'110'000, "EUR") == "€" NBSP "2,11");
    CHECK(format_money(1'645'000, "EUR") == "€" NBSP "1,65");
    CHECK(format_money(-505'000, "EUR") == "€" NBSP "-0,51");  // CLDR nl: ¤ -#,##0.00
    CHECK(format_money(1'234'567'890'000, "CHF") == "CHF" NBSP "1.234.567,89");
    CHECK(format_unit_price(2'106'000, "EUR") == "€" NBSP "2,106");
    CHECK(format_unit_price(5'850, "EUR") == "€" NBSP "0,00585");
    CHECK(format_number(1234.5) == "1.234,5");
    CHECK(format_energy(12.345) == "12,35 kWh");
    CHECK(format_energy_short(12.5) == "12,5 kWh");
    CHECK(format_power(7.4) == "7,4 kW");
    CHECK(format_current(16) == "16 A");
    CHECK(format_percent(5.5) == "5,5%");
    CHECK(format_percent(21) == "21%");
    const TimePoint t = *parse_iso8601("2026-12-03T13:05:00Z");
    CHECK(format_date_time(t, 60) == "3 dec. 2026 14:05");
    CHECK(format_date_time(*parse_iso8601("2026-03-29T00:30:00Z"), 120) == "29 mrt. 2026 02:30");
    CHECK(format_date_time(*parse_iso8601("2026-05-01T10:00:00Z"), 120) == "1 mei 2026 12:00");
    CHECK(format_calendar_day("2026-11-22") == "22 nov. 2026");
    CHECK(format_clock(t, 60) == "14:05");
    CHECK(format_duration(3900) == "1 u 05 min");
    CHECK(format_duration(249) == "4 min 09 s");
    CHECK(format_duration(12) == "12 s");
    CHECK(format_duration_short(3600) == "60 min");
    CHECK(format_distance(347) == "350 m");
    CHECK(format_distance(1449) == "1,4 km");
    CHECK(format_distance(12600) == "13 km");
}

TEST_CASE("German: 2,11 €, 1.234,5, 3. Dez. 2026, 14:05") {
    InLanguage de(Language::De);
    CHECK(format_money(2'110'000, "EUR") == "2,11" NBSP "€");
    CHECK(format_money(-505'000, "EUR") == "-0,51" NBSP "€");
    CHECK(format_money(1'234'567'890'000, "CHF") == "1.234.567,89" NBSP "CHF");
    CHECK(format_money(0, "GBP") == "0,00" NBSP "£");
    CHECK(format_money(100'000'000, "") == "100,00");
    CHECK(format_unit_price(2'106'000, "EUR") == "2,106" NBSP "€");
    CHECK(format_unit_price(350'000, "EUR") == "0,35" NBSP "€");
    CHECK(format_number(1234.5) == "1.234,5");
    CHECK(format_energy(12.345) == "12,35 kWh");
    CHECK(format_energy_short(12.5) == "12,5 kWh");
    CHECK(format_power(213.02) == "213,0 kW");
    CHECK(format_power_short(3.7) == "3,7 kW");
    CHECK(format_percent(5.5) == "5,5" NBSP "%");  // CLDR de: #,##0 %
    const TimePoint t = *parse_iso8601("2026-12-03T13:05:00Z");
    CHECK(format_date_time(t, 60) == "3. Dez. 2026, 14:05");
    CHECK(format_date_time(*parse_iso8601("2026-03-29T00:30:00Z"), 120) == "29. März 2026, 02:30");
    CHECK(format_date_time(*parse_iso8601("2021-06-14T08:59:20Z"), 120) == "14. Juni 2021, 10:59");
    CHECK(format_calendar_day("2026-09-01") == "1. Sept. 2026");
    CHECK(format_calendar_day("not a day") == "not a day");
    CHECK(format_duration(3900) == "1 Std. 05 Min.");
    CHECK(format_duration(249) == "4 Min. 09 Sek.");
    CHECK(format_duration(12) == "12 Sek.");
    CHECK(format_duration(-5) == "0 Sek.");
    CHECK(format_duration_short(1800) == "30 Min.");
    CHECK(format_distance(1449) == "1,4 km");
    CHECK(format_distance(12600) == "13 km");
}

TEST_CASE("French: 2,11 €, 1 234,5, 3 déc. 2026, 14:05") {
    InLanguage fr(Language::Fr);
    CHECK(format_money(2'110'000, "EUR") == "2,11" NBSP "€");
    CHECK(format_money(-505'000, "EUR") == "-0,51" NBSP "€");
    CHECK(format_money(1'234'567'890'000, "CHF") == "1" NNBSP "234" NNBSP "567,89" NBSP "CHF");
    CHECK(format_money(123'456'780'000, "EUR") == "123" NNBSP "456,78" NBSP "€");
    CHECK(format_unit_price(2'106'000, "EUR") == "2,106" NBSP "€");
    CHECK(format_number(1234.5) == "1" NNBSP "234,5");
    CHECK(format_number(999) == "999");
    CHECK(format_energy(12.5) == "12,50" NNBSP "kWh");
    CHECK(format_energy_short(12.5) == "12,5" NNBSP "kWh");
    CHECK(format_power(7.4) == "7,4" NNBSP "kW");
    CHECK(format_percent(5.5) == "5,5" NBSP "%");
    const TimePoint t = *parse_iso8601("2026-12-03T13:05:00Z");
    CHECK(format_date_time(t, 60) == "3 déc. 2026, 14:05");
    CHECK(format_date_time(*parse_iso8601("2026-02-01T09:00:00Z"), 60) == "1 févr. 2026, 10:00");
    CHECK(format_calendar_day("2026-08-15") == "15 août 2026");
    CHECK(format_calendar_day("2026-06-30") == "30 juin 2026");
    CHECK(format_duration(3900) == "1" NNBSP "h 05" NNBSP "min");
    CHECK(format_duration(249) == "4" NNBSP "min 09" NNBSP "s");
    CHECK(format_duration(12) == "12" NNBSP "s");
    CHECK(format_distance(347) == "350" NNBSP "m");
    CHECK(format_distance(1449) == "1,4" NNBSP "km");
}

TEST_CASE("a charger's time zone gives its clock, in any language") {
    const TimePoint winter = *parse_iso8601("2026-12-03T13:05:00Z");
    const TimePoint summer = *parse_iso8601("2026-07-03T13:05:00Z");
    const auto amsterdam = zone_for("Europe/Amsterdam");
    REQUIRE(amsterdam);
    InLanguage de(Language::De);
    CHECK(format_date_time(winter, utc_offset_minutes(*amsterdam, winter)) == "3. Dez. 2026, 14:05");
    CHECK(format_date_time(summer, utc_offset_minutes(*amsterdam, summer)) == "3. Juli 2026, 15:05");
}
