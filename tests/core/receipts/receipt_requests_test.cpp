// The requests to serve.py's /receipts/* endpoints, their documents, and its refusals in words.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/receipts/receipts.hpp"

using namespace core;

TEST_CASE("receipt requests: JSON bodies with the token, never in the URL, invoice details only when given") {
    const HttpRequest mail = email_receipt_request("tok/1", "s-1", "anna@example.com", {});
    CHECK(mail.method == "POST");
    CHECK(mail.path == "/receipts/email");
    CHECK_FALSE(mail.binary);
    const auto body = nlohmann::json::parse(mail.body);
    CHECK(body == nlohmann::json{{"appToken", "tok/1"}, {"sessionId", "s-1"}, {"email", "anna@example.com"}});

    const InvoiceDetails invoice{"Anna", "", "NL123456789B01", "Dorpsstraat 1, 1131 AB Volendam"};
    const HttpRequest pdf = receipt_pdf_request("t", "s-1", invoice);
    CHECK(pdf.path == "/receipts/pdf");
    CHECK(pdf.binary);
    CHECK(nlohmann::json::parse(pdf.body)["invoice"] ==
          nlohmann::json{{"name", "Anna"}, {"vatNumber", "NL123456789B01"}, {"address", "Dorpsstraat 1\n1131 AB Volendam"}});

    const ExportPeriod may{{2026, 5}, {2026, 5}, false};
    const HttpRequest csv = export_request("t", may, ExportFormat::Csv, {});
    CHECK(csv.binary);
    CHECK(nlohmann::json::parse(csv.body) ==
          nlohmann::json{{"appToken", "t"}, {"from", "2026-05-01"}, {"to", "2026-05-31"}, {"format", "csv"}});
    CHECK(nlohmann::json::parse(export_request("t", {{2025, 11}, {2026, 2}, true}, ExportFormat::Pdf, {}).body)["to"] ==
          "2026-02-28");
    CHECK(export_file_name(may, ExportFormat::Pdf) == "charging-2026-05-01-2026-05-31.pdf");
    CHECK(receipt_pdf_name("rec-00012") == "receipt-rec-00012.pdf");
    CHECK(receipt_pdf_name("../..") == "receipt.pdf");
}

TEST_CASE("receipt documents: a PDF is a 200 that begins %PDF-, a CSV a 200 of text/csv") {
    CHECK(is_pdf(HttpResponse{1, 200, "%PDF-1.4\n..."}));
    CHECK_FALSE(is_pdf(HttpResponse{1, 200, "<html>"}));
    CHECK_FALSE(is_pdf(HttpResponse{1, 503, "%PDF-"}));
    CHECK(is_csv(HttpResponse{1, 200, "date,place\r\n", {{"content-type", "text/csv; charset=utf-8; header=present"}}}));
    CHECK_FALSE(is_csv(HttpResponse{1, 200, "{}", {{"content-type", "application/json"}}}));
}

TEST_CASE("refusals: the server's codes in the driver's words, with the wait it gave") {
    auto refusal = [](int status, const char* body, std::string retry_after = {}) {
        HttpResponse r{1, status, body};
        if (!retry_after.empty()) r.headers.push_back({"retry-after", retry_after});
        return read_refusal(r);
    };
    CHECK(refusal(0, "").reason == Str::MailNoConnection);
    CHECK(refusal(400, R"({"code":"INVALID_EMAIL","message":"email: ...","field":"email"})").reason == Str::EmailNotAddress);
    CHECK(refusal(400, R"({"code":"INVALID_VAT_NUMBER","field":"invoice.vatNumber"})").reason == Str::VatRefused);
    CHECK(refusal(400, R"({"code":"TOO_LONG"})").reason == Str::DetailsRefused);
    CHECK(refusal(404, R"({"code":"RECEIPT_NOT_FOUND"})").reason == Str::ReceiptNotFound);
    CHECK(refusal(409, R"({"code":"RECEIPT_NOT_READY"})").reason == Str::ReceiptNotReady);
    CHECK(refusal(413, "").reason == Str::DetailsRefused);
    CHECK(refusal(415, "").reason == Str::DetailsRefused);
    CHECK(refusal(422, R"({"code":"RECIPIENT_REFUSED"})").reason == Str::MailAddressRefused);
    CHECK(refusal(422, R"({"code":"TOO_MANY_SESSIONS"})").reason == Str::TooManySessions);
    const ReceiptRefusal busy = refusal(429, R"({"code":"TOO_MANY_REQUESTS"})", "75");
    CHECK(busy.reason == Str::TooManyWait);
    CHECK(busy.text == "Too many at once. Try again in 1 min 15 s.");
    CHECK(refusal(502, R"({"code":"RELAY_FAILED"})").reason == Str::MailRelayFailed);
    CHECK(refusal(503, R"({"code":"RELAY_UNAVAILABLE"})", "30").text ==
          "The mail server cannot be reached right now. Try again in 30 s.");
    CHECK(refusal(503, R"({"code":"RELAY_UNAVAILABLE"})").reason == Str::MailRelayDown);
    CHECK(refusal(503, R"({"code":"PDF_UNAVAILABLE"})").reason == Str::PdfUnavailable);
    CHECK(refusal(500, "<html>oops</html>").reason == Str::ServerTrouble);
    CHECK(refusal(429, "", "soon").text == "Too many at once. Try again in 1 s.");
}
