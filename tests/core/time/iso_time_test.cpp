// ISO 8601 parsing as the API writes times: offsets, long fractions, and what must be refused.
#include <catch2/catch.hpp>

#include "core/time/time_point.hpp"

using namespace core;

namespace {
int64_t ms(const char* text) {
    const auto t = parse_iso8601(text);
    REQUIRE(t.has_value());
    return ms_since_epoch(*t);
}
}  // namespace

TEST_CASE("seed timestamps parse to UTC milliseconds") {
    // 2021-06-14T08:57:20Z = 1623661040 s.
    CHECK(ms("2021-06-14T08:57:20.0231712+00:00") == 1623661040023);
    CHECK(ms("2021-06-14T10:59:20+02:00") == ms("2021-06-14T08:59:20Z"));
    CHECK(ms("2021-06-14T09:04:03.853177+00:00") == 1623661443853);
    CHECK(ms("2021-01-15T10:41:35.7386493+00:00") == 1610707295738);
    CHECK(ms("2021-06-14T11:56:56+02:00") == ms("2021-06-14T09:56:56Z"));
}

TEST_CASE("offsets, fractions and a missing offset") {
    CHECK(ms("1970-01-01T00:00:00Z") == 0);
    CHECK(ms("1970-01-01T00:00:00") == 0);  // no offset: UTC
    CHECK(ms("1970-01-01T00:00:00.5Z") == 500);
    CHECK(ms("1970-01-01T00:00:00.123456789Z") == 123);
    CHECK(ms("1970-01-01T01:00:00+01:00") == 0);
    CHECK(ms("1970-01-01T00:00:00-05:30") == 5 * 3600000 + 30 * 60000);
    CHECK(ms("1970-01-01T01:00:00+0100") == 0);
    CHECK(ms("1970-01-01T01:00:00+01") == 0);
    CHECK(ms("2024-02-29T12:00:00Z") - ms("2024-02-28T12:00:00Z") == 86400000);
    CHECK(ms("1969-12-31T23:59:59Z") == -1000);
    CHECK(ms("2020-01-01T10:00Z") == ms("2020-01-01T10:00:00Z"));
}

TEST_CASE("garbage is refused") {
    for (const char* bad : {"", "2021", "2021-06-14", "2021-06-14T", "2021-13-01T00:00:00Z", "2021-02-29T00:00:00Z",
                            "2021-06-31T00:00:00Z", "2021-06-14T24:00:00Z", "2021-06-14T10:60:00Z",
                            "2021-06-14T10:00:61Z", "2021-06-14T10:00:00.Z", "2021-06-14T10:00:00+2:00",
                            "2021-06-14T10:00:00+24:00", "2021-06-14T10:00:00Zjunk", "2021-06-14X10:00:00Z",
                            "21-06-14T10:00:00Z", "2021-06-14T10:00:00 +02:00", "2021-06-14T10:00:00+02:0",
                            "abcd-ef-ghTij:kl:mnZ"}) {
        INFO(bad);
        CHECK_FALSE(parse_iso8601(bad).has_value());
    }
}

TEST_CASE("formatting UTC and civil fields") {
    CHECK(format_iso8601_utc(time_from_ms(1623661040023)) == "2021-06-14T08:57:20.023Z");
    CHECK(format_iso8601_utc(time_from_ms(0)) == "1970-01-01T00:00:00Z");
    CHECK(format_iso8601_utc(time_from_ms(-1000)) == "1969-12-31T23:59:59Z");
    const auto t = *parse_iso8601("2021-06-14T23:30:00Z");
    const CivilTime c = civil_time(t, 120);
    CHECK(c.year == 2021);
    CHECK(c.month == 6);
    CHECK(c.day == 15);
    CHECK(c.hour == 1);
    CHECK(c.minute == 30);
    // Round trip through text.
    CHECK(*parse_iso8601(format_iso8601_utc(time_from_ms(1623661443853))) == time_from_ms(1623661443853));
}
