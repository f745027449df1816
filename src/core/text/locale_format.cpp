// The one place that turns quantities into text for people (see locale_format.hpp). Each language's
// conventions are one row of kLocales, taken from CLDR (the data behind ICU and the browsers' Intl):
// separators, where the currency goes, the space before a unit, month names, the date pattern.
#include "locale_format.hpp"

#include <cmath>
#include <cstdio>

#include "language.hpp"

namespace core {
namespace {

#define NBSP "\u00a0"   // no-break space
#define NNBSP "\u202f"  // narrow no-break space (French grouping and units)

struct Locale {
    const char* decimal;
    const char* group;
    bool currency_first;         // "€2.11" / "€ 2,11" rather than "2,11 €"
    const char* currency_space;  // between the currency and the number
    bool minus_before_currency;  // en "-€0.50"; nl "€ -0,50"
    const char* unit_space;      // between a number and its unit
    const char* percent;         // after the number
    const char* units[8];        // by Unit
    const char* months[12];      // abbreviated, as inside a date
    const char* day_suffix;      // de "3." Dez.
    const char* date_time;       // between the date and the clock time
};

// English as the app has always written it (CLDR en-GB, but a plain space before a currency code).
// Dutch: CLDR's "€ 2,11" and "€ -2,11"; months with the period Dutch spelling gives abbreviations
// ("dec."; CLDR 42+ drops it) and no comma before the time ("3 dec. 2026 14:05"), as Dutch writes
// it. Durations in the short forms drivers see on chargers: "1 u 05 min" (nl), "1 Std. 05 Min." (de).
// French: NNBSP groups thousands and parts a number from its unit, NBSP goes before € and %.
constexpr Locale kLocales[kLanguageCount] = {
    {".", ",", true, "", true, " ", "%",
     {"kWh", "kW", "A", "h", "min", "s", "m", "km"},
     {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}, "", ", "},
    {",", ".", true, NBSP, false, " ", "%",
     {"kWh", "kW", "A", "u", "min", "s", "m", "km"},
     {"jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."}, "", " "},
    {",", ".", false, NBSP, true, " ", NBSP "%",
     {"kWh", "kW", "A", "Std.", "Min.", "Sek.", "m", "km"},
     {"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."}, ".", ", "},
    {",", NNBSP, false, NBSP, true, NNBSP, NBSP "%",
     {"kWh", "kW", "A", "h", "min", "s", "m", "km"},
     {"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}, "", ", "},
};

const Locale& here() { return kLocales[static_cast<int>(language())]; }

// A number printed the C way ("-1234.5") in the current locale ("-1.234,5"): groups of three
// digits in the integer part, the locale's decimal sign.
std::string localise(std::string_view plain) {
    const Locale& l = here();
    std::string out;
    size_t i = 0;
    if (!plain.empty() && plain[0] == '-') {
        out += '-';
        i = 1;
    }
    const size_t point = plain.find('.');
    const size_t int_end = point == std::string_view::npos ? plain.size() : point;
    for (size_t k = i; k < int_end; ++k) {
        out += plain[k];
        const size_t left = int_end - k - 1;
        if (left > 0 && left % 3 == 0) out += l.group;
    }
    if (point != std::string_view::npos) out.append(l.decimal).append(plain.substr(point + 1));
    return out;
}

// Magnitude of `m` as "units.fraction" with exactly `decimals` (<= 6) fraction digits, truncated.
std::string micros_plain(Micros m, int decimals) {
    const uint64_t abs = m < 0 ? 0 - static_cast<uint64_t>(m) : static_cast<uint64_t>(m);
    std::string text = std::to_string(abs / kMicrosPerUnit);
    if (decimals > 0) {
        char frac[8];
        std::snprintf(frac, sizeof frac, "%06llu", static_cast<unsigned long long>(abs % kMicrosPerUnit));
        text += '.';
        text.append(frac, static_cast<size_t>(decimals));
    }
    return text;
}

std::string with_currency(Micros m, std::string_view currency, const std::string& plain_magnitude) {
    const Locale& l = here();
    const std::string number = localise(plain_magnitude);
    const std::string symbol = currency_symbol(currency);
    const char* minus = m < 0 ? "-" : "";
    if (symbol.empty()) return minus + number;
    // A code ("CHF") is spaced in every language; en writes it with a plain space as it always has.
    const bool code = symbol == currency;
    const std::string space = code && *l.currency_space == '\0' ? std::string(" ") : std::string(l.currency_space);
    if (!l.currency_first) return minus + number + space + symbol;
    if (l.minus_before_currency) return minus + symbol + space + number;
    return symbol + space + minus + number;
}

// printf with a fixed number of decimals, then trailing zeros (and a bare point) removed.
std::string trimmed(double value, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::isfinite(value) ? value : 0.0);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

std::string fixed(double value, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::isfinite(value) ? value : 0.0);
    std::string s = buf;
    if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);  // "-0.00"
    return s;
}

std::string with_unit(const std::string& number, Unit unit) {
    const Locale& l = here();
    return number + l.unit_space + l.units[static_cast<int>(unit)];
}

std::string two_digits(int v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
}

std::string day_month_year(int day, int month, int year) {
    const Locale& l = here();
    return std::to_string(day) + l.day_suffix + " " + l.months[(month - 1) % 12] + " " + std::to_string(year);
}

}  // namespace

std::string currency_symbol(std::string_view currency) {
    if (currency == "EUR") return "€";
    if (currency == "GBP") return "£";
    if (currency == "USD") return "$";
    return std::string(currency);
}

std::string format_money(Micros amount, std::string_view currency) {
    const Micros cents = round_to_cents(amount);
    return with_currency(cents, currency, micros_plain(cents, 2));
}

std::string format_unit_price(Micros amount, std::string_view currency) {
    int decimals = 6;
    const Micros frac = (amount < 0 ? -amount : amount) % kMicrosPerUnit;
    Micros scale = 1;
    while (decimals > 2 && frac % (scale * 10) == 0) {
        scale *= 10;
        --decimals;
    }
    return with_currency(amount, currency, micros_plain(amount, decimals));
}

std::string format_quantity(double value, int max_decimals, Unit unit) {
    return with_unit(format_number(value, max_decimals), unit);
}

std::string format_energy(double kwh) { return with_unit(localise(fixed(kwh, 2)), Unit::Kwh); }

std::string format_power(double kw) { return with_unit(localise(fixed(kw, 1)), Unit::Kw); }

std::string format_duration(int64_t seconds) {
    if (seconds < 0) seconds = 0;
    if (seconds >= 3600)
        return with_unit(std::to_string(seconds / 3600), Unit::Hour) + " " +
               with_unit(two_digits(static_cast<int>(seconds / 60 % 60)), Unit::Minute);
    if (seconds >= 60)
        return with_unit(std::to_string(seconds / 60), Unit::Minute) + " " +
               with_unit(two_digits(static_cast<int>(seconds % 60)), Unit::Second);
    return with_unit(std::to_string(seconds), Unit::Second);
}

std::string format_energy_short(double kwh) { return format_quantity(kwh, 2, Unit::Kwh); }

std::string format_power_short(double kw) { return format_quantity(kw, 1, Unit::Kw); }

std::string format_current(double amperes) { return format_quantity(amperes, 1, Unit::Ampere); }

std::string format_duration_short(int64_t seconds) {
    if (seconds > 0 && seconds % 60 == 0) return with_unit(localise(std::to_string(seconds / 60)), Unit::Minute);
    return format_duration(seconds);
}

std::string format_clock(TimePoint t, int utc_offset_minutes) {
    const CivilTime c = civil_time(t, utc_offset_minutes);
    return two_digits(c.hour) + ":" + two_digits(c.minute);
}

std::string format_date_time(TimePoint t, int utc_offset_minutes) {
    const CivilTime c = civil_time(t, utc_offset_minutes);
    return day_month_year(c.day, c.month, c.year) + here().date_time + format_clock(t, utc_offset_minutes);
}

std::string format_session_time(TimePoint t, std::string_view charger_zone, const PhoneZone& phone) {
    const ShownZone zone = session_zone(charger_zone, phone, t);
    std::string out = format_date_time(t, zone.offset_minutes);
    if (!zone.label.empty()) out.append(" ").append(zone.label);
    return out;
}

std::string format_month(int year, int month) {
    return std::string(here().months[(month + 11) % 12]) + " " + std::to_string(year);
}

std::string format_percent(double percent) {
    return localise(trimmed(percent, 1)) + here().percent;
}

std::string format_number(double value, int max_decimals) { return localise(trimmed(value, max_decimals)); }

std::string format_calendar_day(std::string_view iso_date) {
    auto digits = [&](size_t from, size_t n) {
        int v = 0;
        for (size_t i = from; i < from + n; ++i) {
            if (iso_date[i] < '0' || iso_date[i] > '9') return -1;
            v = v * 10 + (iso_date[i] - '0');
        }
        return v;
    };
    if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-') return std::string(iso_date);
    const int year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return std::string(iso_date);
    return day_month_year(day, month, year);
}

std::string format_distance(double metres) {
    if (!(metres >= 0)) metres = 0;
    if (metres < 995) return format_quantity(std::round(metres / 10) * 10, 0, Unit::Metre);
    if (metres < 9950) return format_quantity(std::round(metres / 100) / 10, 1, Unit::Kilometre);
    return format_quantity(std::round(metres / 1000), 0, Unit::Kilometre);
}

}  // namespace core
