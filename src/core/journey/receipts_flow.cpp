// Receipts a driver keeps: the receipt e-mailed (from the receipt screen, or by itself once ready
// for an address given at check-in or the kiosk), its PDF, the invoice details kept on the phone,
// and the expense export from Past sessions, each through serve.py's /receipts/*.
#include "receipts_flow.hpp"

#include "core/receipts/receipts.hpp"

namespace core::detail {
namespace {

using State = ReceiptTask::State;

std::string email_problem_text(EmailProblem p) {
    switch (p) {
        case EmailProblem::Empty: return tr(Str::EmailEmpty);
        case EmailProblem::TooLong: return tr(Str::EmailTooLong);
        case EmailProblem::NotAnAddress: return tr(Str::EmailNotAddress);
        case EmailProblem::None: break;
    }
    return {};
}


YearMonth this_month(const Step& s) { return month_of(s.now, session_zone({}, s.m.phone_zone, s.now).offset_minutes); }

void send_mail(Step& s, const std::string& session_id, const std::string& address) {
    forget(s.m, RequestKind::MailReceipt);
    s.m.mail = {State::Working, address};
    send(s, email_receipt_request(s.m.app_token, session_id, address, s.m.invoice), RequestKind::MailReceipt, session_id);
}

void fail(ReceiptTask& task, const HttpResponse& r) { task = {State::Failed, read_refusal(r).text}; }

// The file the driver asked for, saved by the browser.
void offer_file(Step& s, std::string filename, const char* mime, std::string bytes) {
    s.out.emplace_back(OfferDocument{OfferDocument::Kind::Download, std::move(filename), mime, std::move(bytes)});
}

}  // namespace

void restore_receipt_keeping(Step& s, const Boot& boot) {
    if (const auto it = boot.stored.find(kKeyReceiptEmail); it != boot.stored.end()) {
        const EmailCheck kept = check_email(it->second);
        s.m.kept_email = kept.address;
        s.m.remember_email = kept.problem == EmailProblem::None;
    }
    if (const auto it = boot.stored.find(kKeyInvoice); it != boot.stored.end()) s.m.invoice = decode_invoice(it->second);
    if (const auto it = boot.stored.find(kKeyMailWhenReady); it != boot.stored.end())
        s.m.mail_when_ready = check_email(it->second).address;
}

void reset_receipt_tasks(Model& m) {
    ++m.receipt_visit;
    // A mail going out by itself (an address given at check-in) goes on; the driver's own sends do not.
    for (auto it = m.pending.begin(); it != m.pending.end();) {
        const bool own = it->second.kind == RequestKind::MailReceipt && it->second.context != m.mail_when_ready_session;
        it = own ? m.pending.erase(it) : std::next(it);
    }
    forget(m, RequestKind::ReceiptPdf);
    m.mail = {};
    m.pdf = {};
}

void send_receipt_mail(Step& s, const intent::SendReceiptMail& i) {
    if (!s.m.receipt || s.m.receipt_session_id.empty() || s.m.mail.state == State::Working) return;
    const EmailCheck address = check_email(i.address);
    if (address.problem != EmailProblem::None) {
        s.m.mail = {State::Failed, email_problem_text(address.problem)};
        return;
    }
    if (s.m.remember_email && s.m.kept_email != address.address) {
        s.m.kept_email = address.address;
        persist(s, kKeyReceiptEmail, address.address);
    }
    send_mail(s, s.m.receipt_session_id, address.address);
}

void remember_email(Step& s, const intent::RememberEmail& i) {
    s.m.remember_email = i.remember;
    // Unticked: the kept address goes at once, not at the next send.
    if (!i.remember && !s.m.kept_email.empty()) {
        s.m.kept_email.clear();
        persist(s, kKeyReceiptEmail, std::nullopt);
    }
}

void on_mail_answer(Step& s, const HttpResponse& r, const std::string& session_id) {
    const bool for_pending = !s.m.mail_when_ready.empty() && session_id == s.m.mail_when_ready_session;
    const bool shown = s.m.receipt && s.m.receipt_session_id == session_id;
    if (is_success(r.status)) {
        if (shown) s.m.mail.state = State::Done;  // the receipt's status line says so
        else announce(s, tr_format(Str::SentTo, {s.m.mail_when_ready}));
        if (for_pending) {
            s.m.mail_when_ready.clear();
            s.m.mail_when_ready_session.clear();
            s.m.mail_retry_at.reset();
            persist(s, kKeyMailWhenReady, std::nullopt);  // sent: the address is not kept beyond it
        }
        return;
    }
    if (shown) fail(s.m.mail, r);
    // Sent by itself and the receipt not ready (or no answer): asked again a few times.
    if (for_pending && (r.status == 409 || unclear(r.status)) && ++s.m.mail_when_ready_tries < kMailTries) {
        s.m.mail_retry_at = s.now + kMailRetry;
        wake_at(s, *s.m.mail_retry_at);
    }
}

void mail_when_ready(Step& s) {
    Model& m = s.m;
    if (m.mail_when_ready.empty() || in_flight(m, RequestKind::MailReceipt) || !m.online) return;
    if (m.mail_retry_at) {
        if (s.now < *m.mail_retry_at) return;
        m.mail_retry_at.reset();
        if (!m.mail_when_ready_session.empty()) {
            const std::string address = m.mail_when_ready;
            if (m.receipt && m.receipt_session_id == m.mail_when_ready_session) send_mail(s, m.mail_when_ready_session, address);
            else send(s, email_receipt_request(m.app_token, m.mail_when_ready_session, address, m.invoice),
                      RequestKind::MailReceipt, m.mail_when_ready_session);
            return;
        }
    }
    // The first receipt that ends on this phone after the address was given, once it has its costs.
    if (!m.mail_when_ready_session.empty() || !m.receipt || m.receipt_from_history || m.receipt_session_id.empty() ||
        !m.receipt->total_costs || m.mail.state != State::Idle)
        return;
    m.mail_when_ready_session = m.receipt_session_id;
    send_mail(s, m.receipt_session_id, m.mail_when_ready);
}

void download_receipt_pdf(Step& s) {
    if (!s.m.receipt || s.m.receipt_session_id.empty() || s.m.pdf.state == State::Working) return;
    s.m.pdf = {State::Working, {}};
    send(s, receipt_pdf_request(s.m.app_token, s.m.receipt_session_id, s.m.invoice), RequestKind::ReceiptPdf,
         receipt_pdf_name(s.m.receipt->receipt_number));
}

void on_pdf_answer(Step& s, HttpResponse r, std::string filename) {
    if (!is_pdf(r)) {
        if (is_success(r.status)) r.status = 500;  // a 200 that is no PDF is the server's trouble
        fail(s.m.pdf, r);
        return;
    }
    s.m.pdf = {State::Done, filename};
    offer_file(s, std::move(filename), "application/pdf", std::move(r.body));
}

void open_invoice(Step& s) {
    if (s.m.screen == Screen::Invoice) return;
    s.m.invoice_return_to = s.m.screen;
    s.m.invoice_problem.reset();
    s.m.screen = Screen::Invoice;
}

void save_invoice(Step& s, const intent::SaveInvoice& i) {
    const InvoiceCheck c = check_invoice(i.details);
    if (c.problem != InvoiceProblem::None) {
        s.m.invoice_problem = c;
        return;
    }
    s.m.invoice = c.details;
    persist(s, kKeyInvoice, c.details.empty() ? std::nullopt : std::optional<std::string>(encode_invoice(c.details)));
    s.m.invoice_problem.reset();
    // A PDF or a mail refused for these details may go now.
    if (s.m.mail.state == State::Failed) s.m.mail = {};
    if (s.m.pdf.state == State::Failed) s.m.pdf = {};
    s.m.screen = s.m.invoice_return_to;
}

void open_export(Step& s) {
    if (s.m.screen != Screen::History) return;
    s.m.export_this_month = this_month(s);
    if (s.m.export_period.first == YearMonth{}) s.m.export_period = default_export_period(s.m.export_this_month);
    s.m.exporting = {};
    s.m.screen = Screen::Export;
}

void choose_export_months(Step& s, const intent::ChooseExportMonths& i) {
    s.m.export_period = choose_several(s.m.export_period, i.several);
    if (s.m.exporting.state != State::Working) s.m.exporting = {};
}

void move_export_month(Step& s, const intent::MoveExportMonth& i) {
    const YearMonth now = this_month(s);
    s.m.export_period = i.first_end ? move_first(s.m.export_period, i.delta, now) : move_last(s.m.export_period, i.delta, now);
    if (s.m.exporting.state != State::Working) s.m.exporting = {};
}

void export_sessions(Step& s, const intent::ExportSessions& i) {
    if (s.m.screen != Screen::Export || s.m.exporting.state == State::Working) return;
    s.m.exporting = {State::Working, {}};
    send(s, export_request(s.m.app_token, s.m.export_period, i.format, s.m.invoice), RequestKind::ExportSessions,
         export_file_name(s.m.export_period, i.format));
}

void on_export_answer(Step& s, HttpResponse r, std::string filename) {
    const bool pdf = filename.size() > 4 && filename.compare(filename.size() - 4, 4, ".pdf") == 0;
    if (!(pdf ? is_pdf(r) : is_csv(r))) {
        if (is_success(r.status)) r.status = 500;
        fail(s.m.exporting, r);
        return;
    }
    s.m.exporting = {State::Done, filename};
    offer_file(s, std::move(filename), pdf ? "application/pdf" : "text/csv", std::move(r.body));
}

}  // namespace core::detail

