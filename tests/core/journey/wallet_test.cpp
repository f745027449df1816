// The wallet (verification shown, charge cards checked before sending, external methods, DELETE,
// a default kept on the phone) and the history of past sessions with their receipts.
#include <catch2/catch.hpp>

#include "journey_harness.hpp"

using namespace core;
using namespace test;

namespace {

const char* kWallet = R"({"data":[
    {"id":"card-1","type":"CHARGE_CARD","cardHint":"**** 2836","verificationStatus":"VALID"},
    {"id":"card-2","type":"CHARGE_CARD","cardHint":"**** 0001","verificationStatus":"PENDING"},
    {"id":"ext-1","type":"EXTERNAL","externalPaymentMethodId":"room-12","verificationStatus":"VALID"}]})";

}  // namespace

TEST_CASE("the wallet lists methods with their verification and asks again each time it opens") {
    Journey j;
    j.ready();
    auto effects = j.intent(intent::OpenWallet{});
    CHECK(j.m.screen == Screen::Wallet);
    REQUIRE(requests(effects).size() == 1);
    CHECK(requests(effects)[0].path == "/api/payment/app-" + kHex + "/wallet");
    j.answer("GET", "/api/payment/", 200, kWallet);
    REQUIRE(j.m.wallet.size() == 3);
    CHECK(j.m.wallet[1].verification == VerificationStatus::Pending);
    j.intent(intent::Back{});
    CHECK(j.m.screen == Screen::Map);
}

TEST_CASE("the wallet asks again about a card being checked, also after a recheck got no answer") {
    Journey j;
    j.ready();
    j.intent(intent::OpenWallet{});
    auto effects = j.answer("GET", "/api/payment/", 200, kWallet);
    REQUIRE(wake(effects).has_value());
    j.now = *wake(effects);
    auto asked = requests(j.tick());
    REQUIRE(asked.size() == 1);
    effects = j.respond(asked[0].id, 502, "");
    const auto due = wake(effects);
    REQUIRE(due.has_value());  // a lost recheck is not the end of checking
    CHECK(*due == j.now + Millis{3000});
    CHECK(j.m.wallet.size() == 3);
    j.now = *due;
    asked = requests(j.tick());
    REQUIRE(asked.size() == 1);
    CHECK(asked[0].path == "/api/payment/app-" + kHex + "/wallet");
}

TEST_CASE("removing a payment method sends DELETE, and a lost answer or a 404 still removes it") {
    Journey j;
    j.ready();
    j.intent(intent::OpenWallet{});
    j.answer("GET", "/api/payment/", 200, kWallet);
    j.intent(intent::SetDefaultPayment{"card-2"});
    CHECK(requests(j.intent(intent::RemovePaymentMethod{"nope"})).empty());
    auto effects = j.intent(intent::RemovePaymentMethod{"card-2"});
    REQUIRE(requests(effects).size() == 1);
    CHECK(requests(effects)[0].method == "DELETE");
    CHECK(requests(effects)[0].path == "/api/payment/app-" + kHex + "/card-2");
    CHECK(j.m.wallet_busy);
    CHECK(requests(j.intent(intent::RemovePaymentMethod{"card-2"})).empty());  // once
    effects = j.answer("DELETE", "/api/payment/", 503, "busy");
    CHECK(j.m.message->text == Str::ErrorRemoveFailed);
    CHECK(j.m.wallet.size() == 3);
    j.intent(intent::RemovePaymentMethod{"card-2"});
    effects = j.answer("DELETE", "/api/payment/", 404, "\"Payment method not found.\"");
    CHECK(j.m.wallet.size() == 2);
    CHECK(j.m.default_payment_method_id.empty());  // the default went with it
    const auto saved = persists(effects);
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].key == kKeyDefaultPayment);
    CHECK_FALSE(saved[0].value.has_value());
    CHECK(requests(effects).size() == 1);  // the wallet again
}

TEST_CASE("an external method is added with its reference, an empty one is not sent") {
    Journey j;
    j.ready();
    j.intent(intent::OpenWallet{});
    CHECK(requests(j.intent(intent::AddExternalMethod{"   "})).empty());
    CHECK(j.m.message->text == Str::ErrorExternalFormat);
    auto effects = j.intent(intent::AddExternalMethod{" room-12 "});
    REQUIRE(requests(effects).size() == 1);
    CHECK(requests(effects)[0].method == "PUT");
    CHECK(requests(effects)[0].path == "/api/payment/app-" + kHex + "/external");
    CHECK(Json::parse(requests(effects)[0].body) == Json{{"externalPaymentMethodId", "room-12"}});
    j.answer("PUT", "/api/payment/", 200, seed::kSeedExternalMethod);
    REQUIRE(j.m.wallet.size() == 2);
    CHECK(j.m.wallet.back().type == "EXTERNAL");
    CHECK_FALSE(j.m.wallet_busy);
}

