// The warning before an idle fee starts.
#include <catch2/catch.hpp>

#include "core/api/codec.hpp"
#include "core/pricing/idle_fee.hpp"

using namespace core;

namespace {
Tariff parking_tariff() {
    auto d = decode_tariff(R"({"currency":"EUR","elements":[{"priceComponents":[
        {"type":"ENERGY","price":0.4,"stepSize":1},
        {"type":"PARKING_TIME","price":0,"stepSize":60,"restrictions":{"max_duration":3600}},
        {"type":"PARKING_TIME","price":6,"stepSize":60,"restrictions":{"min_duration":3600}}]}]})");
    REQUIRE(d.ok());
    return *d.value;
}
SessionStatus at(SessionStatusCode code) {
    SessionStatus st;
    st.status = code;
    st.start_time = parse_iso8601("2022-01-13T10:00:00Z");
    return st;
}
}  // namespace

TEST_CASE("idle fee: later while within the free time, now when parking past it") {
    const Tariff t = parking_tariff();
    auto w = idle_fee_warning(t, at(SessionStatusCode::Charging), *parse_iso8601("2022-01-13T10:40:00Z"));
    CHECK(w.when == IdleFeeWhen::Later);
    CHECK(w.starts_in_s == 20 * 60);
    CHECK(w.line.amount == 100'000);  // 6/h billed per minute: 0.10 per minute
    CHECK(w.line.label == Str::ParkingPerMinute);
    CHECK(idle_fee_warning(t, at(SessionStatusCode::Charging), *parse_iso8601("2022-01-13T11:10:00Z")).when ==
          IdleFeeWhen::WhenFull);
    CHECK(idle_fee_warning(t, at(SessionStatusCode::Parking), *parse_iso8601("2022-01-13T11:10:00Z")).when ==
          IdleFeeWhen::Now);
    CHECK(idle_fee_warning(t, at(SessionStatusCode::Parking), *parse_iso8601("2022-01-13T10:10:00Z")).when ==
          IdleFeeWhen::Later);
}

TEST_CASE("idle fee: none without a paid parking price or before the start") {
    auto d = decode_tariff(R"({"currency":"EUR","elements":[{"priceComponents":[{"type":"ENERGY","price":0.4}]}]})");
    REQUIRE(d.ok());
    CHECK(idle_fee_warning(*d.value, at(SessionStatusCode::Parking), *parse_iso8601("2022-01-13T11:10:00Z")).when ==
          IdleFeeWhen::None);
    SessionStatus requested;
    requested.status = SessionStatusCode::Requested;
    CHECK(idle_fee_warning(parking_tariff(), requested, *parse_iso8601("2022-01-13T11:10:00Z")).when == IdleFeeWhen::None);
}
