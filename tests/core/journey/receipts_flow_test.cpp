// Receipts a driver keeps: e-mailed from the receipt or by themselves, the PDF, invoice details,
// the expense export; the requests the journey sends and what it makes of each answer.
#include "journey_harness.hpp"
#include "../text/language_guard.hpp"

#include <nlohmann/json.hpp>

using namespace test;
using State = ReceiptTask::State;

namespace {

const char* kHistory = R"({"data":[{"chargeSessionId":"s2","status":"CDR_AVAILABLE","location":{"id":"L","name":"Marga"},
    "startTime":"2021-06-14T10:59:20+02:00","retailCostInclVat":20.45,"vatAmount":2.35,"energyInKwh":10.15,"currency":"EUR"}]})";
const char* kReceipt = R"({"status":"CDR_AVAILABLE","locationId":"L","evseUid":"E1","connectorId":"1","totalCosts":20.45,
    "totalVat":2.35,"currency":"EUR","energyInKwh":10.15,"receiptNumber":"rec-00012"})";

// The receipt of past session s2, opened from the history.
Journey at_past_receipt(std::map<std::string, std::string> stored = {}) {
    Journey j;
    stored[kKeyAppToken] = "app-" + kHex;
    j.boot(stored);
    j.intent(intent::OpenHistory{});
    j.answer("GET", "/api/token/", 200, kHistory);
    j.intent(intent::OpenPastSession{"s2"});
    j.answer("GET", "/api/session/status", 200, kReceipt);
    REQUIRE(j.m.screen == Screen::Receipt);
    return j;
}

std::vector<OfferDocument> documents(const std::vector<Effect>& effects) {
    std::vector<OfferDocument> out;
    for (const auto& e : effects)
        if (const auto* d = std::get_if<OfferDocument>(&e)) out.push_back(*d);
    return out;
}

nlohmann::json body_of(const HttpRequest& r) { return nlohmann::json::parse(r.body); }

HttpResponse answer_with(int status, std::string body, std::vector<std::pair<std::string, std::string>> headers) {
    return HttpResponse{0, status, std::move(body), std::move(headers)};
}

const std::vector<Effect>& respond_to_last(Journey& j, const std::string& path, HttpResponse r) {
    for (const auto& q : j.sent)
        if (q.path == path && j.m.pending.count(q.id)) r.request_id = q.id;
    REQUIRE(r.request_id != 0);
    return j.send(r);
}

}  // namespace

TEST_CASE("e-mail a receipt: the address checked first, sent with the session's token, Sent to it") {
    Journey j = at_past_receipt();
    auto effects = j.intent(intent::SendReceiptMail{"anna@"});
    CHECK(requests(effects).empty());
    CHECK(j.m.mail.state == State::Failed);
    CHECK(j.m.mail.detail == "This is not an e-mail address. It looks like name@example.com.");
    j.intent(intent::SendReceiptMail{"  "});
    CHECK(j.m.mail.detail == tr(Str::EmailEmpty));

    effects = j.intent(intent::SendReceiptMail{" Anna@Example.COM "});
    REQUIRE(requests(effects).size() == 1);
    const HttpRequest mail = requests(effects)[0];
    CHECK(mail.path == "/receipts/email");
    CHECK(body_of(mail) == nlohmann::json{{"appToken", "app-" + kHex}, {"sessionId", "s2"}, {"email", "Anna@example.com"}});
    CHECK(j.m.mail.state == State::Working);
    CHECK(persists(effects).empty());  // not ticked: the address is not kept
    CHECK(requests(j.intent(intent::SendReceiptMail{"anna@example.com"})).empty());  // one at a time
    effects = j.answer("POST", "/receipts/email", 200, R"({"sent":true,"receiptNumber":"rec-00012","delivery":"outbox"})");
    CHECK(j.m.mail.state == State::Done);
    CHECK(tr_format(Str::SentTo, {j.m.mail.detail}) == "Sent to Anna@example.com");
    CHECK(j.m.kept_email.empty());

    // Leaving the receipt forgets the state; the next receipt starts afresh.
    j.intent(intent::Finish{});
    CHECK(j.m.mail.state == State::Idle);
}

TEST_CASE("e-mail a receipt: kept on the phone only while Remember is ticked") {
    Journey j = at_past_receipt();
    j.intent(intent::RememberEmail{true});
    auto effects = j.intent(intent::SendReceiptMail{"anna@example.com"});
    REQUIRE(persists(effects).size() == 1);
    CHECK(persists(effects)[0].key == kKeyReceiptEmail);
    CHECK(persists(effects)[0].value == "anna@example.com");
    CHECK(j.m.kept_email == "anna@example.com");
    effects = j.intent(intent::RememberEmail{false});
    REQUIRE(persists(effects).size() == 1);
    CHECK_FALSE(persists(effects)[0].value.has_value());
    CHECK(j.m.kept_email.empty());

    // A later visit finds the kept address ticked; an unreadable one is not taken.
    Journey k = at_past_receipt({{kKeyReceiptEmail, "anna@example.com"}});
    CHECK(k.m.kept_email == "anna@example.com");
    CHECK(k.m.remember_email);
    Journey bad = at_past_receipt({{kKeyReceiptEmail, "not an address"}});
    CHECK(bad.m.kept_email.empty());
    CHECK_FALSE(bad.m.remember_email);
}

