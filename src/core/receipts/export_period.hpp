// The period an expense export covers: one calendar month, or several in a row, chosen by
// stepping month by month; never a month still to come, never more than 12 months (serve.py
// takes at most 366 days).
#pragma once
#include <compare>
#include <string>

#include "core/time/time.hpp"

namespace core {

struct YearMonth {
    int year = 1970;
    int month = 1;  // 1..12
    auto operator<=>(const YearMonth&) const = default;
};

// The month `t` falls in at `utc_offset_minutes`.
YearMonth month_of(TimePoint t, int utc_offset_minutes);
YearMonth add_months(YearMonth m, int n);
int months_between(YearMonth from, YearMonth to);  // to - from, in months
// "2026-05-01" and "2026-05-31": the days a request names.
std::string first_day(YearMonth m);
std::string last_day(YearMonth m);

inline constexpr int kMaxExportMonths = 12;

struct ExportPeriod {
    YearMonth first, last;
    bool several = false;  // the driver chose a range of months; else first == last
    bool operator==(const ExportPeriod&) const = default;
};

// Last month: what an expense claim is usually for.
ExportPeriod default_export_period(YearMonth current);
// One month, or from `first` to itself again (the range's end follows).
ExportPeriod choose_several(ExportPeriod p, bool several);
// One end moved by `delta` months. In one-month mode both ends move together. The other end
// follows when the period would turn around or pass 12 months; nothing goes past `current`.
ExportPeriod move_first(ExportPeriod p, int delta, YearMonth current);
ExportPeriod move_last(ExportPeriod p, int delta, YearMonth current);
bool can_move_first(const ExportPeriod& p, int delta, YearMonth current);
bool can_move_last(const ExportPeriod& p, int delta, YearMonth current);

}  // namespace core
