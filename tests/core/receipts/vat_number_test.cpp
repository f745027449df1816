// EU VAT number formats, golden values from each member state's format as VIES documents it.
#include <catch2/catch.hpp>

#include "core/receipts/receipts.hpp"

using namespace core;

TEST_CASE("VAT numbers: every EU format takes its own numbers") {
    for (const char* good : {"ATU12345678", "BE0123456789", "BE1234567890", "BG123456789", "BG1234567890",
                             "CY12345678L", "CZ12345678", "CZ123456789", "CZ1234567890", "DE123456789", "DK12345678",
                             "EE123456789", "EL123456789", "ESX1234567X", "ES12345678Z", "ESA1234567B", "FI12345678",
                             "FR12345678901", "FRXX123456789", "FRA1123456789", "HR12345678901", "HU12345678",
                             "IE1234567WA", "IE1234567T", "IE1S23456T", "IE1+23456W", "IT12345678901", "LT123456789",
                             "LT123456789012", "LU12345678", "LV12345678901", "MT12345678", "NL123456789B01",
                             "PL1234567890", "PT123456789", "RO12", "RO1234567890", "SE123456789001", "SI12345678",
                             "SK1234567890", "XI123456789", "XI123456789012", "XIGD123", "XIHA123"}) {
        INFO(good);
        const VatCheck c = check_vat_number(good);
        CHECK(c.problem == VatProblem::None);
        CHECK(c.number == good);
    }
}

TEST_CASE("VAT numbers: the wrong length or letters for the country are refused, naming it") {
    for (const char* bad : {"ATU1234567", "AT12345678", "BE2123456789", "BE012345678", "BG12345678", "CY123456789",
                            "CZ1234567", "DE12345678", "DE1234567890", "DKA2345678", "ES123456789A1", "FRIO123456789",
                            "FR1234567890", "IE1234567XA", "IT1234567890", "LT1234567890", "NL123456789B1",
                            "NL123456789A01", "NL12345678B01", "PT12345678", "RO0123", "RO12345678901",
                            "SE123456789002", "XIGD1234"}) {
        INFO(bad);
        const VatCheck c = check_vat_number(bad);
        CHECK(c.problem == VatProblem::WrongFormat);
        CHECK(c.country == std::string(bad, 2));
        CHECK(c.number.empty());
    }
}

TEST_CASE("VAT numbers: written as people write them, refused when they are no EU number") {
    // Spaces, dots, hyphens and no-break spaces dropped, letters upper-cased.
    CHECK(check_vat_number("nl 1234.56.789 b01").number == "NL123456789B01");
    CHECK(check_vat_number("DE-123 456 789").number == "DE123456789");
    CHECK(check_vat_number("BE\u00a00123.456.789").number == "BE0123456789");
    CHECK(check_vat_number("GR123456789").problem == VatProblem::GreekUsesEl);
    CHECK(check_vat_number("GB123456789").problem == VatProblem::UnknownCountry);
    CHECK(check_vat_number("US123456789").country == "US");
    for (const char* not_vat : {"", "12345", "NL", "N1123456789", "NL12345678901234567", "NL123/456", "NL1234€5"})
        CHECK(check_vat_number(not_vat).problem == VatProblem::NotVat);
}