TEST_CASE("e-mail a receipt: not sent, and the server's reason in words, with its wait") {
    Journey j = at_past_receipt();
    j.intent(intent::SendReceiptMail{"anna@example.com"});
    respond_to_last(j, "/receipts/email", answer_with(429, R"({"code":"TOO_MANY_REQUESTS","message":"Too many"})",
                                                     {{"retry-after", "120"}}));
    CHECK(j.m.mail.state == State::Failed);
    CHECK(j.m.mail.detail == "Too many at once. Try again in 2 min 00 s.");
    j.intent(intent::SendReceiptMail{"anna@example.com"});
    j.answer("POST", "/receipts/email", 422, R"({"code":"RECIPIENT_REFUSED","message":"refused"})");
    CHECK(j.m.mail.detail == tr(Str::MailAddressRefused));
    j.intent(intent::SendReceiptMail{"anna@example.com"});
    j.answer("POST", "/receipts/email", 0);
    CHECK(j.m.mail.detail == tr(Str::MailNoConnection));
    CHECK(j.m.screen == Screen::Receipt);  // the receipt stays, whatever the mail did
}

TEST_CASE("the receipt as a PDF: asked for as bytes, saved as a file, a refusal said") {
    Journey j = at_past_receipt();
    auto effects = j.intent(intent::DownloadReceiptPdf{});
    REQUIRE(requests(effects).size() == 1);
    CHECK(requests(effects)[0].path == "/receipts/pdf");
    CHECK(requests(effects)[0].binary);
    CHECK(j.m.pdf.state == State::Working);
    const std::string pdf("%PDF-1.4\n\x00\xff\x80 binary", 21);
    effects = j.answer("POST", "/receipts/pdf", 200, pdf);
    REQUIRE(documents(effects).size() == 1);
    CHECK(documents(effects)[0].filename == "receipt-rec-00012.pdf");
    CHECK(documents(effects)[0].mime == "application/pdf");
    CHECK(documents(effects)[0].content == pdf);
    CHECK(j.m.pdf.state == State::Done);

    j.intent(intent::DownloadReceiptPdf{});
    effects = j.answer("POST", "/receipts/pdf", 503, R"({"code":"PDF_UNAVAILABLE","message":"no reportlab"})");
    CHECK(documents(effects).empty());
    CHECK(j.m.pdf.detail == tr(Str::PdfUnavailable));
    j.intent(intent::DownloadReceiptPdf{});
    j.answer("POST", "/receipts/pdf", 200, "<html>not a pdf</html>");
    CHECK(j.m.pdf.state == State::Failed);
    CHECK(j.m.pdf.detail == tr(Str::ServerTrouble));
}

TEST_CASE("invoice details: checked, kept on the phone, sent with each mail and PDF") {
    Journey j = at_past_receipt();
    j.intent(intent::OpenInvoice{});
    CHECK(j.m.screen == Screen::Invoice);
    auto effects = j.intent(intent::SaveInvoice{{"Anna", "", "DE12345678", ""}});
    CHECK(persists(effects).empty());
    CHECK(j.m.screen == Screen::Invoice);
    CHECK(invoice_problem_text(j.m, InvoiceField::VatNumber) == "This is not the format of a DE VAT number.");
    CHECK(invoice_problem_text(j.m, InvoiceField::Name).empty());  // said under its own field only
    {
        InLanguage german(Language::De);  // the phone's language changes with the form open: the words follow
        CHECK(invoice_problem_text(j.m, InvoiceField::VatNumber) == tr_format(Str::VatWrongFormat, {"DE"}));
        CHECK(invoice_problem_text(j.m, InvoiceField::VatNumber) != "This is not the format of a DE VAT number.");
    }
    j.intent(intent::SaveInvoice{{"Anna", "", "GR123456789", ""}});
    CHECK(invoice_problem_text(j.m, InvoiceField::VatNumber) == tr(Str::VatGreece));

    effects = j.intent(intent::SaveInvoice{{" Anna ", "Laadbedrijf B.V.", "nl123456789b01", "Dorpsstraat 1, Volendam"}});
    CHECK(j.m.screen == Screen::Receipt);
    REQUIRE(persists(effects).size() == 1);
    CHECK(persists(effects)[0].key == kKeyInvoice);
    CHECK(decode_invoice(*persists(effects)[0].value) ==
          InvoiceDetails{"Anna", "Laadbedrijf B.V.", "NL123456789B01", "Dorpsstraat 1, Volendam"});
    CHECK(invoice_to_lines(j.m.invoice) ==
          std::vector<std::string>{"Anna", "Laadbedrijf B.V.", "Dorpsstraat 1", "Volendam", "VAT NL123456789B01"});

    effects = j.intent(intent::SendReceiptMail{"anna@example.com"});
    CHECK(body_of(requests(effects)[0])["invoice"] ==
          nlohmann::json{{"name", "Anna"}, {"company", "Laadbedrijf B.V."}, {"vatNumber", "NL123456789B01"},
                         {"address", "Dorpsstraat 1\nVolendam"}});
    effects = j.intent(intent::DownloadReceiptPdf{});
    CHECK(body_of(requests(effects)[0])["invoice"]["vatNumber"] == "NL123456789B01");

    // Emptied, they are no longer kept; a later visit reads them back.
    j.intent(intent::OpenInvoice{});
    effects = j.intent(intent::SaveInvoice{{}});
    CHECK_FALSE(persists(effects)[0].value.has_value());
    Journey k = at_past_receipt({{kKeyInvoice, encode_invoice({"Bo", "", "", ""})}});
    CHECK(k.m.invoice.name == "Bo");
}

