// The months an expense export covers: stepping, the 12-month limit, never a month to come.
#include <catch2/catch.hpp>

#include "core/receipts/receipts.hpp"

using namespace core;

TEST_CASE("export period: last month first, stepped one month at a time, days as the server reads them") {
    const YearMonth now{2026, 3};
    ExportPeriod p = default_export_period(now);
    CHECK(p == ExportPeriod{{2026, 2}, {2026, 2}, false});
    CHECK(first_day(p.first) == "2026-02-01");
    CHECK(last_day(p.last) == "2026-02-28");
    CHECK(last_day({2028, 2}) == "2028-02-29");
    CHECK(last_day({2100, 2}) == "2100-02-28");
    CHECK(last_day({2026, 12}) == "2026-12-31");
    // One month: both ends move together, back over the new year, and not past this month.
    p = move_last(p, -2, now);
    CHECK(p == ExportPeriod{{2025, 12}, {2025, 12}, false});
    p = move_first(p, 5, now);
    CHECK(p == ExportPeriod{{2026, 3}, {2026, 3}, false});
    CHECK_FALSE(can_move_last(p, 1, now));
    CHECK(can_move_last(p, -1, now));
}

TEST_CASE("export period: several months, the other end following, at most 12") {
    const YearMonth now{2026, 5};
    ExportPeriod p = choose_several(default_export_period(now), true);
    CHECK(p == ExportPeriod{{2026, 4}, {2026, 4}, true});
    p = move_first(p, -3, now);
    CHECK(p == ExportPeriod{{2026, 1}, {2026, 4}, true});
    // Past 12 months the end follows the start back.
    p = move_first(p, -12, now);
    CHECK(p == ExportPeriod{{2025, 1}, {2025, 12}, true});
    CHECK(months_between(p.first, p.last) == 11);
    // The end moved before the start takes the start with it.
    p = move_last(choose_several(ExportPeriod{{2026, 2}, {2026, 4}, true}, true), -3, now);
    CHECK(p == ExportPeriod{{2026, 1}, {2026, 1}, true});
    // The start moved past the end takes the end with it, never past this month.
    p = move_first(ExportPeriod{{2026, 2}, {2026, 3}, true}, 6, now);
    CHECK(p == ExportPeriod{{2026, 5}, {2026, 5}, true});
    // Back to one month: the end's month.
    CHECK(choose_several(ExportPeriod{{2026, 1}, {2026, 3}, true}, false) == ExportPeriod{{2026, 3}, {2026, 3}, false});
    CHECK(add_months({2026, 1}, -13) == YearMonth{2024, 12});
    CHECK(month_of(*parse_iso8601("2026-04-30T23:30:00Z"), 120) == YearMonth{2026, 5});
}
