// Inside the codec: the readers from one JSON object to one api type, shared by the decode_*
// functions (codec.cpp). Each checks every field it uses and logs `path: problem`; none aborts.
#pragma once
#include <optional>

#include "json_read.hpp"
#include "types.hpp"

namespace core::wire {

Branding read_branding(const FieldReader& r);
std::optional<LocationSummary> read_location_summary(const FieldReader& r);
std::optional<Location> read_location(const FieldReader& r);
std::optional<PaymentMethod> read_payment_method(const FieldReader& r);
std::optional<Tariff> read_tariff(const FieldReader& r);
std::optional<WalletTariffItem> read_wallet_tariff_item(const FieldReader& r);
std::optional<SessionStatus> read_session_status(const FieldReader& r);

}  // namespace core::wire
