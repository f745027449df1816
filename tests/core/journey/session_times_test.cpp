// The times of one session read the same in Past sessions and on its receipt: the charger's, from
// its location's timeZone, with the zone said beside the time when the phone's differs.
#include "journey_harness.hpp"

#include "core/pricing/pricing.hpp"

using namespace test;

namespace {

// One finished session at a charger in Amsterdam (the API names the zone the Windows way), started
// at 19:11 there (18:11 UTC) on 6 December 2026.
const char* kHistory = R"({"data":[
    {"chargeSessionId":"s1","status":"CDR_AVAILABLE",
     "location":{"id":"L","name":"Marga","timeZone":"W. Europe Standard Time"},
     "startTime":"2026-12-06T19:11:00+01:00","endTime":"2026-12-06T20:02:00+01:00",
     "retailCostInclVat":4.85,"vatAmount":0.84,"energyInKwh":12.5,"currency":"EUR"}]})";
const char* kStatus = R"({"status":"CDR_AVAILABLE","locationId":"L","evseUid":"E1","connectorId":"1",
    "location":{"name":"Marga","timeZone":"W. Europe Standard Time"},
    "startTime":"2026-12-06T19:11:00+01:00","endTime":"2026-12-06T20:02:00+01:00",
    "totalCosts":4.85,"totalVat":0.84,"currency":"EUR","energyInKwh":12.5,"receiptNumber":"rec-1"})";

std::string receipt_value(const Journey& j, Str label) {
    for (const auto& row : receipt_rows(*j.m.receipt, receipt_context(j.m)))
        if (row.label == tr(label)) return row.value;
    return {};
}

// Past sessions, then the receipt of its one session, on a phone in `phone_zone`.
Journey history_and_receipt(const std::string& phone_zone, int phone_offset_now) {
    Journey j;
    Boot boot{{{kKeyAppToken, "app-" + kHex}}, kHex};
    boot.time_zone = phone_zone;
    boot.utc_offset_minutes = phone_offset_now;
    j.send(boot);
    j.intent(intent::OpenHistory{});
    j.answer("GET", "/api/token/", 200, kHistory);
    j.intent(intent::OpenPastSession{"s1"});
    j.answer("GET", "/api/session/status", 200, kStatus);
    REQUIRE(j.m.receipt);
    return j;
}

}  // namespace

TEST_CASE("a session's start reads the same in Past sessions and on its receipt") {
    // A phone set to UTC (as many test machines and some travellers' phones are).
    const Journey j = history_and_receipt("UTC", 0);
    REQUIRE(j.m.history.size() == 1);
    const std::string listed = past_session_row(j.m, j.m.history[0]).when;
    CHECK(listed == "6 Dec 2026, 19:11 CET");
    CHECK(receipt_value(j, Str::ReceiptStarted) == listed);
    CHECK(receipt_value(j, Str::ReceiptEnded) == "6 Dec 2026, 20:02 CET");
}

TEST_CASE("a phone in the charger's zone shows its times without naming the zone") {
    const Journey j = history_and_receipt("Europe/Amsterdam", 120);  // booted in summer: +2 now, +1 in December
    CHECK(past_session_row(j.m, j.m.history[0]).when == "6 Dec 2026, 19:11");
    CHECK(receipt_value(j, Str::ReceiptStarted) == "6 Dec 2026, 19:11");
}