namespace core {

std::string invoice_problem_text(const Model& m, InvoiceField field) {
    if (!m.invoice_problem || m.invoice_problem->field != field) return {};
    const InvoiceCheck& c = *m.invoice_problem;
    switch (c.problem) {
        case InvoiceProblem::TooLong: {
            const size_t limit = c.field == InvoiceField::Address     ? kMaxInvoiceAddress
                                 : c.field == InvoiceField::VatNumber ? kMaxInvoiceVat
                                                                      : kMaxInvoiceName;
            return tr_format(Str::InvoiceTooLong, {std::to_string(limit)});
        }
        case InvoiceProblem::ControlCharacters: return tr(Str::InvoiceControls);
        case InvoiceProblem::TooManyLines: return tr(Str::InvoiceTooManyLines);
        case InvoiceProblem::Vat:
            switch (c.vat.problem) {
                case VatProblem::GreekUsesEl: return tr(Str::VatGreece);
                case VatProblem::UnknownCountry: return tr_format(Str::VatUnknownCountry, {c.vat.country});
                case VatProblem::WrongFormat: return tr_format(Str::VatWrongFormat, {c.vat.country});
                case VatProblem::NotVat:
                case VatProblem::None: break;
            }
            return tr(Str::VatNotVat);
        case InvoiceProblem::None: break;
    }
    return {};
}

}  // namespace core
