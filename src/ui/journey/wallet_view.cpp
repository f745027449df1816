// The wallet: each payment method on a card with its verification state, the default one
// highlighted and said so, Remove in the danger style; a payment reference can be added (hotel
// room bill, payment provider), and a charge card, the screen's main action, from the footer.
#include <string>

#include "core/api/api.hpp"
#include "imgui.h"
#include "journey.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

void draw_wallet_screen(const core::Model& m, Intents& out) {
    static std::string reference;  // the external reference being typed
    static size_t wallet_size_seen = 0;
    if (m.wallet.size() > wallet_size_seen) reference.clear();  // it went in: blank next time
    wallet_size_seen = m.wallet.size();

    if (top_bar(tr(Str::WalletTitle), true)) out.push_back(core::intent::Back{});
    message_banner(m, out);
    begin_body("##wallet", footer_height(1));
    if (m.wallet.empty()) text(tr(Str::NoPaymentMethods));
    for (const core::PaymentMethod& p : m.wallet) {
        const bool is_default = p.id == m.default_payment_method_id;
        const std::string label = core::payment_method_label(p);
        std::string detail;
        const Str verification = core::verification_label(p.verification);
        if (verification != Str::None) detail = tr(verification);
        if (is_default) detail += (detail.empty() ? "" : " · ") + std::string(tr(Str::DefaultHint));
        begin_card(p.id.c_str(), is_default);
        two_line_text(label, detail, detail.empty() ? label : label + " · " + detail);
        ImGui::Spacing();
        // The default needs no button to become it; the card says it is.
        if (!is_default) {
            const float make_w = button_width(tr(Str::MakeDefault));
            const bool fits = make_w + ImGui::GetStyle().ItemSpacing.x + button_width(tr(Str::Remove)) <= card_avail();
            if (secondary_button(tr(Str::MakeDefault), make_w)) out.push_back(core::intent::SetDefaultPayment{p.id});
            if (fits) ImGui::SameLine();
        }
        // icon: delete
        if (danger_button(tr(Str::Remove), button_width(tr(Str::Remove)), !m.wallet_busy))
            out.push_back(core::intent::RemovePaymentMethod{p.id});
        end_card();
        ImGui::Spacing();
    }
    ImGui::Spacing();
    const bool entered = text_field(tr(Str::ExternalMethod), reference, tr(Str::ExternalHint));
    if ((secondary_button(tr(Str::AddExternal), 0, !m.wallet_busy && !reference.empty()) || entered) && !reference.empty())
        out.push_back(core::intent::AddExternalMethod{reference});
    end_body();

    // icon: add
    if (primary_button(tr(Str::AddCard))) out.push_back(core::intent::OpenAddCard{});
}

}  // namespace ui
