// The price screen's reasons per payment method and its estimator.
#include <catch2/catch.hpp>

#include "core/api/codec.hpp"
#include "core/pricing/price_screen.hpp"
#include "seed_bodies.hpp"

using namespace core;

TEST_CASE("why a payment method can or cannot be used here") {
    WalletTariffItem item;
    item.validity = TariffValidity::Valid;
    item.payment_method.verification = VerificationStatus::Valid;
    CHECK(payment_reason(item) == Str::ValidityOk);
    item.payment_method.is_compatible = false;
    CHECK(payment_reason(item) == Str::ValidityNotCompatible);
    item.payment_method.is_compatible = true;
    item.validity = TariffValidity::NoTariffFound;
    CHECK(payment_reason(item) == Str::ValidityNoTariff);
    item.validity = TariffValidity::Error;
    CHECK(payment_reason(item) == Str::ValidityError);
    item.validity = TariffValidity::Unknown;
    CHECK(payment_reason(item) == Str::ValidityUnknown);
    item.payment_method.verification = VerificationStatus::Invalid;
    CHECK(payment_reason(item) == Str::ValidityInvalidCard);
    // The seed: the external method is VALID but not compatible; the pending card waits.
    const auto items = decode_tariff_items(seed::kSeedTariffs);
    REQUIRE(items.ok());
    CHECK(payment_reason((*items.value)[0]) == Str::ValidityNotCompatible);
    CHECK(payment_reason((*items.value)[1]) == Str::ValidityUnknown);
}

TEST_CASE("estimator: 20 kWh and one hour at the connector's power") {
    const auto items = decode_tariff_items(seed::kSeedTariffs);
    REQUIRE(items.ok());
    const Tariff& t = *items.value->front().tariff;
    // 20 kWh at 7 kW takes 2 h 51 min 26 s: 1.64 + 42.12 + 172 min × 0.351/60 (1.0062) = 44.7662
    // 1 hour at 7 kW: 1.64 + 14.742 + 0.351 = 16.733
    CHECK(estimate_text(t, 7) == "20 kWh ≈ €44.77, 1 hour ≈ €16.73");
    // Power unknown: 11 kW.
    CHECK(estimate_text(t, 0) == estimate_text(t, 11));
}
