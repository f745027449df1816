// Local time for tariff restrictions: a table of zones and the EU summer-time rule (zone_rules.hpp).
#include "zone_rules.hpp"

#include <cstdint>
#include <string>

namespace core {
namespace {

struct Named {
    const char* name;
    int offset_min;
    bool eu_dst;
    const char* winter;  // the zone's abbreviation in standard time, and in summer time
    const char* summer;
};

// Zones where the app and its simulator run, by IANA and Windows name.
constexpr Named kZones[] = {
    {"UTC", 0, false, "UTC", "UTC"}, {"Z", 0, false, "UTC", "UTC"}, {"Etc/UTC", 0, false, "UTC", "UTC"},
    {"GMT", 0, false, "GMT", "GMT"}, {"Etc/GMT", 0, false, "GMT", "GMT"},
    {"Europe/London", 0, true, "GMT", "BST"}, {"Europe/Dublin", 0, true, "GMT", "IST"},
    {"Europe/Lisbon", 0, true, "WET", "WEST"}, {"GMT Standard Time", 0, true, "GMT", "BST"},
    {"Europe/Amsterdam", 60, true, "CET", "CEST"}, {"Europe/Berlin", 60, true, "CET", "CEST"},
    {"Europe/Brussels", 60, true, "CET", "CEST"}, {"Europe/Paris", 60, true, "CET", "CEST"},
    {"Europe/Luxembourg", 60, true, "CET", "CEST"}, {"Europe/Madrid", 60, true, "CET", "CEST"},
    {"Europe/Rome", 60, true, "CET", "CEST"}, {"Europe/Vienna", 60, true, "CET", "CEST"},
    {"Europe/Zurich", 60, true, "CET", "CEST"}, {"Europe/Copenhagen", 60, true, "CET", "CEST"},
    {"Europe/Oslo", 60, true, "CET", "CEST"}, {"Europe/Stockholm", 60, true, "CET", "CEST"},
    {"Europe/Prague", 60, true, "CET", "CEST"}, {"Europe/Warsaw", 60, true, "CET", "CEST"},
    {"Europe/Budapest", 60, true, "CET", "CEST"},
    {"W. Europe Standard Time", 60, true, "CET", "CEST"}, {"Romance Standard Time", 60, true, "CET", "CEST"},
    {"Central Europe Standard Time", 60, true, "CET", "CEST"},
    {"Central European Standard Time", 60, true, "CET", "CEST"},
    {"Europe/Helsinki", 120, true, "EET", "EEST"}, {"Europe/Athens", 120, true, "EET", "EEST"},
    {"Europe/Tallinn", 120, true, "EET", "EEST"}, {"Europe/Riga", 120, true, "EET", "EEST"},
    {"Europe/Vilnius", 120, true, "EET", "EEST"}, {"FLE Standard Time", 120, true, "EET", "EEST"},
    {"GTB Standard Time", 120, true, "EET", "EEST"},
};

// Days since the epoch of the last Sunday of `month` (31-day months only: March, October).
int64_t last_sunday(int year, unsigned month) {
    const int64_t last = days_from_civil(year, month, 31);
    const int64_t weekday = ((last % 7) + 7 + 4) % 7;  // 1970-01-01 was a Thursday; 0 = Sunday
    return last - weekday;
}

std::optional<int> parse_offset(std::string_view s) {
    if (s.substr(0, 3) == "UTC" || s.substr(0, 3) == "GMT") s.remove_prefix(3);
    if (s.size() != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':') return std::nullopt;
    auto digit = [&](size_t i) { return s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : -1; };
    for (size_t i : {1u, 2u, 4u, 5u})
        if (digit(i) < 0) return std::nullopt;
    const int h = digit(1) * 10 + digit(2), m = digit(4) * 10 + digit(5);
    if (h > 14 || m > 59) return std::nullopt;
    return (s[0] == '-' ? -1 : 1) * (h * 60 + m);
}

}  // namespace

std::optional<ZoneRule> zone_for(std::string_view name) {
    for (const auto& z : kZones)
        if (name == z.name) return ZoneRule{z.offset_min, z.eu_dst, z.winter, z.summer};
    if (const auto offset = parse_offset(name)) return ZoneRule{*offset, false};
    return std::nullopt;
}

int utc_offset_minutes(const ZoneRule& zone, TimePoint t) {
    if (!zone.eu_summer_time) return zone.standard_offset_min;
    const CivilTime c = civil_time(t, 0);
    const int64_t ms = ms_since_epoch(t);
    constexpr int64_t kDay = 86'400'000, kHour = 3'600'000;
    // Summer time starts and ends at 01:00 UTC everywhere in the EU.
    const int64_t begins = last_sunday(c.year, 3) * kDay + kHour;
    const int64_t ends = last_sunday(c.year, 10) * kDay + kHour;
    return zone.standard_offset_min + (ms >= begins && ms < ends ? 60 : 0);
}

std::string zone_abbreviation(const ZoneRule& zone, TimePoint t) {
    const int offset = utc_offset_minutes(zone, t);
    if (zone.winter != nullptr) return offset == zone.standard_offset_min ? zone.winter : zone.summer;
    if (offset == 0) return "UTC";
    const int a = offset < 0 ? -offset : offset;
    std::string out = offset < 0 ? "UTC-" : "UTC+";
    for (const int v : {a / 60, -1, a % 60}) {
        if (v < 0) out += ':';
        else out.append(1, static_cast<char>('0' + v / 10)).append(1, static_cast<char>('0' + v % 10));
    }
    return out;
}

}  // namespace core
