// Decoding Charge Assist bodies: the seed examples give the right values; broken input gives
// errors or Unknown, never an abort.
#include <catch2/catch.hpp>

#include "core/api/codec.hpp"
#include "seed_bodies.hpp"

using namespace core;

TEST_CASE("seed bounding box decodes") {
    const auto d = decode_location_list(seed::kSeedBoundingBox);
    REQUIRE(d.ok());
    CHECK(d.problems.empty());
    const auto& items = d.value->items;
    REQUIRE(items.size() == 2);
    CHECK(items[0].id == "nl-gfx-a2f2ce5a-8721-4077-9739-6d1a6dce20e0");
    CHECK(items[0].name == "Marga");
    CHECK(items[0].address == "Margaklompehof 11");
    CHECK(items[0].city == "Almere");
    CHECK(items[0].country == "NLD");
    CHECK(items[0].lat == Approx(52.37707));
    CHECK(items[0].lng == Approx(5.21647));
    CHECK(items[0].connectors_available == 2);
    CHECK(items[0].connectors_total == 3);
    CHECK(items[0].direct_pay);
    CHECK(items[0].rfid);
    REQUIRE(items[0].branding.has_value());
    CHECK(items[0].branding->display_name == "Demo Station");
    CHECK(items[0].branding->primary_color_hex == "#50B748");
    CHECK(items[1].id == "nl-gfx-40fa8af1-c3f0-45e2-ad72-59b0f384fd02");
    CHECK(items[1].name == "Van der Valk Hotel Volendam");
    CHECK(items[1].connectors_available == 1);
    CHECK_FALSE(items[1].branding.has_value());
    // The second names the first's branding by id only; both know which it is.
    CHECK(items[0].branding_id == "greenflux");
    CHECK(items[1].branding_id == "greenflux");
    // The walkthrough's example lists no EVSEs: the markers go by conAvail/conTot alone.
    CHECK(items[0].evses.listed == 0);
    CHECK_FALSE(items[0].has_dc);
    CHECK_FALSE(items[0].has_ac);
    CHECK_FALSE(d.value->has_more_data);
}

TEST_CASE("seed location decodes with EVSEs and connectors") {
    const auto d = decode_location(seed::kSeedLocation);
    REQUIRE(d.ok());
    CHECK(d.problems.empty());
    const Location& l = *d.value;
    CHECK(l.id == "nl-gfx-a2f2ce5a-8721-4077-9739-6d1a6dce20e0");
    CHECK(l.address == "Margaklompehof 11");
    CHECK(l.postal_code == "1314 WL");
    CHECK(l.lat == Approx(52.37707));
    CHECK(l.operator_name == "GreenFlux");
    REQUIRE(l.evses.size() == 4);
    CHECK(l.evses[0].uid == "NL-GFX-EAddCS123-1");
    CHECK(l.evses[0].status == EvseStatus::Charging);
    CHECK(l.evses[1].status == EvseStatus::Available);
    CHECK(l.evses[3].status == EvseStatus::Unknown);
    CHECK(l.evses[3].status_raw == "UNKNOWN");
    CHECK(l.evses[2].floor_level == "3");
    CHECK_FALSE(l.evses[0].charging_not_allowed);
    REQUIRE(l.evses[0].connectors.size() == 1);
    const Connector& c = l.evses[0].connectors[0];
    CHECK(c.id == "1");
    CHECK(c.standard == "IEC_62196_T2");
    CHECK(c.format == "SOCKET");
    CHECK(c.power_type == "AC_3_PHASE");
    CHECK(c.kw == 11);
    CHECK(c.phases == 3);
    CHECK(c.voltage == 230);
    CHECK(c.amperage == 16);
    CHECK(c.tariff_id == "A1");
    CHECK(l.evses[2].connectors[0].format == "CABLE");
    REQUIRE(l.branding.has_value());
    CHECK(l.branding->display_name == "Total Demo");
}

