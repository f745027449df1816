// The requests to serve.py's own receipt endpoints (outside /api/): the token, the session and the
// invoice details travel in the JSON body, never in the URL. PDFs and exports come back as bytes.
#pragma once
#include <string_view>

#include "core/io/io.hpp"
#include "export_period.hpp"
#include "invoice.hpp"

namespace core {

enum class ExportFormat { Csv, Pdf };

// POST /receipts/email {appToken, sessionId, email, invoice?}
HttpRequest email_receipt_request(std::string_view app_token, std::string_view session_id, std::string_view address,
                                  const InvoiceDetails& invoice);
// POST /receipts/pdf {appToken, sessionId, invoice?}
HttpRequest receipt_pdf_request(std::string_view app_token, std::string_view session_id, const InvoiceDetails& invoice);
// POST /receipts/export {appToken, from, to, format, invoice?}
HttpRequest export_request(std::string_view app_token, const ExportPeriod& period, ExportFormat format,
                           const InvoiceDetails& invoice);

// The file names the documents are saved as: "receipt-rec-00012.pdf", "charging-2026-05-01-2026-05-31.csv".
std::string receipt_pdf_name(std::string_view receipt_number);
std::string export_file_name(const ExportPeriod& period, ExportFormat format);

// The answer is the document asked for: a 200 whose bytes are a PDF ("%PDF-"), or CSV text.
bool is_pdf(const HttpResponse& r);
bool is_csv(const HttpResponse& r);

}  // namespace core
