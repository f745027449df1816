// Payment methods and operators named the same way on every screen: price cards, wallet, sheet, receipt.
#include <catch2/catch.hpp>

#include "core/api/api.hpp"
#include "seed_bodies.hpp"

using namespace core;

namespace {
PaymentMethod method(std::string type, std::string hint, std::string external = {}, std::string name = {}) {
    PaymentMethod p;
    p.id = "id-1";
    p.type = std::move(type);
    p.card_hint = std::move(hint);
    p.external_id = std::move(external);
    p.display_name = std::move(name);
    return p;
}
}  // namespace

TEST_CASE("a card is named by the end of its number, as its hint shows it") {
    CHECK(card_tail(method("CHARGE_CARD", "** **** **** **** 2836")) == "••2836");
    CHECK(card_tail(method("CHARGE_CARD", "770674109963002836")) == "••2836");
    CHECK(card_tail(method("CHARGE_CARD", "**** TEST")) == "••TEST");
    CHECK(card_tail(method("CHARGE_CARD", "•••• 0001")) == "••0001");
    CHECK(card_tail(method("CHARGE_CARD", "****")) == "");
    CHECK(payment_method_label(method("CHARGE_CARD", "** **** 2836")) == "Card ••2836");
    CHECK(payment_method_label(method("EXTERNAL", "", "room-12")) == "External: room-12");
    CHECK(payment_method_label(method("EXTERNAL", "", "hotel-booking:1:room:12", "Room 12")) == "Room 12");
    CHECK(payment_method_label(method("CHARGE_CARD", "")) == "id-1");
}

TEST_CASE("the receipt says what the session was charged to") {
    CHECK(charged_to_text(method("CHARGE_CARD", "** **** 2836")) == "Charged to card ••2836");
    CHECK(charged_to_text(method("EXTERNAL", "", "room-12")) == "Charged to payment reference room-12");
    CHECK(charged_to_text(method("EXTERNAL", "", "x", "Room 12")) == "Charged to Room 12");
}

TEST_CASE("a location's operator is named by operator.name, its branding's name standing in") {
    const auto seed_location = decode_location(seed::kSeedLocation);
    REQUIRE(seed_location.ok());
    // The seed names the operator "GreenFlux" and brands the location "Total Demo": the operator wins.
    CHECK(operator_name(*seed_location.value) == "GreenFlux");
    Location no_operator = *seed_location.value;
    no_operator.operator_name.clear();
    CHECK(operator_name(no_operator) == "Total Demo");
    no_operator.branding.reset();
    CHECK(operator_name(no_operator).empty());
    Branding b;
    b.display_name = "Hotel Marga";
    CHECK(operator_name("", &b) == "Hotel Marga");
    CHECK(operator_name("Vattenfall", &b) == "Vattenfall");
    CHECK(operator_name("", nullptr).empty());
}
