// Requests to /receipts/* and what their answers must be (receipt_requests.hpp).
#include "receipt_requests.hpp"

#include "core/api/api.hpp"

namespace core {
namespace {

HttpRequest post(const char* path, const Json& body, bool binary) {
    HttpRequest q;
    q.method = "POST";
    q.path = path;
    q.headers = {{"Content-Type", "application/json"}};
    q.body = dump_json(body);
    // A relay may take its 15 s, and a long export its time: longer than the API's calls.
    q.timeout_ms = 30000;
    q.binary = binary;
    return q;
}

void add_invoice(Json& body, const InvoiceDetails& d) {
    if (d.empty()) return;
    Json invoice = Json::object();
    if (!d.name.empty()) invoice["name"] = d.name;
    if (!d.company.empty()) invoice["company"] = d.company;
    if (!d.vat_number.empty()) invoice["vatNumber"] = d.vat_number;
    const auto lines = address_lines(d.address);
    if (!lines.empty()) {
        std::string joined;
        for (const auto& line : lines) joined += (joined.empty() ? "" : "\n") + line;
        invoice["address"] = joined;
    }
    body["invoice"] = std::move(invoice);
}

std::string safe_name(std::string_view s) {
    std::string out;
    for (const char c : s)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') out += c;
    return out.substr(0, 64);
}

}  // namespace

HttpRequest email_receipt_request(std::string_view app_token, std::string_view session_id, std::string_view address,
                                  const InvoiceDetails& invoice) {
    Json body = {{"appToken", app_token}, {"sessionId", session_id}, {"email", address}};
    add_invoice(body, invoice);
    return post("/receipts/email", body, false);
}

HttpRequest receipt_pdf_request(std::string_view app_token, std::string_view session_id, const InvoiceDetails& invoice) {
    Json body = {{"appToken", app_token}, {"sessionId", session_id}};
    add_invoice(body, invoice);
    return post("/receipts/pdf", body, true);
}

HttpRequest export_request(std::string_view app_token, const ExportPeriod& period, ExportFormat format,
                           const InvoiceDetails& invoice) {
    Json body = {{"appToken", app_token}, {"from", first_day(period.first)}, {"to", last_day(period.last)},
                 {"format", format == ExportFormat::Pdf ? "pdf" : "csv"}};
    add_invoice(body, invoice);
    return post("/receipts/export", body, true);
}

std::string receipt_pdf_name(std::string_view receipt_number) {
    const std::string number = safe_name(receipt_number);
    return number.empty() ? "receipt.pdf" : "receipt-" + number + ".pdf";
}

std::string export_file_name(const ExportPeriod& period, ExportFormat format) {
    return "charging-" + first_day(period.first) + "-" + last_day(period.last) +
           (format == ExportFormat::Pdf ? ".pdf" : ".csv");
}

bool is_pdf(const HttpResponse& r) { return r.status == 200 && r.body.rfind("%PDF-", 0) == 0; }

bool is_csv(const HttpResponse& r) {
    return r.status == 200 && header(r, "content-type").rfind("text/csv", 0) == 0;
}

}  // namespace core
