// Reading what money touches: payment methods, tariffs and their price components and
// restrictions, the price per payment method, and session statuses with their cost lines.
#include "readers.hpp"

#include "codec.hpp"

namespace core::wire {
namespace {

std::optional<int64_t> read_seconds(const FieldReader& r, std::string_view key) {
    const auto d = r.opt_number(key);
    if (!d) return std::nullopt;
    if (*d < 0 || *d > 1e9) {
        r.log().add(r.path_of(key), "duration out of range");
        return std::nullopt;
    }
    return static_cast<int64_t>(*d);
}

PriceRestrictions read_restrictions(const FieldReader& r) {
    PriceRestrictions x;
    x.min_kwh = r.opt_number("min_kwh");
    x.max_kwh = r.opt_number("max_kwh");
    x.min_duration_s = read_seconds(r, "min_duration");
    x.max_duration_s = read_seconds(r, "max_duration");
    x.min_power_kw = r.opt_number("min_power");
    x.max_power_kw = r.opt_number("max_power");
    x.min_current_a = r.opt_number("min_current");
    x.max_current_a = r.opt_number("max_current");
    return x;
}

std::optional<PriceComponent> read_price_component(const FieldReader& r) {
    PriceComponent c;
    c.type_raw = r.string_or("type");
    c.type = price_type_from_wire(c.type_raw);
    const auto price = r.opt_money("price");
    if (!price) {
        r.log().add(r.path_of("price"), "missing or unreadable");
        return std::nullopt;
    }
    c.price = *price;
    // OCPI: step_size 0 or absent means "per unit" (1 Wh / 1 s).
    c.step_size = static_cast<int>(r.opt_integer("stepSize", 0, INT32_MAX).value_or(1));
    if (c.step_size <= 0) c.step_size = 1;
    c.vat_percent = r.opt_number("vat");
    if (const auto rr = r.object("restrictions")) c.restrictions = read_restrictions(*rr);
    return c;
}

CostLine read_cost_line(const FieldReader& r) {
    CostLine l;
    l.dimension = r.string_or("dimension");
    l.unit = r.string_or("unit");
    l.quantity = r.number_or("quantity");
    l.unit_price = r.opt_money("price").value_or(0);
    auto cost = r.opt_money("roundedCost");
    if (!cost) cost = r.opt_money("unroundedCost");
    l.cost = cost.value_or(0);
    return l;
}

std::optional<DataPoint> read_data_point(const FieldReader& r) {
    const auto at = r.opt_time("timestamp");
    if (!at) return std::nullopt;  // a point in the chart needs its time
    DataPoint p;
    p.at = *at;
    p.energy_kwh = r.number_or("energyInKwh");
    p.power_kw = r.number_or("powerInKw");
    return p;
}

}  // namespace

std::optional<PaymentMethod> read_payment_method(const FieldReader& r) {
    PaymentMethod p;
    p.id = r.required_string("id");
    if (p.id.empty()) return std::nullopt;
    p.type = r.string_or("type");
    p.card_hint = r.string_or("cardHint");
    if (p.card_hint.empty()) p.card_hint = r.string_or("cardShortHint");
    p.external_id = r.string_or("externalPaymentMethodId");
    p.display_name = r.string_or("displayName");
    p.issuer = r.string_or("chargeCardIssuer");
    p.verification = verification_from_wire(r.string_or("verificationStatus"));
    p.is_compatible = r.opt_bool("isCompatible");
    return p;
}

// A tariff with an unreadable price is dropped whole: showing it without that part would
// understate what the driver pays.
std::optional<Tariff> read_tariff(const FieldReader& r) {
    Tariff t;
    t.currency = r.string_or("currency");
    t.vat_percent = r.opt_number("vatPercentage");
    t.vat_included = r.bool_or("isVatIncluded");
    bool complete = true;
    const bool elements_ok = r.each("elements", [&](const Json& item, const std::string& path) {
        FieldReader er(item, path, r.log());
        if (!er.is_object()) {
            complete = false;
            return;
        }
        TariffElement element;
        const bool components_ok = er.each("priceComponents", [&](const Json& ci, const std::string& cpath) {
            FieldReader cr(ci, cpath, r.log());
            auto c = cr.is_object() ? read_price_component(cr) : std::nullopt;
            if (c)
                element.components.push_back(std::move(*c));
            else
                complete = false;
        });
        if (!components_ok) complete = false;
        t.elements.push_back(std::move(element));
    });
    if (!elements_ok || !complete) {
        r.log().add(r.path(), "tariff left out: a price could not be read");
        return std::nullopt;
    }
    return t;
}

std::optional<WalletTariffItem> read_wallet_tariff_item(const FieldReader& r) {
    WalletTariffItem item;
    const auto pm = r.object("paymentMethod");
    auto method = pm ? read_payment_method(*pm) : std::nullopt;
    if (!method) {
        r.log().add(r.path(), "skipped: no payment method id");
        return std::nullopt;
    }
    item.payment_method = std::move(*method);
    item.validity_raw = r.string_or("validity");
    item.validity = tariff_validity_from_wire(item.validity_raw);
    if (const auto t = r.object("tariff")) item.tariff = read_tariff(*t);
    return item;
}

std::optional<SessionStatus> read_session_status(const FieldReader& r) {
    SessionStatus s;
    s.status_raw = r.string_or("status");
    s.status = session_status_from_wire(s.status_raw);
    s.error = r.string_or("error");
    s.error_message = r.string_or("errorMessage");
    s.location_id = r.string_or("locationId");
    s.evse_uid = r.string_or("evseUid");
    s.connector_id = r.string_or("connectorId");
    s.energy_kwh = r.number_or("energyInKwh");
    s.power_kw = r.number_or("currentPowerInKw");
    s.meter_reported = r.opt_number("currentPowerInKw").has_value();
    s.smart_charging = r.opt_bool("smartChargingEnabled");
    s.priority_raw = r.string_or("prioritySessionStatus");
    s.priority = s.priority_raw.empty() ? PriorityStatus::Absent : priority_status_from_wire(s.priority_raw);
    s.state_of_charge = r.opt_number("stateOfCharge");
    s.total_costs = r.opt_money("totalCosts");
    s.total_vat = r.opt_money("totalVat");
    s.vat_percent = r.opt_number("vatPercentage");
    s.currency = r.string_or("currency");
    s.start_time = r.opt_time("startTime");
    s.end_time = r.opt_time("endTime");
    s.next_status_call = r.opt_time("nextStatusCall");
    s.receipt_number = r.string_or("receiptNumber");
    if (const auto loc = r.object("location")) {
        s.location_name = loc->string_or("name");
        s.location_address = loc->string_or("address");
        s.location_city = loc->string_or("city");
        s.location_time_zone = loc->string_or("timeZone");
        if (const auto b = loc->object("branding")) s.branding = read_branding(*b);
    }
    s.payment_method_id = r.string_or("paymentMethodId");
    if (const auto pm = r.object("paymentMethod")) {
        s.payment_method = read_payment_method(*pm);
        // SessionPaymentMethodModel: the card's printed number instead of a short hint.
        if (s.payment_method && s.payment_method->card_hint.empty())
            s.payment_method->card_hint = pm->string_or("chargeCardVisualNumber");
    }
    if (const auto breakdown = r.object("costBreakdown")) {
        breakdown->each("retailSegments", [&](const Json& seg, const std::string& seg_path) {
            FieldReader sr(seg, seg_path, r.log());
            sr.each("items", [&](const Json& item, const std::string& path) {
                FieldReader ir(item, path, r.log());
                if (ir.is_object()) s.cost_breakdown.push_back(read_cost_line(ir));
            });
        });
    }
    if (const auto usage = r.object("usageSummary")) {
        usage->each("dataPoints", [&](const Json& item, const std::string& path) {
            FieldReader pr(item, path, r.log());
            if (!pr.is_object()) return;
            if (auto p = read_data_point(pr)) s.data_points.push_back(std::move(*p));
        });
    }
    return s;
}

}  // namespace core::wire
