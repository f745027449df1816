// The receipt as rows (drawn by the receipt screen) and as documents to download (text) and to
// print (HTML), from the backend's final session record: the total, what it was charged to, the
// cost lines in the price screen's order with their billing steps, VAT, then place and time.
#pragma once
#include <string>
#include <vector>

#include "core/api/api.hpp"

namespace core {

struct ReceiptRow {
    enum class Kind {
        Total,    // the total, the figure the driver came for
        Charged,  // "Charged to card ••2836" (label only)
        Cost,     // one cost line: "Energy 20.86 kWh × €0.35" / "€7.30"
        Vat,      // "of which VAT", "Total excl. VAT"
        Fact,     // location, charger, times, energy, duration, receipt number
    };
    Kind kind = Kind::Fact;
    std::string label;
    std::string value;  // empty for a Charged row
    std::string note;   // under a cost line: "billed per started minute", when steps round it
    bool emphasis = false;  // the total
};

// What the final record does not say itself.
struct ReceiptContext {
    std::string charger_name;        // the EVSE as the location lists it; empty: its uid
    const Tariff* tariff = nullptr;  // the price the session ran under: explains billing steps
    std::string operator_name;       // who runs the location (operator_name() of the api part)
    PhoneZone phone_zone;            // times are the charger's, named when the phone's differs
};

// Total; what it was charged to; one row per cost line in the price screen's (AFIR) order (energy,
// time, session fee, idle time, the rest), each with its billing step where the tariff rounds it;
// VAT and the total without it; location, charger, start, end, energy, duration, receipt number.
// Times by core::session_zone: the location's zone, named when the phone's differs.
std::vector<ReceiptRow> receipt_rows(const SessionStatus& r, const ReceiptContext& context = {});

// "billed per started minute" for a component whose step rounds what it bills; empty when it
// bills per unit (a step of 1, or a flat fee).
std::string billing_step_text(const PriceComponent& c);

struct ReceiptDocument {
    std::string filename;  // "receipt-<number>.txt"
    std::string text;      // plain text, one "label: value" per line (a note in brackets after it)
    std::string html;      // a small table for printing; every value escaped
};

// The same rows in the same order as the screen.
ReceiptDocument receipt_document(const SessionStatus& r, const ReceiptContext& context = {});

}  // namespace core
