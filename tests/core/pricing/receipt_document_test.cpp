// The receipt's rows and its download/print documents from the backend's final record.
#include <catch2/catch.hpp>

#include "core/api/codec.hpp"
#include "core/journey/journey.hpp"
#include "core/pricing/receipt_document.hpp"
#include "seed_bodies.hpp"

using namespace core;

namespace {
SessionStatus final_record() {
    auto d = decode_session_status(R"({"status":"CDR_AVAILABLE","locationId":"L1","evseUid":"NL-GFX-E1","connectorId":"1",
      "energyInKwh":0.256,"totalCosts":2.2,"totalVat":0.25,"vatPercentage":13,"currency":"EUR",
      "startTime":"2021-06-14T10:59:20+02:00","endTime":"2021-06-14T11:01:32+02:00","receiptNumber":"rec-00007",
      "location":{"name":"Marga <Hotel>","address":"Dorpsstraat 1","city":"Volendam","timeZone":"W. Europe Standard Time"},
      "costBreakdown":{"retailSegments":[{"items":[
        {"dimension":"FLAT","price":1.64,"quantity":1,"roundedCost":1.64,"unit":"MONEY"},
        {"dimension":"ENERGY","price":2.106,"quantity":0.256,"roundedCost":0.54,"unit":"KWH"},
        {"dimension":"TIME","price":0.00585,"quantity":3,"roundedCost":0.02,"unit":"MIN"}]}]}})");
    REQUIRE(d.ok());
    return *d.value;
}
}  // namespace

TEST_CASE("receipt rows: total, cost lines in the price screen's order, VAT, place, local times, number") {
    ReceiptContext on_a_dutch_phone;
    on_a_dutch_phone.phone_zone = PhoneZone{"Europe/Amsterdam", 60};
    const auto rows = receipt_rows(final_record(), on_a_dutch_phone);
    std::vector<std::string> lines;
    for (const auto& r : rows) lines.push_back(r.label + ": " + r.value);
    CHECK(lines == std::vector<std::string>{
                       "Total: €2.20", "Energy 0.256 kWh × €2.106: €0.54", "Charging time 3 min × €0.00585: €0.02",
                       "Session fee 1 × €1.64: €1.64", "of which VAT: €0.25 (13%)", "Total excl. VAT: €1.95",
                       "Location: Marga <Hotel>, Dorpsstraat 1, Volendam", "Charger: NL-GFX-E1 · connector 1",
                       "Started: 14 Jun 2021, 10:59", "Ended: 14 Jun 2021, 11:01", "Energy: 0.26 kWh", "Time: 2 min 12 s",
                       "Receipt number: rec-00007"});
    CHECK(rows[0].emphasis);
    CHECK(rows[0].kind == ReceiptRow::Kind::Total);
    CHECK(rows[1].kind == ReceiptRow::Kind::Cost);
    CHECK(rows[4].kind == ReceiptRow::Kind::Vat);
    CHECK(rows[6].kind == ReceiptRow::Kind::Fact);
    for (const auto& r : rows) CHECK(r.note.empty());  // no tariff known: no billing steps said
}

TEST_CASE("receipt rows: what it was charged to, the charger's own name, the billing steps explained") {
    SessionStatus r = final_record();
    auto method = decode_session_status(R"({"status":"CDR_AVAILABLE",
      "paymentMethod":{"id":"pm","type":"CHARGE_CARD","cardHint":"** **** **** **** 2836"}})");
    r.payment_method = method.value->payment_method;
    Tariff t;
    t.currency = "EUR";
    PriceComponent energy{PriceType::Energy, "ENERGY", 2'106'000, 1000, 13.0, {}};
    PriceComponent time{PriceType::Time, "TIME", 351'000, 60, 13.0, {}};
    PriceComponent flat{PriceType::Flat, "FLAT", 1'640'000, 1, 13.0, {}};
    t.elements.push_back(TariffElement{{flat, energy, time}});
    const auto rows = receipt_rows(r, ReceiptContext{"Chargestation-1", &t});
    REQUIRE(rows.size() > 4);
    CHECK(rows[1].kind == ReceiptRow::Kind::Charged);
    CHECK(rows[1].label == "Charged to card ••2836");
    CHECK(rows[1].value.empty());
    CHECK(rows[2].note == "billed per started kWh");
    CHECK(rows[3].note == "billed per started minute");
    CHECK(rows[4].note.empty());  // the session fee is charged once
    bool charger = false;
    for (const auto& row : rows)
        if (row.label == "Charger") charger = row.value == "Chargestation-1 · connector 1";
    CHECK(charger);
    // The document follows the screen: same rows, same order, notes in brackets.
    const auto d = receipt_document(r, ReceiptContext{"Chargestation-1", &t});
    const auto total = d.text.find("Total: €2.20\n");
    const auto charged = d.text.find("Charged to card ••2836\n");
    const auto energy_line = d.text.find("Energy 0.256 kWh × €2.106: €0.54 (billed per started kWh)\n");
    const auto fee = d.text.find("Session fee 1 × €1.64: €1.64\n");
    const auto vat = d.text.find("of which VAT: €0.25 (13%)\n");
    const auto number = d.text.find("Receipt number: rec-00007\n");
    CHECK(total < charged);
    CHECK(charged < energy_line);
    CHECK(energy_line < fee);
    CHECK(fee < vat);
    CHECK(vat < number);
    CHECK(number != std::string::npos);
    // a class the page's print style aligns, never a style attribute (the page's policy allows none)
    CHECK(d.html.find("<td class=\"amount\">€0.54</td>") != std::string::npos);
    CHECK(d.html.find("style=") == std::string::npos);
}

