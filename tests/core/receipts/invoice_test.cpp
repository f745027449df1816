// Invoice details: checked as serve.py checks them, kept on the phone, sent as lines.
#include <catch2/catch.hpp>

#include <string>

#include "core/receipts/receipts.hpp"

using namespace core;

TEST_CASE("invoice details: trimmed, the VAT number normalized, each field's problem named") {
    InvoiceCheck ok = check_invoice({" Anna de Vries ", "Laadbedrijf B.V.", "nl 123456789 b01", "Dorpsstraat 1, 1131 AB Volendam"});
    CHECK(ok.problem == InvoiceProblem::None);
    CHECK(ok.details == InvoiceDetails{"Anna de Vries", "Laadbedrijf B.V.", "NL123456789B01", "Dorpsstraat 1, 1131 AB Volendam"});
    CHECK(check_invoice({}).problem == InvoiceProblem::None);

    InvoiceCheck vat = check_invoice({"", "", "DE12345678", ""});
    CHECK(vat.field == InvoiceField::VatNumber);
    CHECK(vat.problem == InvoiceProblem::Vat);
    CHECK(vat.vat.problem == VatProblem::WrongFormat);
    CHECK(vat.vat.country == "DE");

    CHECK(check_invoice({std::string(101, 'a'), "", "", ""}).field == InvoiceField::Name);
    CHECK(check_invoice({std::string(100, 'a'), "", "", ""}).problem == InvoiceProblem::None);
    // Characters, not bytes: 100 letters é are 200 bytes and fit.
    std::string accents;
    for (int i = 0; i < 100; ++i) accents += "é";
    CHECK(check_invoice({"", accents, "", ""}).problem == InvoiceProblem::None);
    CHECK(check_invoice({"", "Bad\x01name", "", ""}).problem == InvoiceProblem::ControlCharacters);
    CHECK(check_invoice({"", "Bad\u2028line", "", ""}).field == InvoiceField::Company);
    CHECK(check_invoice({"", "", "", "a, b, c, d, e, f, g"}).problem == InvoiceProblem::TooManyLines);
    CHECK(check_invoice({"", "", "", std::string(301, 'x')}).problem == InvoiceProblem::TooLong);
}

TEST_CASE("invoice details: the storage form round-trips, anything unreadable is empty") {
    const InvoiceDetails d{"Zoë", "Café \"De Haven\"", "FR12345678901", "Quai 2, 75001 Paris"};
    CHECK(decode_invoice(encode_invoice(d)) == d);
    CHECK(decode_invoice("").empty());
    CHECK(decode_invoice("not json").empty());
    CHECK(decode_invoice("[1,2]").empty());
    CHECK(decode_invoice(R"({"name": 5, "company": "X"})") == InvoiceDetails{"", "X", "", ""});
    CHECK(address_lines(" Dorpsstraat 1 ,, 1131 AB Volendam ,") == std::vector<std::string>{"Dorpsstraat 1", "1131 AB Volendam"});
}
