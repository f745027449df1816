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

namespace {

ChipTone history_tone(core::SessionStatusCode s) {
    using S = core::SessionStatusCode;
    switch (s) {
        case S::Rejected: case S::Timeout: case S::Error: return ChipTone::Bad;
        case S::Requested: case S::Starting: case S::Charging: case S::Parking: case S::Stopping: return ChipTone::Good;
        default: return ChipTone::Quiet;
    }
}

}  // namespace

void draw_history_screen(const core::Model& m, Intents& out) {
    if (top_bar(tr(Str::HistoryTitle), true)) out.push_back(core::intent::Back{});
    message_banner(m, out);
    if (m.history_loading && m.history.empty()) status_line(tr(Str::LoadingHistory));
    else if (m.history.empty()) {
        heading(tr(Str::NoHistory));
        text(tr(Str::NoHistoryHint));
    }
    ImGui::BeginChild("##history", ImVec2(0, 0), false);
    for (const core::SessionSummary& s : m.history) {
        ImGui::PushID(s.id.c_str());
        const std::string place = s.location_name.empty() ? s.evse_uid : s.location_name;
        const std::string when = s.start_time ? core::format_date_time(*s.start_time, m.utc_offset_minutes) : "";
        const std::string energy = core::format_energy(s.energy_kwh);
        const std::string status = core::session_status_text(core::SessionStatus{s.status, s.status_raw});
        const std::string cost = s.total_costs ? core::format_money(*s.total_costs, s.currency) : status;
        const std::string label = core::tr_format(Str::HistoryRow, {place, when, energy, cost});
        const std::string detail = when.empty() ? energy : when + " · " + energy;
        // A total on the right; a session without one (refused, failed, still running) says its state in a chip.
        bool tapped = false;
        if (s.total_costs) tapped = amount_row(label, place, detail, cost);
        else tapped = place_row(label, place, detail, status, history_tone(s.status));
        if (tapped) out.push_back(core::intent::OpenPastSession{s.id});
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace ui