TEST_CASE("billing steps in words") {
    auto step = [](PriceType type, int size) {
        PriceComponent c;
        c.type = type;
        c.step_size = size;
        return billing_step_text(c);
    };
    CHECK(step(PriceType::Time, 1) == "");
    CHECK(step(PriceType::Time, 60) == "billed per started minute");
    CHECK(step(PriceType::ParkingTime, 900) == "billed per started 15 min");
    CHECK(step(PriceType::Time, 3600) == "billed per started hour");
    CHECK(step(PriceType::Energy, 1000) == "billed per started kWh");
    CHECK(step(PriceType::Energy, 500) == "billed per started 0.5 kWh");
    CHECK(step(PriceType::Flat, 60) == "");
}

TEST_CASE("receipt documents: a text file named by the number, escaped HTML to print") {
    const auto d = receipt_document(final_record());
    CHECK(d.filename == "receipt-rec-00007.txt");
    CHECK(d.text.find("Total: €2.20\n") != std::string::npos);
    CHECK(d.text.find("Receipt number: rec-00007\n") != std::string::npos);
    CHECK(d.html.find("Marga &lt;Hotel&gt;") != std::string::npos);
    CHECK(d.html.find("<Hotel>") == std::string::npos);
    SessionStatus odd = final_record();
    odd.receipt_number = "../../etc/passwd";
    odd.location_time_zone = "Mars/Base";
    CHECK(receipt_document(odd).filename == "receipt-etcpasswd.txt");
    // A zone the app does not know: the phone's own clock, unnamed (here a phone on UTC).
    CHECK(receipt_rows(odd)[8].value == "14 Jun 2021, 08:59");
    // A driver from London reads the Dutch charger's time, named.
    CHECK(receipt_rows(final_record(), ReceiptContext{{}, nullptr, {}, PhoneZone{"Europe/London", 60}})[8].value ==
          "14 Jun 2021, 10:59 CEST");
}

TEST_CASE("download and print are effects for the receipt on screen, nothing without one") {
    Model m;
    m.booted = true;
    auto none = update(m, Event{UserIntent{intent::DownloadReceipt{}}}, TimePoint{});
    CHECK(none.empty());
    m.receipt = final_record();
    m.screen = Screen::Receipt;
    auto down = update(m, Event{UserIntent{intent::DownloadReceipt{}}}, TimePoint{});
    REQUIRE(down.size() == 1);
    const auto* file = std::get_if<OfferDocument>(&down[0]);
    REQUIRE(file);
    CHECK(file->kind == OfferDocument::Kind::Download);
    CHECK(file->filename == "receipt-rec-00007.txt");
    CHECK(file->mime == "text/plain");
    auto print = update(m, Event{UserIntent{intent::PrintReceipt{}}}, TimePoint{});
    REQUIRE(print.size() == 1);
    const auto* page = std::get_if<OfferDocument>(&print[0]);
    REQUIRE(page);
    CHECK(page->kind == OfferDocument::Kind::Print);
    CHECK(page->content.find("<table>") != std::string::npos);
}

TEST_CASE("receipt rows: the operator as every screen names it, its branding standing in") {
    SessionStatus r = final_record();
    auto has = [](const std::vector<ReceiptRow>& rows, const std::string& line) {
        for (const auto& row : rows)
            if (row.label + ": " + row.value == line) return true;
        return false;
    };
    ReceiptContext context;
    context.operator_name = "GreenFlux";
    r.branding = Branding{};
    r.branding->display_name = "Total Demo";
    CHECK(has(receipt_rows(r, context), "Operator: GreenFlux"));
    CHECK_FALSE(has(receipt_rows(r, context), "Operator: Total Demo"));
    CHECK(has(receipt_rows(r), "Operator: Total Demo"));  // the location not loaded: the status's branding
    r.branding.reset();
    for (const auto& row : receipt_rows(r)) CHECK(row.label != "Operator");
}
