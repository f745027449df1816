// What the journey keeps in storage about running sessions (see store.hpp).
#include "store.hpp"

#include "core/api/api.hpp"
#include "tariff.hpp"

namespace core {

std::string encode_active_sessions(const std::vector<ActiveSession>& sessions) {
    Json list = Json::array();
    for (const auto& s : sessions) {
        Json j = Json::object();
        j["id"] = s.id;
        j["locationId"] = s.location_id;
        j["evseUid"] = s.evse_uid;
        j["connectorId"] = s.connector_id;
        if (!s.place_name.empty()) j["placeName"] = s.place_name;
        if (!s.charger_name.empty()) j["chargerName"] = s.charger_name;
        if (s.requested_at) j["requestedAt"] = format_iso8601_utc(*s.requested_at);
        if (!s.last_body.empty()) {
            // string_view input, as everywhere in the app: one instance of nlohmann's parser (3 KB of wasm)
            Json body = Json::parse(std::string_view(s.last_body), nullptr, false);
            if (!body.is_discarded()) j["status"] = std::move(body);
        }
        if (s.tariff) {  // the price the session started under, for the running cost after a reload
            const std::string text = encode_tariff(*s.tariff);
            Json tariff = Json::parse(std::string_view(text), nullptr, false);
            if (!tariff.is_discarded()) j["tariff"] = std::move(tariff);
        }
        list.push_back(std::move(j));
    }
    return dump_json(list);
}

std::vector<ActiveSession> decode_active_sessions(std::string_view stored) {
    std::vector<ActiveSession> out;
    ReadLog log;
    const auto root = parse_json(stored, log);
    if (!root || !root->is_array()) return out;
    for (const Json& item : *root) {
        FieldReader r(item, "", log);
        if (!r.is_object()) continue;
        ActiveSession s;
        s.id = r.required_string("id");
        if (s.id.empty()) continue;
        s.location_id = r.string_or("locationId");
        s.evse_uid = r.string_or("evseUid");
        s.connector_id = r.string_or("connectorId");
        s.place_name = r.string_or("placeName");
        s.charger_name = r.string_or("chargerName");
        s.requested_at = r.opt_time("requestedAt");
        if (const Json* status = r.field("status"); status != nullptr && status->is_object()) {
            s.last_body = dump_json(*status);
            auto decoded = decode_session_status(s.last_body);
            if (decoded.ok()) s.last = std::move(decoded.value);
        }
        if (const Json* tariff = r.field("tariff"); tariff != nullptr && tariff->is_object())
            s.tariff = decode_stored_tariff(dump_json(*tariff));
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace core