TEST_CASE("seed charge card and external method decode") {
    const auto card = decode_payment_method(seed::kSeedChargeCard);
    REQUIRE(card.ok());
    CHECK(card.value->id == "6e6a4130-bdb6-4375-ae3d-19edcd2849fc");
    CHECK(card.value->type == "CHARGE_CARD");
    CHECK(card.value->card_hint == "** **** **** **** 2836");
    CHECK(card.value->issuer == "name");
    CHECK(card.value->verification == VerificationStatus::Pending);
    CHECK_FALSE(card.value->is_compatible.has_value());

    const auto ext = decode_payment_method(seed::kSeedExternalMethod);
    REQUIRE(ext.ok());
    CHECK(ext.value->id == "862f291f-2dta-46e5-8956-57e566c4ebff");
    CHECK(ext.value->type == "EXTERNAL");
    CHECK(ext.value->external_id == "UFSedBQuyYajI25hy3Y6TsdeSF");
    CHECK(ext.value->verification == VerificationStatus::Valid);
}

TEST_CASE("a wallet is a data list of payment methods") {
    const std::string body = std::string(R"({"data":[)") + seed::kSeedChargeCard + "," + seed::kSeedExternalMethod +
                             R"(],"meta":{"count":2,"hasMoreData":false}})";
    const auto d = decode_wallet(body);
    REQUIRE(d.ok());
    REQUIRE(d.value->size() == 2);
    CHECK((*d.value)[0].type == "CHARGE_CARD");
    CHECK((*d.value)[1].type == "EXTERNAL");
    // An item without an id cannot pay for anything: skipped, and said why.
    const auto partial = decode_wallet(R"({"data":[{"type":"VISA"},{"id":"x","type":"VISA"}]})");
    REQUIRE(partial.ok());
    REQUIRE(partial.value->size() == 1);
    CHECK(partial.value->front().id == "x");
    CHECK(partial.error().find("data[0].id: missing") != std::string::npos);
}

TEST_CASE("seed tariff list decodes") {
    const auto d = decode_tariff_items(seed::kSeedTariffs);
    REQUIRE(d.ok());
    CHECK(d.problems.empty());
    REQUIRE(d.value->size() == 2);
    const WalletTariffItem& first = (*d.value)[0];
    CHECK(first.validity == TariffValidity::Valid);
    CHECK(first.payment_method.id == "112f291f-2dda-46e5-9956-57e566b4ebff");
    CHECK(first.payment_method.is_compatible == false);
    REQUIRE(first.tariff.has_value());
    const Tariff& t = *first.tariff;
    CHECK(t.currency == "EUR");
    CHECK(t.vat_percent == 13.0);
    CHECK(t.vat_included);
    REQUIRE(t.elements.size() == 1);
    const auto& pc = t.elements[0].components;
    REQUIRE(pc.size() == 3);
    CHECK(pc[0].type == PriceType::Flat);
    CHECK(pc[0].price == 1'640'000);
    CHECK(pc[1].type == PriceType::Energy);
    CHECK(pc[1].price == 2'106'000);
    CHECK(pc[2].type == PriceType::Time);
    CHECK(pc[2].price == 351'000);
    CHECK(pc[2].step_size == 60);
    CHECK(pc[2].vat_percent == 13.0);

    const WalletTariffItem& second = (*d.value)[1];
    CHECK(second.validity == TariffValidity::Unknown);
    CHECK_FALSE(second.tariff.has_value());
    CHECK(second.payment_method.id == "6e6a4130-bdb6-4375-ae3d-19edcd2849fc");
    CHECK(second.payment_method.is_compatible == true);
    CHECK(second.payment_method.verification == VerificationStatus::Pending);
}

TEST_CASE("tariff restrictions and odd components") {
    const auto d = decode_tariff(R"({"currency":"EUR","elements":[{"priceComponents":[
        {"type":"TIME","price":2.4,"stepSize":0,"restrictions":{"min_duration":3600,"max_kwh":20.5,"min_power":null}},
        {"type":"HOVERCRAFT","price":1}]}]})");
    REQUIRE(d.ok());
    const auto& pc = d.value->elements[0].components;
    REQUIRE(pc.size() == 2);
    CHECK(pc[0].step_size == 1);  // 0 means per unit
    CHECK(pc[0].restrictions.min_duration_s == 3600);
    CHECK(pc[0].restrictions.max_kwh == 20.5);
    CHECK_FALSE(pc[0].restrictions.min_power_kw.has_value());
    CHECK_FALSE(pc[0].vat_percent.has_value());  // missing: no VAT
    CHECK(pc[1].type == PriceType::Unknown);
    CHECK(pc[1].type_raw == "HOVERCRAFT");
    CHECK_FALSE(d.value->vat_included);

    // A price that cannot be read drops the whole tariff rather than understate it.
    const auto bad = decode_tariff_items(R"({"data":[{"validity":"VALID","paymentMethod":{"id":"p"},
        "tariff":{"currency":"EUR","elements":[{"priceComponents":[{"type":"ENERGY","price":"0.30"}]}]}}]})");
    REQUIRE(bad.ok());
    REQUIRE(bad.value->size() == 1);
    CHECK_FALSE(bad.value->front().tariff.has_value());
    CHECK(bad.error().find("data[0].tariff.elements[0].priceComponents[0].price") != std::string::npos);
}

