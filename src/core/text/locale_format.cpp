// The one place that turns quantities into text for people (see locale_format.hpp).
#include "locale_format.hpp"

#include <cmath>
#include <cstdio>

namespace core {
namespace {

// "1234567" → "1,234,567".
std::string group_thousands(std::string digits) {
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<size_t>(i), ",");
    return digits;
}

// Magnitude of `m` as "units.fraction" with exactly `decimals` (<= 6) fraction digits, truncated.
std::string micros_text(Micros m, int decimals) {
    const uint64_t abs = m < 0 ? 0 - static_cast<uint64_t>(m) : static_cast<uint64_t>(m);
    std::string text = group_thousands(std::to_string(abs / kMicrosPerUnit));
    if (decimals > 0) {
        char frac[8];
        std::snprintf(frac, sizeof frac, "%06llu", static_cast<unsigned long long>(abs % kMicrosPerUnit));
        text += '.';
        text.append(frac, static_cast<size_t>(decimals));
    }
    return text;
}

std::string with_currency(Micros m, std::string_view currency, std::string magnitude) {
    return (m < 0 ? "-" : "") + currency_prefix(currency) + magnitude;
}

// printf with a fixed number of decimals, then trailing zeros (and a bare point) removed.
std::string trimmed(double value, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
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

}  // namespace

std::string currency_prefix(std::string_view currency) {
    if (currency == "EUR") return "€";
    if (currency == "GBP") return "£";
    if (currency == "USD") return "$";
    if (currency.empty()) return "";
    return std::string(currency) + " ";
}

std::string format_money(Micros amount, std::string_view currency) {
    const Micros cents = round_to_cents(amount);
    return with_currency(cents, currency, micros_text(cents, 2));
}

std::string format_unit_price(Micros amount, std::string_view currency) {
    int decimals = 6;
    const Micros frac = (amount < 0 ? -amount : amount) % kMicrosPerUnit;
    Micros scale = 1;
    while (decimals > 2 && frac % (scale * 10) == 0) {
        scale *= 10;
        --decimals;
    }
    return with_currency(amount, currency, micros_text(amount, decimals));
}

std::string format_energy(double kwh) { return fixed(kwh, 2) + " kWh"; }

std::string format_power(double kw) { return fixed(kw, 1) + " kW"; }

std::string format_duration(int64_t seconds) {
    if (seconds < 0) seconds = 0;
    char buf[48];
    if (seconds >= 3600)
        std::snprintf(buf, sizeof buf, "%lld h %02d min", static_cast<long long>(seconds / 3600),
                      static_cast<int>(seconds / 60 % 60));
    else if (seconds >= 60)
        std::snprintf(buf, sizeof buf, "%d min %02d s", static_cast<int>(seconds / 60), static_cast<int>(seconds % 60));
    else
        std::snprintf(buf, sizeof buf, "%d s", static_cast<int>(seconds));
    return buf;
}

std::string format_energy_short(double kwh) { return format_number(kwh) + " kWh"; }

std::string format_power_short(double kw) { return format_number(kw, 1) + " kW"; }

std::string format_current(double amperes) { return format_number(amperes, 1) + " A"; }

std::string format_duration_short(int64_t seconds) {
    if (seconds > 0 && seconds % 60 == 0) return std::to_string(seconds / 60) + " min";
    return format_duration(seconds);
}

std::string format_clock(TimePoint t, int utc_offset_minutes) {
    const CivilTime c = civil_time(t, utc_offset_minutes);
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", c.hour, c.minute);
    return buf;
}

std::string format_date_time(TimePoint t, int utc_offset_minutes) {
    static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const CivilTime c = civil_time(t, utc_offset_minutes);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%d %s %d, %02d:%02d", c.day, kMonths[(c.month - 1) % 12], c.year, c.hour, c.minute);
    return buf;
}

std::string format_percent(double percent) {
    return trimmed(std::isfinite(percent) ? percent : 0.0, 1) + "%";
}

std::string format_number(double value, int max_decimals) {
    return trimmed(std::isfinite(value) ? value : 0.0, max_decimals);
}

std::string format_calendar_day(std::string_view iso_date) {
    static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
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
    std::string out = std::to_string(day);
    out.append(" ").append(kMonths[month - 1]).append(" ").append(std::to_string(year));
    return out;
}

std::string format_distance(double metres) {
    if (!(metres >= 0)) metres = 0;
    if (metres < 995) return format_number(std::round(metres / 10) * 10, 0) + " m";
    if (metres < 9950) return format_number(std::round(metres / 100) / 10, 1) + " km";
    return format_number(std::round(metres / 1000), 0) + " km";
}

}  // namespace core
