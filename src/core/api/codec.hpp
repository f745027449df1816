// Charge Assist JSON bodies to api/types.hpp values. Every decoder takes untrusted text, never aborts,
// and reports "path: what was wrong"; unknown enum values map to Unknown/Other and keep the raw text.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "types.hpp"

namespace core {

// A decoded value, or why there is none. `problems` may be non-empty next to a value: then
// parts were unreadable and left out or defaulted (e.g. a list item without an id was skipped).
template <class T>
struct Decoded {
    std::optional<T> value;
    std::vector<std::string> problems;

    bool ok() const { return value.has_value(); }
    std::string error() const {
        std::string out;
        for (const auto& p : problems) {
            if (!out.empty()) out += "; ";
            out += p;
        }
        return out;
    }
};

Decoded<LocationList> decode_location_list(std::string_view body);                // boundingbox
Decoded<Location> decode_location(std::string_view body);                         // LocationModel
Decoded<std::vector<PaymentMethod>> decode_wallet(std::string_view body);         // {data:[...]}
Decoded<PaymentMethod> decode_payment_method(std::string_view body);              // PaymentMethodModel
Decoded<std::vector<WalletTariffItem>> decode_tariff_items(std::string_view body);  // {data:[...]}
Decoded<Tariff> decode_tariff(std::string_view body);
// GET /tariff/evse/... (no token): a WalletTariffItem whose `tariff` is the published price.
Decoded<Tariff> decode_default_tariff(std::string_view body);                             // TariffModel
Decoded<StartResult> decode_start_result(std::string_view body);                  // StartResponse
Decoded<SessionStatus> decode_session_status(std::string_view body);              // StatusResponse
Decoded<std::vector<SessionSummary>> decode_session_list(std::string_view body);  // {data:[SessionHistoryModel]}
Decoded<HighPriorityAnswer> decode_high_priority(std::string_view body);          // HighPriorityResponse

// A human message from an error body: ValidationResponse {validationMessages, message},
// ValidationResponseV2 {message, code}, RFC 7807 {title, detail}, a JSON string, or short plain
// text. Empty when nothing readable is in it (the caller then shows its own words).
std::string decode_error_message(std::string_view body);

// Wire enum names to values (unknown names give Unknown / Other).
EvseStatus evse_status_from_wire(std::string_view s);
VerificationStatus verification_from_wire(std::string_view s);
Facility facility_from_wire(std::string_view s);
PriceType price_type_from_wire(std::string_view s);
TariffValidity tariff_validity_from_wire(std::string_view s);
SessionStatusCode session_status_from_wire(std::string_view s);
PriorityStatus priority_status_from_wire(std::string_view s);

// Counts one EVSE status (the wire value) into the tally; unknown values count as UNKNOWN.
void tally_evse(EvseTally& t, std::string_view status);

}  // namespace core
