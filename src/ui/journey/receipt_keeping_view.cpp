// What the receipt offers to keep it: the invoice details it is made out to, the PDF, the text
// copy and print, and the receipt by e-mail. Where each send or download stands comes from the
// core (Model::mail, Model::pdf); the address typed lives here until Send.
#include <string>

#include "core/receipts/receipts.hpp"
#include "imgui.h"
#include "receipt_keeping.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;
using State = core::ReceiptTask::State;

namespace {

// "Not sent — try again" in the danger colour, then why.
void refused(Str what, const std::string& why) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colour(theme::Role::Danger));
    status_line(tr(what));
    ImGui::PopStyleColor();
    if (!why.empty()) text(why);
}

void invoice_block(const core::Model& m, Intents& out) {
    const auto lines = core::invoice_to_lines(m.invoice);
    if (!lines.empty()) {
        section_label(tr(Str::InvoiceTo));
        std::string all;
        for (const auto& line : lines) all += (all.empty() ? "" : "\n") + line;
        text(all);
    }
    if (secondary_button(tr(lines.empty() ? Str::AddInvoiceDetails : Str::EditInvoiceDetails)))
        out.push_back(core::intent::OpenInvoice{});
}

void documents(const core::Model& m, Intents& out) {
    const bool making = m.pdf.state == State::Working;
    if (secondary_button(tr(making ? Str::PreparingPdf : Str::DownloadPdf), 0, !making))
        out.push_back(core::intent::DownloadReceiptPdf{});
    if (m.pdf.state == State::Failed) refused(Str::PdfNotMade, m.pdf.detail);
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    if (secondary_button(tr(Str::ReceiptDownload), half)) out.push_back(core::intent::DownloadReceipt{});
    ImGui::SameLine();
    if (secondary_button(tr(Str::ReceiptPrint), half)) out.push_back(core::intent::PrintReceipt{});
}

void mail_form(const core::Model& m, Intents& out) {
    static std::string address;  // typed; goes to the core with Send
    static int visit = -1;
    if (visit != m.receipt_visit) {  // a receipt opened anew: start from the kept address, if any
        visit = m.receipt_visit;
        address = !m.kept_email.empty() ? m.kept_email : m.mail_when_ready;
    }
    section_label(tr(Str::MailTitle));
    const bool entered = text_field(tr(Str::EmailAddress), address, tr(Str::EmailPlaceholder));
    ChipFlow remember;
    if (remember.chip(tr(Str::RememberAddress), m.remember_email))
        out.push_back(core::intent::RememberEmail{!m.remember_email});
    const bool sending = m.mail.state == State::Working;
    if ((secondary_button(tr(sending ? Str::SendingReceipt : Str::SendReceipt), 0, !sending) || entered) && !sending)
        out.push_back(core::intent::SendReceiptMail{address});
    if (m.mail.state == State::Done) status_line(core::tr_format(Str::SentTo, {m.mail.detail}));
    if (m.mail.state == State::Failed) refused(Str::NotSent, m.mail.detail);
}

}  // namespace

void draw_receipt_keeping(const core::Model& m, Intents& out) {
    ImGui::PushTextWrapPos(0);
    invoice_block(m, out);
    ImGui::Spacing();
    documents(m, out);
    ImGui::Spacing();
    mail_form(m, out);
    ImGui::PopTextWrapPos();
}

}  // namespace ui