TEST_CASE("seed start and status decode") {
    const auto start = decode_start_result(seed::kSeedStart);
    REQUIRE(start.ok());
    CHECK(start.value->charge_session_id == "38ac4790-c7e0-4b55-95a9-a7fe590081fc");
    REQUIRE(start.value->next_status_call.has_value());
    CHECK(*start.value->next_status_call == *parse_iso8601("2021-06-14T08:57:20.023Z"));

    const auto st = decode_session_status(seed::kSeedStatusCharging);
    REQUIRE(st.ok());
    CHECK(st.problems.empty());
    const SessionStatus& s = *st.value;
    CHECK(s.status == SessionStatusCode::Charging);
    CHECK(s.status_raw == "CHARGING");
    CHECK(s.location_id == "nl-gfx-3889ee184-33fd-464f-a18c-e96r5479b7b3");
    CHECK(s.evse_uid == "NL-GFX-ECentralTrain-Station-1");
    CHECK(s.connector_id == "1");
    CHECK(s.energy_kwh == Approx(10.15));
    CHECK(s.power_kw == Approx(213.02));
    CHECK(s.currency == "EUR");
    CHECK(s.start_time == parse_iso8601("2021-06-14T08:59:20Z"));
    CHECK_FALSE(s.end_time.has_value());
    CHECK(s.next_status_call == parse_iso8601("2021-06-14T09:04:03.853Z"));
    CHECK_FALSE(s.total_costs.has_value());

    const auto stop = decode_session_status(seed::kSeedStopCdr);
    REQUIRE(stop.ok());
    CHECK(stop.value->status == SessionStatusCode::CdrAvailable);
    CHECK(is_final(stop.value->status));
    CHECK(stop.value->energy_kwh == Approx(20.86));
    CHECK(stop.value->power_kw == 0.0);
    CHECK(stop.value->total_costs == 20'450'000);
    CHECK(stop.value->total_vat == 2'350'000);
    CHECK(stop.value->vat_percent == 13.0);
}

TEST_CASE("status with data points and a cost breakdown") {
    const auto d = decode_session_status(R"({"status":"CDR_AVAILABLE","currency":"EUR","receiptNumber":"rec-00011",
      "totalCosts":7.27,
      "usageSummary":{"maxPowerInKw":11.45,"dataPoints":[
        {"timestamp":"2021-08-17T09:47:30+00:00","energyInKwh":0.791,"powerInKw":10.49,"status":"CHARGING"},
        {"timestamp":"not a time","energyInKwh":1.5},
        {"timestamp":"2021-08-17T09:52:30+00:00","energyInKwh":1.662,"powerInKw":null}]},
      "costBreakdown":{"retailSegments":[
        {"segmentId":1,"fromUtc":"2021-08-17T09:40:00Z","items":[
          {"dimension":"ENERGY","price":0.35,"quantity":12.5,"unroundedCost":4.375,"roundedCost":4.38,"unit":"KWH"},
          {"dimension":"TIME","price":2.4,"quantity":60,"unroundedCost":2.4,"unit":"MIN"}]},
        {"segmentId":2,"items":[{"dimension":"FLAT","price":0.49,"quantity":1,"roundedCost":0.49,"unit":"MONEY"}]}]}})");
    REQUIRE(d.ok());
    const SessionStatus& s = *d.value;
    CHECK(s.receipt_number == "rec-00011");
    REQUIRE(s.data_points.size() == 2);  // the one without a readable time is left out
    CHECK(s.data_points[0].energy_kwh == Approx(0.791));
    CHECK(s.data_points[0].power_kw == Approx(10.49));
    CHECK(s.data_points[1].power_kw == 0);
    REQUIRE(s.cost_breakdown.size() == 3);
    CHECK(s.cost_breakdown[0].dimension == "ENERGY");
    CHECK(s.cost_breakdown[0].unit == "KWH");
    CHECK(s.cost_breakdown[0].quantity == Approx(12.5));
    CHECK(s.cost_breakdown[0].unit_price == 350'000);
    CHECK(s.cost_breakdown[0].cost == 4'380'000);  // rounded cost wins
    CHECK(s.cost_breakdown[1].cost == 2'400'000);  // else the unrounded one
    CHECK(s.cost_breakdown[2].dimension == "FLAT");
    CHECK(d.error().find("usageSummary.dataPoints[1].timestamp") != std::string::npos);
}

