// The driver's invoice details: kept on this phone (never on the server), printed on the receipt
// screen as "Invoice to", and sent with each e-mail and PDF request as serve.py's `invoice`.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vat_number.hpp"

namespace core {

struct InvoiceDetails {
    std::string name, company, vat_number, address;  // address: one line, parts split by commas
    bool empty() const { return name.empty() && company.empty() && vat_number.empty() && address.empty(); }
    bool operator==(const InvoiceDetails&) const = default;
};

// serve.py's limits: name and company 100 characters, address 300 (at most 6 lines), VAT 40.
inline constexpr size_t kMaxInvoiceName = 100, kMaxInvoiceAddress = 300, kMaxInvoiceVat = 40;

enum class InvoiceField { None, Name, Company, VatNumber, Address };
enum class InvoiceProblem { None, TooLong, ControlCharacters, TooManyLines, Vat };

struct InvoiceCheck {
    InvoiceDetails details;  // trimmed, the VAT number normalized, when problem is None
    InvoiceField field = InvoiceField::None;
    InvoiceProblem problem = InvoiceProblem::None;
    VatCheck vat;            // for InvoiceProblem::Vat: why the number does not fit
};

InvoiceCheck check_invoice(const InvoiceDetails& typed);

// The storage form ({"name":…,"company":…,"vatNumber":…,"address":…}) and back; an unreadable
// or absent value gives empty details.
std::string encode_invoice(const InvoiceDetails& d);
InvoiceDetails decode_invoice(std::string_view stored);

// What the receipt prints under "Invoice to": the name, the company, the address's parts, "VAT NL…".
std::vector<std::string> invoice_to_lines(const InvoiceDetails& d);

// The address as the request's lines: split at commas, each trimmed, empty parts dropped.
std::vector<std::string> address_lines(std::string_view address);

}  // namespace core
