// The wallet: every payment method with its verification status, the default, Remove, a new
// charge card, and an external payment reference (hotel room bill, payment provider).
#include <string>

#include "core/api/api.hpp"
#include "imgui.h"
#include "journey.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

namespace {

std::string method_name(const core::PaymentMethod& p) {
    if (!p.display_name.empty()) return p.display_name;
    if (p.type == "EXTERNAL" || (p.card_hint.empty() && !p.external_id.empty()))
        return core::tr_format(Str::ExternalLabel, {p.external_id});
    return p.card_hint.empty() ? p.id : p.card_hint;
}

}  // namespace

void draw_wallet_screen(const core::Model& m, Intents& out) {
    static std::string reference;  // the external reference being typed
    static size_t wallet_size_seen = 0;
    if (m.wallet.size() > wallet_size_seen) reference.clear();  // it went in: blank next time
    wallet_size_seen = m.wallet.size();

    if (top_bar(tr(Str::WalletTitle), true)) out.push_back(core::intent::Back{});
    message_banner(m, out);
    if (m.wallet.empty()) text(tr(Str::NoPaymentMethods));
    for (const core::PaymentMethod& p : m.wallet) {
        ImGui::PushID(p.id.c_str());
        std::string line = method_name(p);
        const Str verification = core::verification_label(p.verification);
        if (verification != Str::None) line += std::string(" · ") + tr(verification);
        const bool is_default = p.id == m.default_payment_method_id;
        if (is_default) line += std::string(" · ") + tr(Str::DefaultMethod);
        text(line);
        if (button(tr(Str::MakeDefault), theme::px(180), !is_default))
            out.push_back(core::intent::SetDefaultPayment{p.id});
        ImGui::SameLine();
        if (button(tr(Str::Remove), theme::px(140), !m.wallet_busy))
            out.push_back(core::intent::RemovePaymentMethod{p.id});
        ImGui::Separator();
        ImGui::PopID();
    }
    ImGui::Spacing();
    if (button(tr(Str::AddCard))) out.push_back(core::intent::OpenAddCard{});
    ImGui::Spacing();
    const bool entered = text_field(tr(Str::ExternalMethod), reference, tr(Str::ExternalHint));
    if ((button(tr(Str::AddExternal), 0, !m.wallet_busy && !reference.empty()) || entered) && !reference.empty())
        out.push_back(core::intent::AddExternalMethod{reference});
}

}  // namespace ui
