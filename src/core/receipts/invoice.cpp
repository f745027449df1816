// Invoice details: their checks, storage form and lines (invoice.hpp).
#include "invoice.hpp"

#include "core/api/api.hpp"
#include "core/text/text.hpp"

namespace core {
namespace {

std::string trim(std::string_view s) {
    const char* space = " \t\r\n";
    const size_t b = s.find_first_not_of(space), e = s.find_last_not_of(space);
    return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
}

// Characters a printed line cannot hold: C0 and C1 controls, and the Unicode line and paragraph
// separators (U+2028, U+2029), as serve.py refuses them.
bool has_controls(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7F) return true;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) return true;
        if (c == 0xE2 && i + 2 < s.size() && s[i + 1] == '\x80' && (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) return true;
    }
    return false;
}

// Characters, not bytes: what the server counts.
size_t characters(std::string_view s) {
    size_t n = 0;
    for (const char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

}  // namespace

std::vector<std::string> address_lines(std::string_view address) {
    std::vector<std::string> lines;
    while (true) {
        const size_t comma = address.find(',');
        std::string part = trim(address.substr(0, comma));
        if (!part.empty()) lines.push_back(std::move(part));
        if (comma == std::string_view::npos) break;
        address.remove_prefix(comma + 1);
    }
    return lines;
}

std::vector<std::string> invoice_to_lines(const InvoiceDetails& d) {
    std::vector<std::string> lines;
    for (const std::string* s : {&d.name, &d.company})
        if (!trim(*s).empty()) lines.push_back(trim(*s));
    for (auto& line : address_lines(d.address)) lines.push_back(std::move(line));
    if (!trim(d.vat_number).empty()) lines.push_back(tr_format(Str::InvoiceVatLine, {trim(d.vat_number)}));
    return lines;
}

InvoiceCheck check_invoice(const InvoiceDetails& typed) {
    InvoiceCheck out;
    out.details = {trim(typed.name), trim(typed.company), trim(typed.vat_number), trim(typed.address)};
    InvoiceDetails& d = out.details;
    auto fail = [&](InvoiceField field, InvoiceProblem problem) {
        out.field = field;
        out.problem = problem;
        return out;
    };
    const struct {
        InvoiceField field;
        const std::string& text;
        size_t limit;
    } fields[] = {{InvoiceField::Name, d.name, kMaxInvoiceName},
                  {InvoiceField::Company, d.company, kMaxInvoiceName},
                  {InvoiceField::VatNumber, d.vat_number, kMaxInvoiceVat},
                  {InvoiceField::Address, d.address, kMaxInvoiceAddress}};
    for (const auto& f : fields) {
        if (characters(f.text) > f.limit) return fail(f.field, InvoiceProblem::TooLong);
        if (has_controls(f.text)) return fail(f.field, InvoiceProblem::ControlCharacters);
    }
    if (address_lines(d.address).size() > 6) return fail(InvoiceField::Address, InvoiceProblem::TooManyLines);
    if (!d.vat_number.empty()) {
        out.vat = check_vat_number(d.vat_number);
        if (out.vat.problem != VatProblem::None) return fail(InvoiceField::VatNumber, InvoiceProblem::Vat);
        d.vat_number = out.vat.number;
    }
    return out;
}

std::string encode_invoice(const InvoiceDetails& d) {
    Json j = Json::object();
    j["name"] = d.name;
    j["company"] = d.company;
    j["vatNumber"] = d.vat_number;
    j["address"] = d.address;
    return dump_json(j);
}

InvoiceDetails decode_invoice(std::string_view stored) {
    ReadLog log;
    const auto j = parse_json(stored, log);
    if (!j || !j->is_object()) return {};
    FieldReader r(*j, "invoice", log);
    return {r.string_or("name"), r.string_or("company"), r.string_or("vatNumber"), r.string_or("address")};
}

}  // namespace core
