// Adding a charge card by the number printed on it, typed on the phone's keyboard.
#include <string>

#include "imgui.h"
#include "journey.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

void draw_add_card_screen(const core::Model& m, Intents& out) {
    static std::string number;  // what the driver is typing; only the view needs it until Save
    static size_t wallet_size_seen = 0;
    if (m.wallet.size() > wallet_size_seen) number.clear();  // the card went in: start blank next time
    wallet_size_seen = m.wallet.size();
    if (top_bar(tr(Str::AddCard), true)) out.push_back(core::intent::Back{});
    message_banner(m, out);
    ImGui::PushTextWrapPos(0);
    text(tr(Str::CardNumberHint));
    ImGui::PopTextWrapPos();
    const bool entered = text_field(tr(Str::CardNumber), number, tr(Str::CardNumberPlaceholder));
    const bool busy = m.card_adding;
    if ((primary_button(busy ? tr(Str::Saving) : tr(Str::Save), !busy && !number.empty()) || (entered && !busy)) &&
        !number.empty()) {
        out.push_back(core::intent::AddChargeCard{number});
    }
    for (const auto& pm : m.wallet) text(pm.card_hint.empty() ? pm.external_id : pm.card_hint);
}

}  // namespace ui
