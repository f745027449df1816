// The receipt once the backend has the final record: total, VAT, what was charged for.
#include <string>

#include "core/labels.hpp"
#include "core/locale_format.hpp"
#include "imgui.h"
#include "screens.hpp"
#include "theme.hpp"
#include "view_common.hpp"
#include "widgets.hpp"

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
    if (r.total_costs) {
        heading(std::string(tr(Str::Total)) + ": " + core::format_money(*r.total_costs, r.currency));
        if (r.total_vat) {
            std::string vat = std::string(tr(Str::VatAmount)) + ": " + core::format_money(*r.total_vat, r.currency);
            if (r.vat_percent) vat += " (" + core::format_percent(*r.vat_percent) + ")";
            text(vat);
        }
    } else {
        text(tr(Str::NoCostsYet));
    }
    text(std::string(tr(Str::Energy)) + ": " + core::format_energy(r.energy_kwh));
    if (r.start_time && r.end_time) {
        const auto secs = std::chrono::duration_cast<std::chrono::seconds>(*r.end_time - *r.start_time).count();
        text(std::string(tr(Str::Elapsed)) + ": " + core::format_duration(secs));
    }
    for (const auto& line : r.cost_breakdown) {
        text(line.dimension + " · " + core::format_number(line.quantity) + " " + line.unit + " × " +
             core::format_unit_price(line.unit_price, r.currency) + " = " + core::format_money(line.cost, r.currency));
    }
    if (!r.receipt_number.empty()) text(std::string(tr(Str::ReceiptNumber)) + ": " + r.receipt_number);
    ImGui::Spacing();
    if (primary_button(tr(Str::Done))) out.push_back(core::intent::Finish{});
}

}  // namespace ui
