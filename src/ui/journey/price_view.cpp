// The price screen: every price component before a single kWh flows, the payment choice, Start.
#include <string>

#include "core/text/text.hpp"
#include "core/api/api.hpp"
#include "core/pricing/pricing.hpp"
#include "imgui.h"
#include "journey.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

namespace {

const char* verification_text(const core::PaymentMethod& pm) { return tr(core::verification_label(pm.verification)); }

// "** 2836 · Verified · can be used here": the card, its state, and why it can or cannot pay here.
std::string payment_label(const core::WalletTariffItem& item) {
    const auto& pm = item.payment_method;
    std::string label = !pm.display_name.empty() ? pm.display_name : pm.card_hint.empty() ? pm.external_id : pm.card_hint;
    if (label.empty()) label = pm.id;
    label += " · ";
    label += verification_text(pm);
    label += " · ";
    label += tr(core::payment_reason(item));
    return label;
}

void draw_tariff(const core::Tariff& tariff, double power_kw) {
    ImGui::PushTextWrapPos(0);
    const auto lines = core::price_lines(tariff);
    if (core::is_free(tariff)) text(tr(Str::Free));
    for (const auto& line : lines) {
        std::string row = core::price_line_text(line);
        if (!line.restriction.empty()) row += " (" + line.restriction + ")";
        text(row);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colour(theme::Role::OnSurfaceMuted));
    text(core::vat_statement(tariff));
    ImGui::PopStyleColor();
    text(core::estimate_text(tariff, power_kw));
    ImGui::PopTextWrapPos();
}

}  // namespace

void draw_price_screen(const core::Model& m, Intents& out) {
    if (top_bar(tr(Str::PriceTitle), true)) out.push_back(core::intent::Back{});
    message_banner(m, out);
    const core::Evse* evse = core::chosen_evse(m);
    const core::Connector* connector = core::chosen_connector(m);
    if (m.location && evse && connector) {
        ImGui::PushTextWrapPos(0);
        text(m.location->name + " · " + (evse->display_name.empty() ? evse->uid : evse->display_name));
        text(connector_text(*connector));
        ImGui::PopTextWrapPos();
    }
    ImGui::Separator();

    const core::WalletTariffItem* chosen = core::chosen_tariff_item(m);
    const core::Tariff* tariff = chosen && chosen->tariff ? &*chosen->tariff : nullptr;
    // The price for the chosen payment method when known, else the connector's published price.
    if (!tariff && m.default_tariff) tariff = &*m.default_tariff;
    const bool loading = m.tariffs_loading || m.default_tariff_loading;
    if (tariff) draw_tariff(*tariff, connector ? connector->kw : 0);
    else if (loading) status_line(tr(Str::LoadingPrice));
    else status_line(tr(Str::PriceUnknown));

    ImGui::Separator();
    heading(tr(Str::PayWith));
    if (m.tariffs.empty() && !m.tariffs_loading) text(tr(Str::NoPaymentMethod));
    for (const auto& item : m.tariffs) {
        const bool selected = item.payment_method.id == m.chosen_payment_method_id;
        const bool usable = core::payment_usable(item);
        if (list_row(payment_label(item), selected, usable)) {
            out.push_back(core::intent::ChoosePaymentMethod{item.payment_method.id});
        }
    }
    if (button(tr(Str::AddCard))) out.push_back(core::intent::OpenAddCard{});
    ImGui::Spacing();
    const char* start_label = m.start_in_flight || m.start_marker ? tr(Str::Starting) : tr(Str::Start);
    if (primary_button(start_label, core::can_start(m))) out.push_back(core::intent::StartCharging{});
}

}  // namespace ui
