// The one rule for the zone a session's times are shown in (core/time/session_zone.hpp).
#include <catch2/catch.hpp>

#include "core/time/time.hpp"

using namespace core;

TEST_CASE("the zone a session's time is shown in: the charger's, named when the phone's differs") {
    const TimePoint winter = *parse_iso8601("2026-12-06T18:11:00Z");
    const TimePoint summer = *parse_iso8601("2026-07-06T17:11:00Z");
    const PhoneZone utc_phone{"UTC", 0}, dutch_phone{"Europe/Amsterdam", 120}, unnamed_phone{"", 60};
    // The charger's zone, by its Windows or IANA name, with its summer time.
    CHECK(session_zone("W. Europe Standard Time", utc_phone, winter).offset_minutes == 60);
    CHECK(session_zone("W. Europe Standard Time", utc_phone, winter).label == "CET");
    CHECK(session_zone("Europe/Berlin", utc_phone, summer).label == "CEST");
    CHECK(session_zone("Europe/London", dutch_phone, summer).label == "BST");
    CHECK(session_zone("FLE Standard Time", dutch_phone, winter).label == "EET");
    CHECK(session_zone("+03:00", dutch_phone, winter).label == "UTC+03:00");
    CHECK(session_zone("-05:30", utc_phone, winter).label == "UTC-05:30");
    // The phone's offset at that moment, by its zone's own rule: a December session read in July
    // on a Dutch phone is not another zone.
    CHECK(session_zone("W. Europe Standard Time", dutch_phone, winter).label.empty());
    CHECK(session_zone("Europe/Paris", dutch_phone, summer).label.empty());
    // A phone whose zone has no name the app knows: its offset now.
    CHECK(session_zone("Europe/Brussels", unnamed_phone, winter).label.empty());
    CHECK(session_zone("Europe/Brussels", unnamed_phone, summer).label == "CEST");
    // A charger without a known zone: the phone's own time, unnamed.
    const ShownZone unknown = session_zone("Mars/Base", dutch_phone, winter);
    CHECK(unknown.offset_minutes == 60);
    CHECK(unknown.label.empty());
    CHECK(session_zone("", utc_phone, winter).offset_minutes == 0);
}
