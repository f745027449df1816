// The receipt once the backend has the final record: the total large, what it was charged to,
// the cost lines in the price screen's order with amounts right-aligned, VAT, then where and when;
// then what keeps it (receipt_keeping_view.cpp: invoice details, PDF, text, print, e-mail), Done at the bottom. The rows come from core/receipt_document, as the
// files do. A session that did not run gets its outcome instead (outcome_view.cpp).
#include <string>

#include "core/api/api.hpp"
#include "core/pricing/pricing.hpp"
#include "core/session/session.hpp"
#include "imgui.h"
#include "receipt_keeping.hpp"
#include "receipt_note.hpp"
#include "journey.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;
using Kind = core::ReceiptRow::Kind;

void draw_receipt_screen(const core::Model& m, Intents& out) {
    if (m.receipt) {
        if (const auto outcome = core::session_outcome(*m.receipt)) {
            draw_outcome_screen(m, *m.receipt, *outcome, out);
            return;
        }
    }
    top_bar(tr(Str::ReceiptTitle), false);
    message_banner(m, out);
    if (!m.receipt) return;
    const core::SessionStatus& r = *m.receipt;
    const auto rows = core::receipt_rows(r, core::receipt_context(m));

    begin_body("##receipt", footer_height(1));
    ImGui::PushTextWrapPos(0);
    for (const auto& row : rows) {
        if (row.kind == Kind::Total) {
            const std::string name = row.label + ": " + row.value;
            if (r.total_costs) display_figure(row.label, row.value, {}, name, a11y::Role::Heading);
            else heading(name);  // not known yet: words, not a figure
        } else if (row.kind == Kind::Charged && receipt_note_text().empty()) {
            text(row.label);
        }
    }
    // A deployment's own words for it ("Charged to room 12") stand in for the payment method's.
    if (!receipt_note_text().empty()) text(receipt_note_text());
    // An end with something to say beyond the bill (the charger reported an error after charging).
    const core::Explanation why = core::explain(r);
    if (why.what != Str::None && (r.status == core::SessionStatusCode::Error || !r.error.empty()))
        muted_text(tr(why.what));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();

    if (begin_amounts("##costs")) {
        for (const auto& row : rows)
            if (row.kind == Kind::Cost || row.kind == Kind::Vat) amount_row(row.label, row.value, row.note);
        end_amounts();
    }
    ImGui::Spacing();
    if (begin_facts("##facts")) {
        for (const auto& row : rows)
            if (row.kind == Kind::Fact) fact_row(row.label, row.value);
        end_facts();
    }
    ImGui::Spacing();
    draw_receipt_keeping(m, out);
    end_body();

    if (primary_button(tr(Str::Done))) out.push_back(core::intent::Finish{});
}

}  // namespace ui