TEST_CASE("unknown enum values are kept, not fatal") {
    const auto d = decode_session_status(R"({"status":"HYPERCHARGING","error":"NEW_ERROR"})");
    REQUIRE(d.ok());
    CHECK(d.value->status == SessionStatusCode::Unknown);
    CHECK(d.value->status_raw == "HYPERCHARGING");
    CHECK(d.value->error == "NEW_ERROR");
    CHECK_FALSE(is_final(d.value->status));

    const auto t = decode_tariff_items(R"({"data":[{"validity":"MAYBE","paymentMethod":{"id":"p","verificationStatus":"SOON"}}]})");
    REQUIRE(t.ok());
    CHECK(t.value->front().validity == TariffValidity::Other);
    CHECK(t.value->front().validity_raw == "MAYBE");
    CHECK(t.value->front().payment_method.verification == VerificationStatus::Unknown);

    const auto l = decode_location(R"({"id":"L","evses":[{"uid":"E","status":"ON_FIRE"}]})");
    REQUIRE(l.ok());
    CHECK(l.value->evses[0].status == EvseStatus::Unknown);
    CHECK(l.value->evses[0].status_raw == "ON_FIRE");
}

TEST_CASE("malformed input gives errors, not aborts") {
    for (const char* body : {"", "   ", "{", "[1,2", "nul", "{\"data\":[}", "<html>502 Bad Gateway</html>", "1e400",
                             "\"just a string\"", "[]", "42", "null", "true"}) {
        INFO(body);
        CHECK_FALSE(decode_location_list(body).ok());
        CHECK_FALSE(decode_location(body).ok());
        CHECK_FALSE(decode_wallet(body).ok());
        CHECK_FALSE(decode_payment_method(body).ok());
        CHECK_FALSE(decode_tariff_items(body).ok());
        CHECK_FALSE(decode_start_result(body).ok());
        CHECK_FALSE(decode_session_status(body).ok());
        CHECK_FALSE(decode_session_status(body).error().empty());
    }
}

TEST_CASE("wrong types and nulls are tolerated field by field") {
    const auto d = decode_session_status(R"({"status":7,"energyInKwh":"12","currentPowerInKw":null,
        "totalCosts":true,"startTime":12345,"endTime":"","currency":["EUR"],"usageSummary":"none",
        "costBreakdown":{"retailSegments":{"items":[]}}})");
    REQUIRE(d.ok());
    CHECK(d.value->status == SessionStatusCode::Unknown);
    CHECK(d.value->energy_kwh == 0);
    CHECK_FALSE(d.value->total_costs.has_value());
    CHECK_FALSE(d.value->start_time.has_value());
    CHECK_FALSE(d.value->end_time.has_value());
    CHECK(d.value->currency.empty());
    const std::string e = d.error();
    CHECK(e.find("status: expected a string, got number") != std::string::npos);
    CHECK(e.find("energyInKwh: expected a number, got string") != std::string::npos);
    CHECK(e.find("usageSummary: expected an object") != std::string::npos);
    CHECK(e.find("costBreakdown.retailSegments: expected an array") != std::string::npos);
    CHECK(e.find("endTime") == std::string::npos);  // "" is the API's "not yet"

    // A list whose data is not a list is an error; a null list is simply empty.
    CHECK_FALSE(decode_location_list(R"({"data":{"id":"x"}})").ok());
    const auto empty = decode_location_list(R"({"data":null,"meta":null})");
    REQUIRE(empty.ok());
    CHECK(empty.value->items.empty());
    // Items that are not objects, or lack id or coordinates, are skipped.
    const auto mixed = decode_location_list(R"({"data":[1,"x",null,{"id":"a"},{"lat":1,"lng":2},{"id":"b","lat":1,"lng":2}]})");
    REQUIRE(mixed.ok());
    REQUIRE(mixed.value->items.size() == 1);
    CHECK(mixed.value->items[0].id == "b");
}