TEST_CASE("a card added from the wallet goes back to the wallet") {
    Journey j;
    j.ready();
    j.intent(intent::OpenWallet{});
    j.intent(intent::OpenAddCard{});
    CHECK(j.m.screen == Screen::AddCard);
    CHECK(requests(j.intent(intent::AddChargeCard{"12 3"})).empty());  // checked before sending
    j.intent(intent::AddChargeCard{"NL-ABC-123456-7"});
    j.answer("PUT", "/api/payment/", 200, seed::kSeedChargeCard);
    CHECK(j.m.screen == Screen::Wallet);
}

TEST_CASE("the default payment method is kept on the phone and chosen first at a charger") {
    Journey j;
    j.ready();
    j.intent(intent::OpenWallet{});
    j.answer("GET", "/api/payment/", 200, kWallet);
    const auto effects = j.intent(intent::SetDefaultPayment{"ext-1"});
    REQUIRE(persists(effects).size() == 1);
    CHECK(persists(effects)[0].key == kKeyDefaultPayment);
    CHECK(persists(effects)[0].value == "ext-1");
    CHECK(persists(j.intent(intent::SetDefaultPayment{"unknown"})).empty());

    Journey k;
    k.boot({{kKeyAppToken, "app-1"}, {kKeyDefaultPayment, "b"}});
    CHECK(k.m.default_payment_method_id == "b");
    k.intent(intent::OpenLocation{kLocationId});
    k.answer("GET", "/api/locations/", 200, seed::kSeedLocation);
    k.intent(intent::ChooseConnector{kEvse, "1"});
    k.answer("GET", "/api/tariff/", 200, R"({"data":[
        {"validity":"VALID","paymentMethod":{"id":"a","verificationStatus":"VALID"}},
        {"validity":"VALID","paymentMethod":{"id":"b","verificationStatus":"VALID"}}]})");
    CHECK(k.m.chosen_payment_method_id == "b");
}

TEST_CASE("the history lists past sessions, one opens its receipt, and Done comes back") {
    Journey j;
    j.ready();
    auto effects = j.intent(intent::OpenHistory{});
    CHECK(j.m.screen == Screen::History);
    CHECK(j.m.history_loading);
    REQUIRE(requests(effects).size() == 1);
    j.answer("GET", "/api/token/", 200, R"({"data":[
        {"chargeSessionId":"s2","status":"CDR_AVAILABLE","location":{"id":"L","name":"Marga"},
         "startTime":"2021-06-14T10:59:20+02:00","retailCostInclVat":20.45,"vatAmount":2.35,"energyInKwh":10.15,"currency":"EUR"},
        {"chargeSessionId":"s1","status":"TIMEOUT","startTime":"2021-06-13T10:00:00+02:00","energyInKwh":0}]})");
    CHECK_FALSE(j.m.history_loading);
    REQUIRE(j.m.history.size() == 2);
    CHECK(j.m.history[0].total_costs == 20'450'000);
    CHECK(j.m.sessions.empty());  // finished sessions are history, not taken up

    effects = j.intent(intent::OpenPastSession{"s2"});
    REQUIRE(requests(effects).size() == 1);
    CHECK(requests(effects)[0].path == "/api/session/status?appToken=app-" + kHex + "&chargeSessionId=s2");
    j.answer("GET", "/api/session/status", 200, seed::kSeedStopCdr);
    CHECK(j.m.screen == Screen::Receipt);
    CHECK(j.m.receipt->total_costs == 20'450'000);
    j.intent(intent::Finish{});
    CHECK(j.m.screen == Screen::History);

    // A receipt that cannot be loaded says so and stays on the history.
    j.intent(intent::OpenPastSession{"s1"});
    j.answer("GET", "/api/session/status", 0);
    CHECK(j.m.screen == Screen::History);
    CHECK(j.m.message->text == Str::ErrorNetwork);
    // The list itself failing says so too; the last list is not shown as if it were current.
    j.intent(intent::OpenHistory{});
    CHECK(j.m.history.empty());
    j.answer("GET", "/api/token/", 503, "down");
    CHECK(j.m.message->text == Str::ErrorHistory);
    CHECK_FALSE(j.m.history_loading);
}
