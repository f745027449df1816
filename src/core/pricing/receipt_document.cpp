// The receipt as rows and documents (see receipt_document.hpp).
#include "receipt_document.hpp"

#include <algorithm>
#include <chrono>

#include "core/api/api.hpp"
#include "core/text/text.hpp"
#include "core/time/time.hpp"

namespace core {
namespace {

Str dimension_label(const std::string& d) {
    if (d == "ENERGY") return Str::DimEnergy;
    if (d == "TIME") return Str::DimTime;
    if (d == "PARKING_TIME") return Str::DimParking;
    if (d == "FLAT") return Str::DimFlat;
    if (d.rfind("RESERVATION", 0) == 0) return Str::DimReservation;
    return Str::None;
}

std::string quantity_text(const CostLine& l) {
    if (l.unit == "KWH") return format_quantity(l.quantity, 3, Unit::Kwh);
    if (l.unit == "MIN") return format_quantity(l.quantity, 2, Unit::Minute);
    if (l.unit == "HOUR" || l.unit == "H") return format_quantity(l.quantity, 3, Unit::Hour);
    return format_number(l.quantity, 3);
}

std::string escape_html(const std::string& s) {
    std::string out;
    for (const char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

// A file name from the receipt number: letters, digits, '-' and '_' only.
std::string safe_name(const std::string& s) {
    std::string out;
    for (const char c : s)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') out += c;
    return out.substr(0, 64);
}

// The price screen's order (price_lines.cpp): energy, time, session fee, idle time, the rest.
int afir_rank(const std::string& dimension) {
    if (dimension == "ENERGY") return 0;
    if (dimension == "TIME") return 1;
    if (dimension == "FLAT") return 2;
    if (dimension == "PARKING_TIME") return 3;
    return 4;
}

PriceType price_type(const std::string& dimension) {
    if (dimension == "ENERGY") return PriceType::Energy;
    if (dimension == "TIME") return PriceType::Time;
    if (dimension == "PARKING_TIME") return PriceType::ParkingTime;
    if (dimension == "FLAT") return PriceType::Flat;
    return PriceType::Unknown;
}

// The billing step of the tariff's first component of this dimension, in words.
std::string step_note(const Tariff* tariff, const std::string& dimension) {
    if (tariff == nullptr) return {};
    const PriceType type = price_type(dimension);
    for (const auto& element : tariff->elements)
        for (const auto& c : element.components)
            if (c.type == type) return billing_step_text(c);
    return {};
}

}  // namespace

std::string billing_step_text(const PriceComponent& c) {
    if (c.step_size <= 1) return {};
    switch (c.type) {
        case PriceType::Energy:
            if (c.step_size == 1000) return tr(Str::BilledPerKwh);
            return tr_format(Str::BilledPerStep, {format_energy_short(c.step_size / 1000.0)});
        case PriceType::Time:
        case PriceType::ParkingTime:
            if (c.step_size == 60) return tr(Str::BilledPerMinute);
            if (c.step_size == 3600) return tr(Str::BilledPerHour);
            return tr_format(Str::BilledPerStep, {format_duration_short(c.step_size)});
        case PriceType::Flat:
        case PriceType::Unknown: break;
    }
    return {};
}

std::vector<ReceiptRow> receipt_rows(const SessionStatus& r, const ReceiptContext& context) {
    using Kind = ReceiptRow::Kind;
    std::vector<ReceiptRow> rows;
    auto add = [&](Kind kind, Str label, std::string value) {
        if (!value.empty()) rows.push_back({kind, tr(label), std::move(value), {}, false});
    };
    rows.push_back({Kind::Total, tr(Str::Total),
                    r.total_costs ? format_money(*r.total_costs, r.currency) : std::string(tr(Str::NoCostsYet)), {}, true});
    if (r.payment_method) rows.push_back({Kind::Charged, charged_to_text(*r.payment_method), {}, {}, false});

    std::vector<const CostLine*> lines;
    for (const auto& l : r.cost_breakdown) lines.push_back(&l);
    // Lines of one rank keep the backend's order: the pointers follow it (a plain sort is 3 KB of
    // wasm less than a stable one).
    std::sort(lines.begin(), lines.end(), [](const CostLine* a, const CostLine* b) {
        const int ra = afir_rank(a->dimension), rb = afir_rank(b->dimension);
        return ra != rb ? ra < rb : a < b;
    });
    for (const CostLine* l : lines) {
        const Str dim = dimension_label(l->dimension);
        std::string label = dim == Str::None ? l->dimension : tr(dim);
        // append, not operator+ chains: g++ 12 warns falsely (-Wrestrict) on those here
        label.append(" ").append(quantity_text(*l)).append(" × ").append(format_unit_price(l->unit_price, r.currency));
        rows.push_back({Kind::Cost, std::move(label), format_money(l->cost, r.currency),
                        step_note(context.tariff, l->dimension), false});
    }

    if (r.total_costs && r.total_vat) {
        std::string vat = format_money(*r.total_vat, r.currency);
        if (r.vat_percent) vat += " (" + format_percent(*r.vat_percent) + ")";
        add(Kind::Vat, Str::VatAmount, vat);
        add(Kind::Vat, Str::ReceiptExclVat, format_money(*r.total_costs - *r.total_vat, r.currency));
    }

    std::string place = r.location_name;
    for (const auto* part : {&r.location_address, &r.location_city})
        if (!part->empty()) place += (place.empty() ? "" : ", ") + *part;
    add(Kind::Fact, Str::ReceiptLocation, place.empty() ? r.location_id : place);
    const std::string op = operator_name(context.operator_name, r.branding ? &*r.branding : nullptr);
    if (!op.empty()) add(Kind::Fact, Str::FactOperator, op);
    const std::string charger = context.charger_name.empty() ? r.evse_uid : context.charger_name;
    add(Kind::Fact, Str::ReceiptCharger,
        r.connector_id.empty() || charger.empty() ? charger : tr_format(Str::ChargerConnector, {charger, r.connector_id}));
    if (r.start_time) add(Kind::Fact, Str::ReceiptStarted, format_session_time(*r.start_time, r.location_time_zone, context.phone_zone));
    if (r.end_time) add(Kind::Fact, Str::ReceiptEnded, format_session_time(*r.end_time, r.location_time_zone, context.phone_zone));
    add(Kind::Fact, Str::Energy, format_energy(r.energy_kwh));
    if (r.start_time && r.end_time)
        add(Kind::Fact, Str::Elapsed,
            format_duration(std::chrono::duration_cast<std::chrono::seconds>(*r.end_time - *r.start_time).count()));
    add(Kind::Fact, Str::ReceiptNumber, r.receipt_number);
    return rows;
}

ReceiptDocument receipt_document(const SessionStatus& r, const ReceiptContext& context) {
    ReceiptDocument d;
    const std::string number = safe_name(r.receipt_number);
    d.filename = "receipt" + (number.empty() ? std::string() : "-" + number) + ".txt";
    const auto rows = receipt_rows(r, context);
    d.text = std::string(tr(Str::ReceiptTitle)) + "\n\n";
    d.html = "<h1>" + escape_html(tr(Str::ReceiptTitle)) + "</h1><table>";
    for (const auto& row : rows) {
        d.text += row.label;
        if (!row.value.empty()) d.text += ": " + row.value;
        if (!row.note.empty()) d.text += " (" + row.note + ")";
        d.text += "\n";
        const std::string cell = row.emphasis ? "th" : "td";
        std::string label = escape_html(row.label);
        if (!row.note.empty()) label += "<br><small>" + escape_html(row.note) + "</small>";
        if (row.value.empty()) {
            d.html += "<tr><" + cell + " colspan=\"2\">" + label + "</" + cell + "></tr>";
        } else {
            d.html += "<tr><" + cell + ">" + label + "</" + cell + "><" + cell + " class=\"amount\">" +
                      escape_html(row.value) + "</" + cell + "></tr>";
        }
    }
    d.html += "</table>";
    return d;
}

}  // namespace core
