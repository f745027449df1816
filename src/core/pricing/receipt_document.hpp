// The receipt as rows (drawn by the receipt screen) and as documents to download (text) and to
// print (HTML), from the backend's final session record: totals, VAT, cost lines, place and time.
#pragma once
#include <string>
#include <vector>

#include "core/api/api.hpp"

namespace core {

struct ReceiptRow {
    std::string label;
    std::string value;
    bool emphasis = false;  // the total
};

// Total, VAT, location, charger, start, end, energy, duration, one row per cost line
// ("Energy 0.256 kWh × €2.106" / "€0.54"), receipt number. Times in the location's time zone
// (its Windows or IANA name, via zone_rules), else UTC marked as such.
std::vector<ReceiptRow> receipt_rows(const SessionStatus& r);

struct ReceiptDocument {
    std::string filename;  // "receipt-<number>.txt"
    std::string text;      // plain text, one "label: value" per line
    std::string html;      // a small table for printing; every value escaped
};

ReceiptDocument receipt_document(const SessionStatus& r);

}  // namespace core
