// The charge card number on the add-card screen: laid out as printed while it is typed, Save only
// for a number the service takes, and a saved card back on the price screen, chosen, its state said.
#include <catch2/catch.hpp>

#include "core/journey/journey.hpp"
#include "journey_harness.hpp"
#include "seed_bodies.hpp"

using namespace core;
using namespace test;

TEST_CASE("a printed card number is grouped in fours from the right, as the card hint shows it") {
    CHECK(format_card_number("") == "");
    CHECK(format_card_number("7") == "7");
    CHECK(format_card_number("7706") == "7706");
    CHECK(format_card_number("77067") == "7 7067");
    CHECK(format_card_number("770674109963002836") == "77 0674 1099 6300 2836");
    CHECK(format_card_number("7706 7410-9963 0028 36") == "77 0674 1099 6300 2836");  // its own spaces redone
    CHECK(format_card_number("04a2b3c4") == "04a2 b3c4");  // a chip UID keeps its case
    // Characters no card number holds are dropped as they are typed.
    CHECK(format_card_number("1234.5678!") == "1234 5678");
}

TEST_CASE("a contract id is laid out country-provider-instance-check, as eMAIDs are printed") {
    CHECK(format_card_number("N") == "N");
    CHECK(format_card_number("NL") == "NL");
    CHECK(format_card_number("NLG") == "NL-G");
    CHECK(format_card_number("NLGFX") == "NL-GFX");
    CHECK(format_card_number("NLGFX1") == "NL-GFX-1");
    CHECK(format_card_number("NLGFX123456") == "NL-GFX-123456");
    CHECK(format_card_number("NLABC1234567") == "NL-ABC-123456-7");        // EVCO-ID: 6 + check
    CHECK(format_card_number("NL-GFX-C12345678X") == "NL-GFX-C12345678-X");  // eMAID: 9 + check
    CHECK(format_card_number("nl-tnm-012204-5") == "nl-tnm-012204-5");      // case as typed
    CHECK(format_card_number("NL GFX 123456") == "NL-GFX-123456");
}

TEST_CASE("Save is offered for what the service accepts: 6 to 30 letters and digits") {
    CHECK_FALSE(card_number_plausible(""));
    CHECK_FALSE(card_number_plausible("12 34"));
    CHECK_FALSE(card_number_plausible("NL-GF"));
    CHECK(card_number_plausible("NL-GFX-1"));
    CHECK(card_number_plausible("77 0674 1099 6300 2836"));
    CHECK(card_number_plausible(std::string(30, '9')));
    CHECK_FALSE(card_number_plausible(std::string(31, '9')));
    CHECK_FALSE(card_number_plausible("1234*5678"));
    // Whatever the field shows is what is sent, without the layout.
    for (const char* typed : {"770674109963002836", "NLABC1234567", "NL-GFX-C12345678X"}) {
        INFO(typed);
        CHECK(normalize_card_number(format_card_number(typed)) == normalize_card_number(typed));
    }
}

TEST_CASE("a saved card: back on the price, chosen, its state said, from the wallet, back to the wallet") {
    Journey j;
    j.at_price();
    j.intent(intent::OpenAddCard{});
    j.intent(intent::AddChargeCard{format_card_number("770674109963002836")});
    const auto effects = j.answer("PUT", "/api/payment/", 200, seed::kSeedChargeCard);
    CHECK(j.m.screen == Screen::Price);
    CHECK(j.m.chosen_payment_method_id == kCard);
    CHECK(announcements(effects) == std::vector<std::string>{"Card ••2836 added: Checking your card…"});
    j.answer("GET", "/api/tariff/", 200, seed::kSeedTariffs);
    const WalletTariffItem* chosen = chosen_tariff_item(j.m);
    REQUIRE(chosen != nullptr);
    CHECK(chosen->payment_method.verification == VerificationStatus::Pending);
    CHECK(payment_method_label(chosen->payment_method) == "Card ••2836");

    Journey w;
    w.ready();
    w.intent(intent::OpenWallet{});
    w.intent(intent::OpenAddCard{});
    w.intent(intent::AddChargeCard{"NL-ABC-123456-7"});
    w.answer("PUT", "/api/payment/", 200, seed::kSeedChargeCard);
    CHECK(w.m.screen == Screen::Wallet);
    CHECK_FALSE(w.m.add_card_for_wallet);
}
