// The HTTP requests the journey sends to the app's own origin (/api/...), built in one place so
// every path segment and query value is URL-encoded and every JSON body is well formed.
#pragma once
#include <string>
#include <string_view>

#include "core/io/io.hpp"
#include "types.hpp"

namespace core {

// RFC 3986 percent-encoding: everything but unreserved characters (A-Z a-z 0-9 - . _ ~).
std::string url_encode(std::string_view text);

// Requests come back with id 0; the journey numbers them when it sends them.
HttpRequest register_token_request(std::string_view app_token);                   // PUT /api/token/{t}
HttpRequest wallet_request(std::string_view app_token);                           // GET .../wallet
HttpRequest add_charge_card_request(std::string_view app_token, std::string_view visual_number);
// A non-empty `continuation_token` asks for the next page (sent as the continuationToken header).
// A non-empty `filter_token` adds filter.appToken, which reveals the token's private locations.
HttpRequest locations_request(const BoundingBox& box, std::string_view continuation_token = {},
                              std::string_view filter_token = {});                 // GET boundingbox
HttpRequest location_request(std::string_view location_id, std::string_view filter_token = {});  // GET /api/locations/{id}
// The connector's published tariff, without a token: the price before any payment method exists.
HttpRequest default_tariff_request(std::string_view location_id, std::string_view evse_uid,
                                   std::string_view connector_id);
HttpRequest tariff_request(std::string_view app_token, std::string_view location_id,
                           std::string_view evse_uid, std::string_view connector_id);
HttpRequest start_request(std::string_view app_token, std::string_view location_id,
                          std::string_view evse_uid, std::string_view connector_id,
                          std::string_view payment_method_id);
HttpRequest status_request(std::string_view app_token, std::string_view charge_session_id);
HttpRequest stop_request(std::string_view app_token, std::string_view charge_session_id);
// POST /api/session/highpriority: charge now at full power, overriding smart charging.
HttpRequest high_priority_request(std::string_view app_token, std::string_view charge_session_id);
// GET /api/token/{t}/sessions: this token's sessions that started from `since` on, newest first.
HttpRequest sessions_request(std::string_view app_token, TimePoint since);
HttpRequest delete_payment_method_request(std::string_view app_token, std::string_view payment_method_id);
HttpRequest add_external_request(std::string_view app_token, std::string_view external_id);

}  // namespace core
