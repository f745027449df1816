// What the journey keeps in storage about a running session (see session_store.hpp).
#include "session_store.hpp"

#include "json_read.hpp"

namespace core {

std::string encode_active_session(const ActiveSession& s) {
    Json j = Json::object();
    j["id"] = s.id;
    j["locationId"] = s.location_id;
    j["evseUid"] = s.evse_uid;
    j["connectorId"] = s.connector_id;
    return dump_json(j);
}

std::optional<ActiveSession> decode_active_session(std::string_view stored) {
    ReadLog log;
    const auto root = parse_json(stored, log);
    if (!root) return std::nullopt;
    FieldReader r(*root, "", log);
    ActiveSession s;
    s.id = r.required_string("id");
    if (s.id.empty()) return std::nullopt;
    s.location_id = r.string_or("locationId");
    s.evse_uid = r.string_or("evseUid");
    s.connector_id = r.string_or("connectorId");
    return s;
}

}  // namespace core
