// The running session one tap away from anywhere: a bar at the bottom of every other screen,
// "Charging at Marga · €4.08", that opens the session screen.
#include <string>

#include "core/pricing/pricing.hpp"
#include "core/session/session.hpp"
#include "core/text/text.hpp"
#include "imgui.h"
#include "journey.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

namespace {

bool bar_shown(const core::Model& m) {
    return !m.sessions.empty() && m.screen != core::Screen::Session && m.screen != core::Screen::Scan;
}

}  // namespace

float session_bar_height(const core::Model& m) {
    return bar_shown(m) ? theme::touch() + theme::space(theme::Space::S) * 2 : 0;
}

void draw_session_bar(const core::Model& m, core::TimePoint now, Intents& out) {
    if (!bar_shown(m)) return;
    const core::ActiveSession& s = *core::shown_session(m);
    const std::string place = !s.place_name.empty() ? s.place_name : !s.evse_uid.empty() ? s.evse_uid : tr(Str::SessionTitle);
    std::string cost;
    if (s.last && s.last->total_costs) cost = core::format_money(*s.last->total_costs, s.last->currency);
    else if (s.last && s.tariff)
        if (const auto c = core::running_cost(*s.tariff, *s.last, now)) cost = "≈ " + core::format_money(*c, s.tariff->currency);
    const std::string label = cost.empty() ? core::tr_format(Str::SessionBarNoCost, {place})
                                           : core::tr_format(Str::SessionBar, {place, cost});
    a11y::next_key("session-bar");  // its cost changes while it is held
    if (primary_button(label, true, kIconBolt)) out.push_back(core::intent::ShowSession{s.id});
}

}  // namespace ui