TEST_CASE("huge numbers do not overflow") {
    const auto d = decode_session_status(R"({"status":"COMPLETED","totalCosts":1e300,"totalVat":-9.3e18,
        "energyInKwh":1.7976931348623157e308,"vatPercentage":123456789012345678901234567890})");
    REQUIRE(d.ok());
    CHECK_FALSE(d.value->total_costs.has_value());
    CHECK_FALSE(d.value->total_vat.has_value());
    CHECK(d.error().find("totalCosts: amount out of range") != std::string::npos);
    const auto l = decode_location_list(R"({"data":[{"id":"a","lat":1,"lng":2,"conAvail":99999999999999999999,"conTot":-3000000000}]})");
    REQUIRE(l.ok());
    CHECK(l.value->items[0].connectors_available == 0);
    CHECK(l.value->items[0].connectors_total == 0);
    CHECK(l.error().find("conAvail: number out of range") != std::string::npos);
}

TEST_CASE("error messages from every error shape") {
    CHECK(decode_error_message(R"({"validationMessages":[{"code":"E1","message":"Connector is occupied."},
        {"code":"E2","message":"Try another one."}],"message":"Validation failed","developerMessage":"stack"})") ==
          "Connector is occupied. Try another one.");
    CHECK(decode_error_message(R"({"validationMessages":[],"message":"Invalid payment method"})") == "Invalid payment method");
    CHECK(decode_error_message(R"({"message":"Token unknown","code":"TOKEN","validationStatus":"Error"})") == "Token unknown");
    CHECK(decode_error_message(R"({"type":"about:blank","title":"Not Found","status":404,"detail":"No tariff for this EVSE"})") ==
          "No tariff for this EVSE");
    CHECK(decode_error_message(R"({"title":"Bad Request"})") == "Bad Request");
    CHECK(decode_error_message(R"("Invalid token used")") == "Invalid token used");
    CHECK(decode_error_message("Invalid token used\n") == "Invalid token used");
    CHECK(decode_error_message("<html><body>502</body></html>").empty());
    CHECK(decode_error_message("").empty());
    CHECK(decode_error_message("{}").empty());
    CHECK(decode_error_message(R"({"message":42,"validationMessages":"x"})").empty());
    CHECK(decode_error_message(R"([1,2])").empty());
    const std::string long_text(1000, 'a');
    CHECK(decode_error_message("\"" + long_text + "\"").size() < 320);
}

TEST_CASE("a status names the payment method charged and the operator's support contacts") {
    const auto d = decode_session_status(R"({"status":"CDR_AVAILABLE","paymentMethodId":"pm-1",
      "paymentMethod":{"id":"pm-1","type":"CHARGE_CARD","cardHint":"** **** **** **** 2836","chargeCardVisualNumber":"770674109963002836"},
      "location":{"name":"Marga","branding":{"displayName":"Demo Station","supportPhone":"0201234567",
        "supportEmail":"help@example.org","supportWebsite":"https://example.org/help"}}})");
    REQUIRE(d.ok());
    CHECK(d.value->payment_method_id == "pm-1");
    REQUIRE(d.value->payment_method.has_value());
    CHECK(d.value->payment_method->card_hint == "** **** **** **** 2836");
    REQUIRE(d.value->branding.has_value());
    CHECK(d.value->branding->display_name == "Demo Station");
    CHECK(d.value->branding->support_phone == "0201234567");
    CHECK(d.value->branding->support_email == "help@example.org");
    CHECK(d.value->branding->support_website == "https://example.org/help");
    // Without a hint, the printed number; a null payment method or location is simply absent.
    const auto visual = decode_session_status(R"({"status":"CDR_AVAILABLE",
      "paymentMethod":{"id":"pm-2","chargeCardVisualNumber":"NLGFX123456"},"location":null})");
    REQUIRE(visual.ok());
    CHECK(visual.value->payment_method->card_hint == "NLGFX123456");
    CHECK_FALSE(visual.value->branding.has_value());
    const auto none = decode_session_status(R"({"status":"CHARGING","paymentMethod":null})");
    REQUIRE(none.ok());
    CHECK_FALSE(none.value->payment_method.has_value());
}
