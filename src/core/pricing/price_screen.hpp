// Words the price screen needs beyond the price lines: why a payment method can or cannot be
// used here (validity, isCompatible, card state) and the small estimator for this connector.
#pragma once
#include <string>

#include "core/api/api.hpp"
#include "core/text/text.hpp"

namespace core {

// VALID and compatible: ValidityOk; otherwise the first reason that stops it: the card is
// INVALID, NOT_COMPATIBLE or isCompatible false, NO_TARIFF_FOUND, ERROR, UNKNOWN (card pending).
Str payment_reason(const WalletTariffItem& item);

// "20 kWh ≈ €6.10, 1 hour ≈ €3.05" at the connector's power (11 kW when it is not known),
// VAT included, by the tariff engine.
std::string estimate_text(const Tariff& tariff, double connector_kw);

}  // namespace core
