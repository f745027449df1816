// The receipt as rows and documents (see receipt_document.hpp).
#include "receipt_document.hpp"

#include <chrono>

#include "core/api/api.hpp"
#include "core/text/text.hpp"
#include "core/time/time.hpp"

namespace core {
namespace {

std::string when(const SessionStatus& r, TimePoint t) {
    if (const auto zone = zone_for(r.location_time_zone)) return format_date_time(t, utc_offset_minutes(*zone, t));
    return format_date_time(t, 0) + " UTC";
}

Str dimension_label(const std::string& d) {
    if (d == "ENERGY") return Str::DimEnergy;
    if (d == "TIME") return Str::DimTime;
    if (d == "PARKING_TIME") return Str::DimParking;
    if (d == "FLAT") return Str::DimFlat;
    if (d.rfind("RESERVATION", 0) == 0) return Str::DimReservation;
    return Str::None;
}

std::string quantity_text(const CostLine& l) {
    if (l.unit == "KWH") return format_number(l.quantity, 3) + " kWh";
    if (l.unit == "MIN") return format_number(l.quantity, 2) + " min";
    if (l.unit == "HOUR" || l.unit == "H") return format_number(l.quantity, 3) + " h";
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

}  // namespace

std::vector<ReceiptRow> receipt_rows(const SessionStatus& r) {
    std::vector<ReceiptRow> rows;
    auto add = [&](Str label, std::string value, bool emphasis = false) {
        if (!value.empty()) rows.push_back({tr(label), std::move(value), emphasis});
    };
    if (r.total_costs) {
        add(Str::Total, format_money(*r.total_costs, r.currency), true);
        if (r.total_vat) {
            std::string vat = format_money(*r.total_vat, r.currency);
            if (r.vat_percent) vat += " (" + format_percent(*r.vat_percent) + ")";
            add(Str::VatAmount, vat);
            add(Str::ReceiptExclVat, format_money(*r.total_costs - *r.total_vat, r.currency));
        }
    } else {
        add(Str::Total, tr(Str::NoCostsYet), true);
    }
    std::string place = r.location_name;
    for (const auto* part : {&r.location_address, &r.location_city})
        if (!part->empty()) place += (place.empty() ? "" : ", ") + *part;
    add(Str::ReceiptLocation, place.empty() ? r.location_id : place);
    add(Str::ReceiptCharger, r.evse_uid + (r.connector_id.empty() ? "" : " · " + r.connector_id));
    if (r.start_time) add(Str::ReceiptStarted, when(r, *r.start_time));
    if (r.end_time) add(Str::ReceiptEnded, when(r, *r.end_time));
    add(Str::Energy, format_energy(r.energy_kwh));
    if (r.start_time && r.end_time)
        add(Str::Elapsed, format_duration(std::chrono::duration_cast<std::chrono::seconds>(*r.end_time - *r.start_time).count()));
    for (const auto& l : r.cost_breakdown) {
        const Str dim = dimension_label(l.dimension);
        std::string label = dim == Str::None ? l.dimension : tr(dim);
        // append, not operator+ chains: g++ 12 warns falsely (-Wrestrict) on those here
        label.append(" ").append(quantity_text(l)).append(" × ").append(format_unit_price(l.unit_price, r.currency));
        rows.push_back({std::move(label), format_money(l.cost, r.currency), false});
    }
    add(Str::ReceiptNumber, r.receipt_number);
    return rows;
}

ReceiptDocument receipt_document(const SessionStatus& r) {
    ReceiptDocument d;
    const std::string number = safe_name(r.receipt_number);
    d.filename = "receipt" + (number.empty() ? std::string() : "-" + number) + ".txt";
    const auto rows = receipt_rows(r);
    d.text = std::string(tr(Str::ReceiptTitle)) + "\n\n";
    d.html = "<h1>" + escape_html(tr(Str::ReceiptTitle)) + "</h1><table>";
    for (const auto& row : rows) {
        d.text += row.label + ": " + row.value + "\n";
        const char* cell = row.emphasis ? "th" : "td";
        d.html += "<tr><" + std::string(cell) + ">" + escape_html(row.label) + "</" + cell + "><" + cell + ">" +
                  escape_html(row.value) + "</" + cell + "></tr>";
    }
    d.html += "</table>";
    return d;
}

}  // namespace core
