// The driver's invoice details (name, company, VAT number, address), kept on this phone and
// printed on receipts: typed here, checked by the core on Save, which says what is wrong under
// the field it is about.
#include <string>

#include "core/receipts/receipts.hpp"
#include "imgui.h"
#include "journey.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

namespace {

void problem_under(const core::Model& m, core::InvoiceField field) {
    const std::string problem = core::invoice_problem_text(m, field);
    if (problem.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colour(theme::Role::Danger));
    status_line(problem);
    ImGui::PopStyleColor();
}

}  // namespace

void draw_invoice_screen(const core::Model& m, Intents& out) {
    static core::InvoiceDetails typed;  // what the driver is typing; the core keeps it on Save
    static int last_frame = -2;
    if (ImGui::GetFrameCount() - last_frame > 1) typed = m.invoice;  // the screen was just opened
    last_frame = ImGui::GetFrameCount();

    if (top_bar(tr(Str::InvoiceTitle), true)) out.push_back(core::intent::Back{});
    begin_body("##invoice", 0);
    ImGui::PushTextWrapPos(0);
    muted_text(tr(Str::InvoiceHint));
    using F = core::InvoiceField;
    bool entered = text_field(tr(Str::InvoiceName), typed.name);
    problem_under(m, F::Name);
    entered |= text_field(tr(Str::InvoiceCompany), typed.company);
    problem_under(m, F::Company);
    entered |= text_field(tr(Str::InvoiceVat), typed.vat_number, tr(Str::InvoiceVatPlaceholder));
    problem_under(m, F::VatNumber);
    entered |= text_field(tr(Str::InvoiceAddress), typed.address, tr(Str::InvoiceAddressPlaceholder));
    problem_under(m, F::Address);
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    // Save under the fields, not in a footer: with the keyboard up it is the next thing in view.
    if (primary_button(tr(Str::Save)) || entered) out.push_back(core::intent::SaveInvoice{typed});
    end_body();
}

}  // namespace ui
