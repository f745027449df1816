// The HTTP requests the journey sends (see requests.hpp).
#include "requests.hpp"

#include <cstdio>

#include "json_read.hpp"

namespace core {
namespace {

constexpr int kTimeoutMs = 15000;

HttpRequest make(const char* method, std::string path, std::string body = {}) {
    HttpRequest r;
    r.method = method;
    r.path = std::move(path);
    r.headers.emplace_back("Accept", "application/json");
    if (!body.empty()) r.headers.emplace_back("Content-Type", "application/json");
    r.body = std::move(body);
    r.timeout_ms = kTimeoutMs;
    return r;
}

std::string coordinate(double v) {
    char buf[32];
    // Six decimals is ~0.1 m: more than a map needs, and fixed so the text never has an exponent.
    std::snprintf(buf, sizeof buf, "%.6f", v);
    return buf;
}

}  // namespace

std::string url_encode(std::string_view text) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
            c == '.' || c == '_' || c == '~') {
            out.push_back(ch);
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

HttpRequest register_token_request(std::string_view app_token) {
    return make("PUT", "/api/token/" + url_encode(app_token));
}

HttpRequest wallet_request(std::string_view app_token) {
    return make("GET", "/api/payment/" + url_encode(app_token) + "/wallet");
}

HttpRequest add_charge_card_request(std::string_view app_token, std::string_view visual_number) {
    Json body = Json::object();
    body["visualNumber"] = std::string(visual_number);
    return make("PUT", "/api/payment/" + url_encode(app_token) + "/chargecard", dump_json(body));
}

HttpRequest locations_request(const BoundingBox& box, std::string_view continuation_token,
                              std::string_view filter_token) {
    HttpRequest r = make("GET", "/api/locations/boundingbox?bottomLeftLat=" + coordinate(box.bottom_left_lat) +
                                    "&bottomLeftLng=" + coordinate(box.bottom_left_lng) +
                                    "&topRightLat=" + coordinate(box.top_right_lat) +
                                    "&topRightLng=" + coordinate(box.top_right_lng) +
                                    (filter_token.empty() ? "" : "&filter.appToken=" + url_encode(filter_token)));
    if (!continuation_token.empty()) r.headers.emplace_back("continuationToken", std::string(continuation_token));
    return r;
}

HttpRequest location_request(std::string_view location_id, std::string_view filter_token) {
    return make("GET", "/api/locations/" + url_encode(location_id) +
                           (filter_token.empty() ? "" : "?filter.appToken=" + url_encode(filter_token)));
}

HttpRequest default_tariff_request(std::string_view location_id, std::string_view evse_uid,
                                   std::string_view connector_id) {
    return make("GET", "/api/tariff/evse/" + url_encode(location_id) + "/" + url_encode(evse_uid) +
                           "?connectorId=" + url_encode(connector_id));
}

HttpRequest tariff_request(std::string_view app_token, std::string_view location_id,
                           std::string_view evse_uid, std::string_view connector_id) {
    return make("GET", "/api/tariff/" + url_encode(app_token) + "/evse/" + url_encode(location_id) + "/" +
                           url_encode(evse_uid) + "?connectorId=" + url_encode(connector_id));
}

HttpRequest start_request(std::string_view app_token, std::string_view location_id,
                          std::string_view evse_uid, std::string_view connector_id,
                          std::string_view payment_method_id) {
    Json body = Json::object();
    body["locationId"] = std::string(location_id);
    body["evseUid"] = std::string(evse_uid);
    body["connectorId"] = std::string(connector_id);
    body["paymentMethodId"] = std::string(payment_method_id);
    return make("POST", "/api/session/start?appToken=" + url_encode(app_token), dump_json(body));
}

HttpRequest status_request(std::string_view app_token, std::string_view charge_session_id) {
    return make("GET", "/api/session/status?appToken=" + url_encode(app_token) +
                           "&chargeSessionId=" + url_encode(charge_session_id));
}

HttpRequest stop_request(std::string_view app_token, std::string_view charge_session_id) {
    Json body = Json::object();
    body["chargeSessionId"] = std::string(charge_session_id);
    return make("POST", "/api/session/stop?appToken=" + url_encode(app_token), dump_json(body));
}

HttpRequest high_priority_request(std::string_view app_token, std::string_view charge_session_id) {
    Json body = Json::object();
    body["chargeSessionId"] = std::string(charge_session_id);
    return make("POST", "/api/session/highpriority?appToken=" + url_encode(app_token), dump_json(body));
}

HttpRequest sessions_request(std::string_view app_token, TimePoint since) {
    // The service's default window starts on the first of the month: a session started late on
    // the 31st would vanish at midnight, so the start of the window is always given.
    return make("GET", "/api/token/" + url_encode(app_token) + "/sessions?filter.dateTimeFrom=" +
                           url_encode(format_iso8601_utc(since)) + "&sortDesc=true");
}

HttpRequest delete_payment_method_request(std::string_view app_token, std::string_view payment_method_id) {
    return make("DELETE", "/api/payment/" + url_encode(app_token) + "/" + url_encode(payment_method_id));
}

HttpRequest add_external_request(std::string_view app_token, std::string_view external_id) {
    Json body = Json::object();
    body["externalPaymentMethodId"] = std::string(external_id);
    return make("PUT", "/api/payment/" + url_encode(app_token) + "/external", dump_json(body));
}

}  // namespace core
