// The receipt once the backend has the final record: total, VAT, what was charged for, where and
// when; printable and downloadable. The rows come from core/receipt_document, as the files do.
#include <string>

#include "core/api/api.hpp"
#include "core/pricing/pricing.hpp"
#include "imgui.h"
#include "receipt_note.hpp"
#include "journey.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

void draw_receipt_screen(const core::Model& m, Intents& out) {
    top_bar(tr(Str::ReceiptTitle), false);
    message_banner(m, out);
    if (!m.receipt) return;
    const core::SessionStatus& r = *m.receipt;
    status_line(core::session_status_text(r));
    draw_session_outcome(r, out);
    ImGui::PushTextWrapPos(0);
    for (const auto& row : core::receipt_rows(r)) {
        const std::string line = row.label + ": " + row.value;
        if (row.emphasis) heading(line);
        else text(line);
    }
    receipt_note_line();  // a deployment's line, e.g. "Charged to room 12"
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    if (button(tr(Str::ReceiptDownload), half)) out.push_back(core::intent::DownloadReceipt{});
    ImGui::SameLine();
    if (button(tr(Str::ReceiptPrint), half)) out.push_back(core::intent::PrintReceipt{});
    ImGui::Spacing();
    if (primary_button(tr(Str::Done))) out.push_back(core::intent::Finish{});
}

}  // namespace ui
