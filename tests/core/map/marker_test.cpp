// What a map marker says: the state from EVSE statuses or conAvail/conTot, the power class, and the
// accessible name in words, from summaries decoded as the service sends them.
#include <catch2/catch.hpp>

#include "core/api/codec.hpp"
#include "core/map/marker.hpp"

using namespace core;

namespace {

// One summary as the bounding box sends it; `evses` is the JSON of its evses field, or empty for none.
LocationSummary summary(int available, int total, const std::string& evses = {}) {
    std::string body = R"({"data":[{"id":"L1","name":"Marga","lat":52.37,"lng":5.21,"conAvail":)" +
                       std::to_string(available) + R"(,"conTot":)" + std::to_string(total);
    if (!evses.empty()) body += R"(,"evses":)" + evses;
    body += "}]}";
    const auto d = decode_location_list(body);
    REQUIRE(d.ok());
    REQUIRE(d.value->items.size() == 1);
    return d.value->items[0];
}

std::string evse(const std::string& status, const std::string& power = "AC_3_PHASE", int kw = 11) {
    return R"({"uid":"E","status":")" + status + R"(","connectors":[{"id":"1","standard":"IEC_62196_T2","kw":)" +
           std::to_string(kw) + R"(,"powerType":")" + power + R"("}]})";
}

std::string list(std::initializer_list<std::string> items) {
    std::string out = "[";
    for (const auto& i : items) out += (out.size() > 1 ? "," : "") + i;
    return out + "]";
}

}  // namespace

TEST_CASE("without EVSEs the marker follows conAvail and conTot") {
    CHECK(marker_state(summary(2, 3)) == MarkerState::Free);
    CHECK(marker_state(summary(0, 3)) == MarkerState::Busy);
    CHECK(marker_state(summary(0, 0)) == MarkerState::Unknown);
    const LocationSummary s = summary(2, 3);
    CHECK(s.evses.listed == 0);
    CHECK(marker_label(s) == "Marga, 2 of 3 free");  // nothing about power when nothing is listed
    CHECK(marker_label(summary(0, 0)) == "Marga, availability unknown");
}

TEST_CASE("zero EVSEs listed is the same as none listed") {
    const LocationSummary s = summary(1, 2, "[]");
    CHECK(s.evses.listed == 0);
    CHECK(marker_state(s) == MarkerState::Free);
    CHECK(marker_state(summary(0, 0, "null")) == MarkerState::Unknown);
    CHECK(marker_power_text(s).empty());
}

TEST_CASE("all EVSEs out of order or inoperative: out of order, whatever conTot says") {
    const LocationSummary s =
        summary(0, 3, list({evse("OUTOFORDER", "DC", 50), evse("INOPERATIVE", "DC", 150), evse("OUTOFORDER", "DC", 50)}));
    CHECK(s.evses.listed == 3);
    CHECK(s.evses.out_of_order == 3);
    CHECK(marker_state(s) == MarkerState::OutOfOrder);
    CHECK(marker_label(s) == "Marga, out of order, DC up to 150 kW");
    // A removed EVSE beside broken ones changes nothing: it is not there to charge at.
    CHECK(marker_state(summary(0, 2, list({evse("OUTOFORDER"), evse("REMOVED")}))) == MarkerState::OutOfOrder);
}

TEST_CASE("mixed statuses: one free is free, none free and one in use is busy") {
    const LocationSummary free = summary(1, 3, list({evse("OUTOFORDER"), evse("CHARGING"), evse("AVAILABLE")}));
    CHECK(marker_state(free) == MarkerState::Free);
    CHECK(marker_label(free) == "Marga, 1 of 3 free, AC up to 11 kW");
    const LocationSummary busy = summary(0, 3, list({evse("OUTOFORDER"), evse("CHARGING"), evse("BLOCKED")}));
    CHECK(marker_state(busy) == MarkerState::Busy);
    CHECK(marker_label(busy) == "Marga, 0 of 3 free, AC up to 11 kW");
    CHECK(marker_state(summary(0, 1, list({evse("RESERVED"), evse("UNKNOWN")}))) == MarkerState::Busy);
    // The EVSE statuses win over a conAvail that disagrees with them.
    CHECK(marker_state(summary(2, 2, list({evse("CHARGING"), evse("CHARGING")}))) == MarkerState::Busy);
}

