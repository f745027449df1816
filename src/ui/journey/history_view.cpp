// Past sessions, newest first: where, when, energy and what it cost; a tap opens the receipt.
#include <string>

#include "core/api/api.hpp"
#include "core/text/text.hpp"
#include "imgui.h"
#include "journey.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

void draw_history_screen(const core::Model& m, Intents& out) {
    if (top_bar(tr(Str::HistoryTitle), true)) out.push_back(core::intent::Back{});
    message_banner(m, out);
    if (m.history_loading && m.history.empty()) status_line(tr(Str::LoadingHistory));
    else if (m.history.empty()) text(tr(Str::NoHistory));
    ImGui::BeginChild("##history", ImVec2(0, 0), false);
    for (const core::SessionSummary& s : m.history) {
        ImGui::PushID(s.id.c_str());
        const std::string place = s.location_name.empty() ? s.evse_uid : s.location_name;
        const std::string when = s.start_time ? core::format_date_time(*s.start_time, m.utc_offset_minutes) : "";
        const std::string cost = s.total_costs ? core::format_money(*s.total_costs, s.currency)
                                               : core::session_status_text(core::SessionStatus{s.status, s.status_raw});
        const std::string label = core::tr_format(Str::HistoryRow, {place, when, core::format_energy(s.energy_kwh), cost});
        if (list_row(label)) out.push_back(core::intent::OpenPastSession{s.id});
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace ui
