// Choosing an export's months (export_period.hpp).
#include "export_period.hpp"

#include <algorithm>

namespace core {
namespace {

std::string two(int v) { return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10); }

int days_in(YearMonth m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (m.year % 4 == 0 && m.year % 100 != 0) || m.year % 400 == 0;
    return m.month == 2 && leap ? 29 : kDays[m.month - 1];
}

// The year as four digits (the API's dates are 0001..9999).
std::string year_text(int y) {
    y = std::clamp(y, 1, 9999);
    return two(y / 100) + two(y % 100);
}

}  // namespace

YearMonth month_of(TimePoint t, int utc_offset_minutes) {
    const CivilTime c = civil_time(t, utc_offset_minutes);
    return {c.year, static_cast<int>(c.month)};
}

YearMonth add_months(YearMonth m, int n) {
    const int index = m.year * 12 + (m.month - 1) + n;
    const int year = index >= 0 ? index / 12 : (index - 11) / 12;
    return {year, index - year * 12 + 1};
}

int months_between(YearMonth from, YearMonth to) { return (to.year * 12 + to.month) - (from.year * 12 + from.month); }

std::string first_day(YearMonth m) { return year_text(m.year) + "-" + two(m.month) + "-01"; }

std::string last_day(YearMonth m) { return year_text(m.year) + "-" + two(m.month) + "-" + two(days_in(m)); }

ExportPeriod default_export_period(YearMonth current) {
    const YearMonth last_month = add_months(current, -1);
    return {last_month, last_month, false};
}

ExportPeriod choose_several(ExportPeriod p, bool several) {
    p.several = several;
    if (!several) p.first = p.last;
    return p;
}

ExportPeriod move_first(ExportPeriod p, int delta, YearMonth current) {
    if (!p.several) return move_last(p, delta, current);
    p.first = std::min(add_months(p.first, delta), current);
    if (p.last < p.first) p.last = p.first;
    if (months_between(p.first, p.last) >= kMaxExportMonths) p.last = add_months(p.first, kMaxExportMonths - 1);
    return p;
}

ExportPeriod move_last(ExportPeriod p, int delta, YearMonth current) {
    p.last = std::min(add_months(p.last, delta), current);
    if (!p.several) {
        p.first = p.last;
        return p;
    }
    if (p.last < p.first) p.first = p.last;
    if (months_between(p.first, p.last) >= kMaxExportMonths) p.first = add_months(p.last, -(kMaxExportMonths - 1));
    return p;
}

bool can_move_first(const ExportPeriod& p, int delta, YearMonth current) {
    return !(move_first(p, delta, current) == p);
}

bool can_move_last(const ExportPeriod& p, int delta, YearMonth current) {
    return !(move_last(p, delta, current) == p);
}

}  // namespace core
