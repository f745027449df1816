// The one place that turns money, energy, power, durations, times, distances and percentages into
// text for people, in the current language's conventions (CLDR): "€1,234.56" / "€ 1.234,56" /
// "1.234,56 €" / "1 234,56 €"; "12.35 kWh" / "12,35 kWh"; "3 Dec 2026, 14:05" / "3 dec. 2026 14:05" /
// "3. Dez. 2026, 14:05" / "3 déc. 2026, 14:05". Every function reads core::language(); the examples
// below are English. Spaces that must not break are U+00A0 (NBSP) or, in French, U+202F (NNBSP).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/money/money.hpp"
#include "core/time/time.hpp"

namespace core {

// The sign for a currency code: "€" for EUR, "£" GBP, "$" USD; other codes are written out ("CHF");
// no code gives "".
std::string currency_symbol(std::string_view currency);

// An amount to pay, rounded to cents by round_to_cents: "€1.64", "-€0.50", "CHF 1,234.00"
// (nl "€ 1,64", "€ -0,50"; de "1,64 €"; fr "1,64 €", "1 234,00 CHF").
std::string format_money(Micros amount, std::string_view currency);

// A unit price, which often has more than two decimals (€0.359 per kWh): at least 2 and at most
// 6 decimals, trailing zeros beyond the second dropped, never rounded ("€2.106", "€0.00585").
std::string format_unit_price(Micros amount, std::string_view currency);

// The units a quantity is given in; their symbols differ by language only for time (de "Std.").
enum class Unit : uint8_t { Kwh, Kw, Ampere, Hour, Minute, Second, Metre, Kilometre };
// A quantity without trailing zeros, at most `max_decimals`, with its unit: (7.25, 2, Kwh) → "7.25 kWh".
std::string format_quantity(double value, int max_decimals, Unit unit);

std::string format_energy(double kwh);   // "12.35 kWh" (always 2 decimals)
std::string format_power(double kw);     // "7.4 kW" (always 1 decimal)
// Durations: "1 h 05 min" from an hour up, "4 min 09 s" from a minute up, else "12 s"
// (nl "1 u 05 min"; de "1 Std. 05 Min.", "12 Sek."). Negative durations read as "0 s".
std::string format_duration(int64_t seconds);
// Limits in plain words, without needless decimals: "20 kWh", "7.5 kW", "16 A", "60 min".
std::string format_energy_short(double kwh);
std::string format_power_short(double kw);
std::string format_current(double amperes);
std::string format_duration_short(int64_t seconds);  // whole minutes as "N min", else format_duration
// "HH:MM" of `t` at the given offset from UTC (the platform knows the phone's offset; a hotel's or
// charger's zone gives its own through core/time's zone rules). The same in all four languages.
std::string format_clock(TimePoint t, int utc_offset_minutes);
// "14 Jun 2021, 10:59" at the given offset from UTC (nl "14 jun. 2021 10:59", de "14. Juni 2021,
// 10:59", fr "14 juin 2021, 10:59").
std::string format_date_time(TimePoint t, int utc_offset_minutes);
// A time of a charging session, in the zone core::session_zone chooses (the charger's), with the
// zone after it when the phone's differs: "6 Dec 2026, 19:11 CET", "6 Dec 2026, 19:11".
std::string format_session_time(TimePoint t, std::string_view charger_zone, const PhoneZone& phone);
// A month for people: "May 2026" (nl "mei 2026", de "Mai 2026", fr "mai 2026").
std::string format_month(int year, int month);
// A calendar day given as YYYY-MM-DD, for people: "22 Nov 2026" (de "22. Nov. 2026"); the text
// itself if it is not one.
std::string format_calendar_day(std::string_view iso_date);
// "13%", "5.5%": at most one decimal, dropped when zero (de, fr "5,5 %").
std::string format_percent(double percent);
// A plain quantity without trailing zeros, at most `max_decimals`, grouped: 20 → "20", 7.25 → "7.25",
// 1234 → "1,234" (nl, de "1.234"; fr "1 234").
std::string format_number(double value, int max_decimals = 2);
// A distance for a driver: "350 m" below a kilometre (to 10 m), "1.4 km" below 10 km, else "23 km".
std::string format_distance(double metres);

}  // namespace core
