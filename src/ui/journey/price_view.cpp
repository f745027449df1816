// The price screen: where (the place and the charger), the price per kWh large, every other
// component with when it applies, VAT and the estimate quiet, the payment methods as cards to
// choose from, and Start at the bottom, always in view.
#include <string>

#include "core/api/api.hpp"
#include "core/pricing/pricing.hpp"
#include "core/text/text.hpp"
#include "imgui.h"
#include "journey.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

namespace {

// "€0.35 per minute from 2 h": the price and, when it does not always apply, when it does.
std::string line_text(const core::PriceLine& line) {
    std::string row = core::price_line_text(line);
    if (!line.restriction.empty()) row += " " + line.restriction;
    return row;
}

void draw_tariff(const core::Tariff& tariff, double power_kw) {
    const auto lines = core::price_lines(tariff);
    if (core::is_free(tariff) || lines.empty()) {
        display_figure({}, tr(Str::Free), {}, tr(Str::Free));
    } else {
        // The first line in AFIR order is the headline: per kWh where there is an energy price.
        const core::PriceLine& first = lines.front();
        std::string unit = tr(first.label);
        if (!first.restriction.empty()) unit += " " + first.restriction;
        display_figure({}, core::format_unit_price(first.amount, first.currency), unit, line_text(first));
    }
    ImGui::PushTextWrapPos(0);
    for (size_t i = 1; i < lines.size(); ++i) text(line_text(lines[i]));
    ImGui::Spacing();
    muted_text(core::vat_statement(tariff));
    muted_text(core::estimate_text(tariff, power_kw));
    ImGui::PopTextWrapPos();
}

// "Verified · can be used here", "Checking your card… · price known once the card is verified".
std::string payment_detail(const core::WalletTariffItem& item) {
    std::string detail;
    const Str state = core::verification_label(item.payment_method.verification);
    // A refused card: its state says it all (the reason is written out under it).
    if (item.payment_method.verification == core::VerificationStatus::Invalid) return tr(state);
    if (state != Str::None) detail = tr(state);
    if (!detail.empty()) detail += " · ";
    detail += tr(core::payment_reason(item));
    return detail;
}

// The height the reason above Start takes when wrapped to the window's width.
float reason_height(const char* reason) {
    const float width = ImGui::GetContentRegionAvail().x;
    return ImGui::CalcTextSize(reason, nullptr, false, width).y + ImGui::GetStyle().ItemSpacing.y;
}

}  // namespace

void draw_price_screen(const core::Model& m, Intents& out) {
    const core::Evse* evse = core::chosen_evse(m);
    const core::Connector* connector = core::chosen_connector(m);
    const char* title = m.location ? m.location->name.c_str() : tr(Str::PriceTitle);
    if (top_bar(title, true)) out.push_back(core::intent::Back{});
    message_banner(m, out);

    // Why Start is off, right above it: "Start is possible as soon as your card is checked."
    const Str blocker = core::start_blocker(m);
    const float reason_h = blocker == Str::None ? 0.0f : reason_height(tr(blocker));
    begin_body("##price", footer_height(1) + reason_h);
    if (evse && connector) {
        ImGui::PushTextWrapPos(0);
        muted_text(core::tr_format(Str::ChargerLine, {core::evse_name(*evse), connector_text(*connector)}));
        ImGui::PopTextWrapPos();
    }
    ImGui::Spacing();

    const core::WalletTariffItem* chosen = core::chosen_tariff_item(m);
    const core::Tariff* tariff = chosen && chosen->tariff ? &*chosen->tariff : nullptr;
    // The price for the chosen payment method when known, else the connector's published price.
    if (!tariff && m.default_tariff) tariff = &*m.default_tariff;
    const bool loading = m.tariffs_loading || m.default_tariff_loading;
    if (tariff) draw_tariff(*tariff, connector ? connector->kw : 0);
    else if (loading) status_line(tr(Str::LoadingPrice));
    else status_line(tr(m.tariffs_failed ? Str::ErrorPrice : Str::PriceUnknown));

    ImGui::Spacing();
    ImGui::Spacing();
    heading(tr(Str::PayWith));
    if (m.tariffs.empty() && !m.tariffs_loading && !m.tariffs_failed) {
        ImGui::PushTextWrapPos(0);
        text(tr(Str::NoPaymentMethod));
        ImGui::PopTextWrapPos();
    }
    for (const auto& item : m.tariffs) {
        ImGui::PushID(item.payment_method.id.c_str());
        const bool selected = item.payment_method.id == m.chosen_payment_method_id;
        // A card being checked can be chosen: Start waits for it and says so.
        if (choice_card(core::payment_method_label(item.payment_method), payment_detail(item), selected,
                        core::payment_usable(item) || core::payment_pending(item)))
            out.push_back(core::intent::ChoosePaymentMethod{item.payment_method.id});
        // A card its issuer refused: said plainly, with the way out beside it.
        if (item.payment_method.verification == core::VerificationStatus::Invalid) {
            ImGui::PushTextWrapPos(0);
            muted_text(tr(Str::CardInvalidExplain));
            ImGui::PopTextWrapPos();
            if (secondary_button(tr(Str::RemoveCard), 0, !m.wallet_busy))
                out.push_back(core::intent::RemovePaymentMethod{item.payment_method.id});
        }
        ImGui::PopID();
    }
    // icon: add (a plus before the words)
    if (secondary_button(tr(Str::AddCard))) out.push_back(core::intent::OpenAddCard{});
    end_body();

    if (blocker != Str::None) {
        ImGui::PushTextWrapPos(0);
        status_line(tr(blocker));
        ImGui::PopTextWrapPos();
    }
    const char* start_label = m.start_in_flight || m.start_marker ? tr(Str::Starting) : tr(Str::Start);
    if (primary_button(start_label, core::can_start(m))) out.push_back(core::intent::StartCharging{});
}

}  // namespace ui
