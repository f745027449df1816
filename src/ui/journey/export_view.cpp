// The expense export from Past sessions: one month or several, stepped month by month (the core
// keeps the period within what the server takes), then Export CSV or Export PDF; where the export
// stands under the buttons. The invoice details go with it and can be changed from here.
#include <string>

#include "core/receipts/receipts.hpp"
#include "imgui.h"
#include "journey.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;
using State = core::ReceiptTask::State;

namespace {

// ‹ May 2026 ›, the month centred between its two buttons. `name` prefixes the buttons' names
// when two rows are shown ("From · Earlier month").
void month_stepper(const core::Model& m, bool first_end, const std::string& name, Intents& out) {
    const core::YearMonth shown = first_end ? m.export_period.first : m.export_period.last;
    const std::string prefix = name.empty() ? std::string() : name + " · ";
    const float touch = theme::touch();
    const float avail = ImGui::GetContentRegionAvail().x;
    const ImVec2 row = ImGui::GetCursorPos();
    ImGui::PushID(first_end ? "first" : "last");
    const core::ExportPeriod& p = m.export_period;
    const bool earlier = first_end ? core::can_move_first(p, -1, m.export_this_month) : core::can_move_last(p, -1, m.export_this_month);
    const bool later = first_end ? core::can_move_first(p, 1, m.export_this_month) : core::can_move_last(p, 1, m.export_this_month);
    if (icon_button(kIconChevronLeft, prefix + tr(Str::EarlierMonth), IconButtonStyle::Tonal, earlier))
        out.push_back(core::intent::MoveExportMonth{first_end, -1});
    const std::string month = core::format_month(shown.year, shown.month);
    const std::string label = name.empty() ? month : name + " · " + month;
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    // One row: the buttons at its ends, the month centred between them on the buttons' middle.
    ImGui::SetCursorPos(ImVec2(row.x + (avail - size.x) * 0.5f, row.y + (touch - size.y) * 0.5f));
    heading(label, theme::Type::Body);
    ImGui::SetCursorPos(ImVec2(row.x + avail - touch, row.y));
    if (icon_button(kIconChevronRight, prefix + tr(Str::LaterMonth), IconButtonStyle::Tonal, later))
        out.push_back(core::intent::MoveExportMonth{first_end, 1});
    ImGui::SetCursorPos(ImVec2(row.x, row.y + touch + ImGui::GetStyle().ItemSpacing.y));
    ImGui::Dummy(ImVec2(0, 0));
    ImGui::PopID();
}

}  // namespace

void draw_export_screen(const core::Model& m, Intents& out) {
    if (top_bar(tr(Str::ExportTitle), true)) out.push_back(core::intent::Back{});
    begin_body("##export", 0);
    ImGui::PushTextWrapPos(0);
    muted_text(tr(Str::ExportHint));
    ImGui::Spacing();
    ChipFlow kind;
    if (kind.chip(tr(Str::ExportOneMonth), !m.export_period.several)) out.push_back(core::intent::ChooseExportMonths{false});
    if (kind.chip(tr(Str::ExportMonths), m.export_period.several)) out.push_back(core::intent::ChooseExportMonths{true});
    ImGui::Spacing();
    if (m.export_period.several) {
        month_stepper(m, true, tr(Str::ExportFrom), out);
        month_stepper(m, false, tr(Str::ExportTo), out);
    } else {
        month_stepper(m, false, {}, out);
    }
    ImGui::Spacing();
    const auto invoice = core::invoice_to_lines(m.invoice);
    if (!invoice.empty()) {
        section_label(tr(Str::InvoiceTo));
        std::string all;
        for (const auto& line : invoice) all += (all.empty() ? "" : "\n") + line;
        text(all);
    }
    if (secondary_button(tr(invoice.empty() ? Str::AddInvoiceDetails : Str::EditInvoiceDetails)))
        out.push_back(core::intent::OpenInvoice{});
    ImGui::Spacing();
    const bool busy = m.exporting.state == State::Working;
    if (primary_button(tr(busy ? Str::Exporting : Str::ExportCsv), !busy))
        out.push_back(core::intent::ExportSessions{core::ExportFormat::Csv});
    if (secondary_button(tr(Str::ExportPdf), 0, !busy)) out.push_back(core::intent::ExportSessions{core::ExportFormat::Pdf});
    if (m.exporting.state == State::Done) status_line(core::tr_format(Str::ExportSaved, {m.exporting.detail}));
    if (m.exporting.state == State::Failed) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::colour(theme::Role::Danger));
        status_line(tr(Str::ExportNotMade));
        ImGui::PopStyleColor();
        text(m.exporting.detail);
    }
    ImGui::PopTextWrapPos();
    end_body();
}

}  // namespace ui
