// Adding a charge card by the number printed on it: laid out as printed while it is typed, Save
// only once it is a number the service takes. The core decides both; this screen only draws.
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

    begin_body("##add_card", 0);
    ImGui::PushTextWrapPos(0);
    text(tr(Str::CardNumberHint));
    ImGui::PopTextWrapPos();
    const bool entered = formatted_text_field(tr(Str::CardNumber), number, tr(Str::CardNumberPlaceholder),
                                              core::format_card_number);
    const bool plausible = core::card_number_plausible(number);
    if (!number.empty() && !plausible) {
        ImGui::PushTextWrapPos(0);
        muted_text(tr(Str::CardNumberKeepTyping));
        ImGui::PopTextWrapPos();
    }
    ImGui::Spacing();
    const bool busy = m.card_adding;
    // Save sits under the field, not in a footer: with the keyboard up it is the next thing in view.
    if ((primary_button(busy ? tr(Str::Saving) : tr(Str::Save), !busy && plausible) || (entered && !busy)) && plausible)
        out.push_back(core::intent::AddChargeCard{number});
    end_body();
}

}  // namespace ui
