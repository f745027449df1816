// The e-mail address check before a receipt is sent (as serve.py checks it).
#include <catch2/catch.hpp>

#include <string>

#include "core/receipts/receipts.hpp"

using namespace core;

TEST_CASE("e-mail addresses: what a receipt can be sent to, trimmed, the domain lower-cased") {
    CHECK(check_email("name@example.com").address == "name@example.com");
    CHECK(check_email("  Name.Surname+receipts@Example.COM ").address == "Name.Surname+receipts@example.com");
    CHECK(check_email("o'brien@mail.example.ie").problem == EmailProblem::None);
    CHECK(check_email("info@bücher.de").address == "info@bücher.de");  // the server sends it in IDNA form
    CHECK(check_email("x@example.com.").address == "x@example.com");
}

TEST_CASE("e-mail addresses: refused with a reason") {
    CHECK(check_email("").problem == EmailProblem::Empty);
    CHECK(check_email("   ").problem == EmailProblem::Empty);
    CHECK(check_email(std::string(250, 'a') + "@example.com").problem == EmailProblem::TooLong);
    for (const char* bad : {"name", "name@", "@example.com", "name@localhost", "a..b@example.com", ".a@example.com",
                            "a.@example.com", "a b@example.com", "\"quoted\"@example.com", "Name <a@example.com>",
                            "a@-example.com", "a@example-.com", "a@example..com", "a@example.123", "a@[127.0.0.1]",
                            "jürgen@example.com", "a@exa_mple.com", "a@b@example.com"}) {
        INFO(bad);
        CHECK(check_email(bad).problem == EmailProblem::NotAnAddress);
        CHECK(check_email(bad).address.empty());
    }
    CHECK(check_email(std::string(65, 'a') + "@example.com").problem == EmailProblem::NotAnAddress);
    CHECK(check_email(std::string(64, 'a') + "@example.com").problem == EmailProblem::None);
    CHECK(check_email("a@" + std::string(64, 'b') + ".com").problem == EmailProblem::NotAnAddress);
}