TEST_CASE("unknown and unrecognised statuses: unknown, not busy") {
    const LocationSummary all_unknown = summary(0, 0, list({evse("UNKNOWN"), evse("UNKNOWN")}));
    CHECK(marker_state(all_unknown) == MarkerState::Unknown);
    // UNKNOWN on the wire: no status reaches the service, the chargers are offline.
    CHECK(marker_label(all_unknown) == "Marga, not reachable now, AC up to 11 kW");
    CHECK(marker_label(summary(0, 0, list({evse("UNKNOWN"), evse("OUTOFORDER")}))) ==
          "Marga, not reachable now, AC up to 11 kW");
    // A status this app does not know yet counts as unknown.
    const LocationSummary odd = summary(0, 1, list({evse("ON_FIRE")}));
    CHECK(odd.evses.unknown == 1);
    CHECK(odd.evses.unreachable == 0);
    CHECK(marker_state(odd) == MarkerState::Unknown);
    CHECK(marker_label(odd) == "Marga, availability unknown, AC up to 11 kW");
    // A missing or mistyped status is unknown too; a non-object EVSE is skipped.
    const LocationSummary broken = summary(0, 0, R"([{"uid":"E"},{"uid":"F","status":7},"x",null])");
    CHECK(broken.evses.listed == 2);
    CHECK(marker_state(broken) == MarkerState::Unknown);
    // Broken and unknown, nothing known in use: unknown (the unknown one may work).
    CHECK(marker_state(summary(0, 1, list({evse("OUTOFORDER"), evse("UNKNOWN")}))) == MarkerState::Unknown);
    // Only planned or removed chargers: nothing to charge at yet, and nothing known.
    CHECK(marker_state(summary(0, 0, list({evse("PLANNED"), evse("REMOVED")}))) == MarkerState::Unknown);
}

TEST_CASE("AC, DC and power class from the connectors") {
    const LocationSummary both = summary(1, 2, list({evse("AVAILABLE", "AC_1_PHASE", 7), evse("CHARGING", "DC", 50)}));
    CHECK(both.has_ac);
    CHECK(both.has_dc);
    CHECK(both.max_kw == 50);
    CHECK(marker_power_text(both) == "AC and DC up to 50 kW");
    CHECK(power_class(both.max_kw) == 2);
    CHECK(marker_kw_badge(both) == "50 kW");
    // powerInKw carries fractions and wins over the whole kw.
    const LocationSummary fine = summary(
        1, 1, R"([{"uid":"E","status":"AVAILABLE","connectors":[{"id":"1","kw":7,"powerInKw":7.4,"powerType":"AC_1_PHASE"}]}])");
    CHECK(marker_power_text(fine) == "AC up to 7.4 kW");
    CHECK(marker_kw_badge(fine) == "7.4 kW");
    // A connector without power says the kind only.
    const LocationSummary no_kw =
        summary(1, 1, R"([{"uid":"E","status":"AVAILABLE","connectors":[{"id":"1","powerType":"DC"}]}])");
    CHECK(marker_power_text(no_kw) == "DC");
    CHECK(marker_kw_badge(no_kw).empty());
    CHECK(power_class(0) == 0);
    CHECK(power_class(11) == 0);
    CHECK(power_class(22) == 1);
    CHECK(power_class(49.9) == 1);
    CHECK(power_class(150) == 3);
    CHECK(power_class(300) == 3);
}

TEST_CASE("the tally counts each status class once") {
    EvseTally t;
    for (const char* s : {"AVAILABLE", "AVAILABLE", "CHARGING", "BLOCKED", "RESERVED", "OUTOFORDER", "INOPERATIVE",
                          "UNKNOWN", "", "PLANNED", "REMOVED"})
        tally_evse(t, s);
    CHECK(t.listed == 11);
    CHECK(t.available == 2);
    CHECK(t.out_of_order == 2);
    CHECK(t.unknown == 2);
    CHECK(t.not_in_service == 2);
}