TEST_CASE("expense export: last month by default, as CSV or PDF, saved as a file") {
    Journey j;
    j.ready();  // 14 June 2021
    j.intent(intent::OpenExport{});
    CHECK(j.m.screen == Screen::Map);  // from Past sessions only
    j.intent(intent::OpenHistory{});
    j.intent(intent::OpenExport{});
    CHECK(j.m.screen == Screen::Export);
    CHECK(j.m.export_period == ExportPeriod{{2021, 5}, {2021, 5}, false});
    j.intent(intent::MoveExportMonth{false, 1});
    j.intent(intent::MoveExportMonth{false, 1});  // not past this month
    CHECK(j.m.export_period.last == YearMonth{2021, 6});
    j.intent(intent::ChooseExportMonths{true});
    j.intent(intent::MoveExportMonth{true, -2});
    CHECK(j.m.export_period == ExportPeriod{{2021, 4}, {2021, 6}, true});

    auto effects = j.intent(intent::ExportSessions{ExportFormat::Csv});
    REQUIRE(requests(effects).size() == 1);
    const HttpRequest q = requests(effects)[0];
    CHECK(q.path == "/receipts/export");
    CHECK(q.binary);
    CHECK(body_of(q) == nlohmann::json{{"appToken", "app-" + kHex}, {"from", "2021-04-01"}, {"to", "2021-06-30"}, {"format", "csv"}});
    effects = respond_to_last(j, "/receipts/export",
                              answer_with(200, "date,place\r\n", {{"content-type", "text/csv; charset=utf-8; header=present"}}));
    REQUIRE(documents(effects).size() == 1);
    CHECK(documents(effects)[0].filename == "charging-2021-04-01-2021-06-30.csv");
    CHECK(documents(effects)[0].mime == "text/csv");
    CHECK(j.m.exporting.state == State::Done);

    j.intent(intent::ExportSessions{ExportFormat::Pdf});
    effects = j.answer("POST", "/receipts/export", 422, R"({"code":"TOO_MANY_SESSIONS"})");
    CHECK(documents(effects).empty());
    CHECK(j.m.exporting.detail == tr(Str::TooManySessions));
    j.intent(intent::Back{});
    CHECK(j.m.screen == Screen::History);
}

TEST_CASE("an address given before charging gets the receipt by itself once it is ready, then is forgotten") {
    Journey j;
    j.m.mail_when_ready = "guest@example.com";
    j.charging();
    j.answer("GET", "/api/session/status", 200, R"({"status":"COMPLETED"})");
    CHECK(count_sent(j, "POST", "/receipts/email") == 0);  // no costs yet: no receipt to send
    j.now += Millis{3000};
    j.tick();
    auto effects = j.answer("GET", "/api/session/status", 200, seed::kSeedStopCdr);
    REQUIRE(j.m.screen == Screen::Receipt);
    REQUIRE(requests(effects).size() == 1);
    CHECK(body_of(requests(effects)[0])["email"] == "guest@example.com");
    CHECK(body_of(requests(effects)[0])["sessionId"] == kSessionId);
    CHECK(j.m.mail.state == State::Working);
    j.intent(intent::Finish{});  // leaving the receipt does not stop a mail going out by itself
    CHECK(count_sent(j, "POST", "/receipts/email") == 1);
    // Not ready at the server yet: asked again after a while.
    effects = j.answer("POST", "/receipts/email", 409, R"({"code":"RECEIPT_NOT_READY"})");
    CHECK(wake(effects) == j.now + kMailRetry);
    j.now += kMailRetry;
    const int before = count_sent(j, "POST", "/receipts/email");
    j.tick();
    CHECK(count_sent(j, "POST", "/receipts/email") == before + 1);
    effects = j.answer("POST", "/receipts/email", 200, R"({"sent":true})");
    REQUIRE(persists(effects).size() == 1);
    CHECK(persists(effects)[0].key == kKeyMailWhenReady);
    CHECK_FALSE(persists(effects)[0].value.has_value());
    CHECK(j.m.mail_when_ready.empty());
    CHECK(announcements(effects) == std::vector<std::string>{"Sent to guest@example.com"});
}
