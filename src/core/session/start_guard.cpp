// The start marker and the rules that settle an unclear start (see start_guard.hpp).
#include "start_guard.hpp"

#include "core/api/api.hpp"

namespace core {

std::string encode_start_marker(const StartMarker& m) {
    Json j = Json::object();
    j["locationId"] = m.location_id;
    j["evseUid"] = m.evse_uid;
    j["connectorId"] = m.connector_id;
    j["paymentMethodId"] = m.payment_method_id;
    j["at"] = format_iso8601_utc(m.at);
    return dump_json(j);
}

std::optional<StartMarker> decode_start_marker(std::string_view stored) {
    ReadLog log;
    const auto root = parse_json(stored, log);
    if (!root) return std::nullopt;
    FieldReader r(*root, "", log);
    StartMarker m;
    m.evse_uid = r.required_string("evseUid");
    const auto at = r.opt_time("at");
    if (m.evse_uid.empty() || !at) return std::nullopt;
    m.at = *at;
    m.location_id = r.string_or("locationId");
    m.connector_id = r.string_or("connectorId");
    m.payment_method_id = r.string_or("paymentMethodId");
    return m;
}

StartOutcome classify_start(int status, bool has_session_id) {
    if (status >= 200 && status < 300) return has_session_id ? StartOutcome::Started : StartOutcome::Unclear;
    // 408 and 429 say the request may not have been looked at; 5xx may come from a proxy after
    // the backend already acted. Only other 4xx answers are a clear "no".
    if (status >= 400 && status < 500 && status != 408 && status != 429) return StartOutcome::Refused;
    return StartOutcome::Unclear;
}

const SessionSummary* find_started(const std::vector<SessionSummary>& list, const StartMarker& marker) {
    const SessionSummary* best = nullptr;
    for (const auto& s : list) {
        if (s.evse_uid != marker.evse_uid) continue;
        if (!marker.connector_id.empty() && !s.connector_id.empty() && s.connector_id != marker.connector_id) continue;
        // A session without a start time cannot be placed; it counts, since missing a real
        // session is worse than showing one that ends at once.
        if (s.start_time && *s.start_time < marker.at - kStartClockSlack) continue;
        if (best == nullptr || (s.start_time && best->start_time && *s.start_time > *best->start_time)) best = &s;
    }
    return best;
}

}  // namespace core
