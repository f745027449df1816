// The tariff kept with a running session (see tariff.hpp).
#include "tariff.hpp"

#include "core/api/api.hpp"

namespace core {
namespace {

const char* type_name(const PriceComponent& c) {
    switch (c.type) {
        case PriceType::Flat: return "FLAT";
        case PriceType::Energy: return "ENERGY";
        case PriceType::Time: return "TIME";
        case PriceType::ParkingTime: return "PARKING_TIME";
        case PriceType::Unknown: break;
    }
    return nullptr;
}

}  // namespace

std::string encode_tariff(const Tariff& t) {
    Json j = Json::object();
    j["currency"] = t.currency;
    if (t.vat_percent) j["vatPercentage"] = *t.vat_percent;
    j["isVatIncluded"] = t.vat_included;
    Json elements = Json::array();
    for (const auto& e : t.elements) {
        Json components = Json::array();
        for (const auto& c : e.components) {
            const char* type = type_name(c);
            if (type == nullptr) continue;  // unknown types price nothing; not kept
            Json out = {{"type", type}, {"price", static_cast<double>(c.price) / 1e6}, {"stepSize", c.step_size}};
            if (c.vat_percent) out["vat"] = *c.vat_percent;
            Json r = Json::object();
            const PriceRestrictions& x = c.restrictions;
            if (x.min_kwh) r["min_kwh"] = *x.min_kwh;
            if (x.max_kwh) r["max_kwh"] = *x.max_kwh;
            if (x.min_duration_s) r["min_duration"] = *x.min_duration_s;
            if (x.max_duration_s) r["max_duration"] = *x.max_duration_s;
            if (x.min_power_kw) r["min_power"] = *x.min_power_kw;
            if (x.max_power_kw) r["max_power"] = *x.max_power_kw;
            if (x.min_current_a) r["min_current"] = *x.min_current_a;
            if (x.max_current_a) r["max_current"] = *x.max_current_a;
            if (!r.empty()) out["restrictions"] = std::move(r);
            components.push_back(std::move(out));
        }
        elements.push_back(Json{{"priceComponents", std::move(components)}});
    }
    j["elements"] = std::move(elements);
    return dump_json(j);
}

std::optional<Tariff> decode_stored_tariff(std::string_view stored) {
    auto d = decode_tariff(stored);
    return d.ok() ? std::move(d.value) : std::nullopt;
}

}  // namespace core
