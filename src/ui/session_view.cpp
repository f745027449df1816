// The live session: where it stands, energy, power, time and cost so far, and Stop.
#include <algorithm>
#include <string>

#include "core/locale_format.hpp"
#include "core/labels.hpp"
#include "core/session_clock.hpp"
#include "imgui.h"
#include "running_cost_view.hpp"
#include "screens.hpp"
#include "theme.hpp"
#include "view_common.hpp"
#include "widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

namespace {

int64_t seconds_between(core::TimePoint a, core::TimePoint b) {
    return std::chrono::duration_cast<std::chrono::seconds>(b - a).count();
}

void value_row(Str label, const std::string& value) {
    text(std::string(tr(label)) + ": " + value);
}

}  // namespace

int draw_session_screen(const core::Model& m, core::TimePoint now, Intents& out) {
    top_bar(tr(Str::SessionTitle), false);
    message_banner(m, out);
    if (!m.session) return -1;
    const core::ActiveSession& s = *m.session;
    int redraw_ms = -1;

    if (!s.last) {
        status_line(tr(Str::SessionRequested));
    } else {
        const core::SessionStatus& st = *s.last;
        status_line(core::session_status_text(st));
        if (!st.error.empty()) text(st.error_message.empty() ? st.error : st.error_message);
        value_row(Str::Energy, core::format_energy(st.energy_kwh));
        value_row(Str::Power, core::format_power(st.power_kw));
        if (const auto elapsed = core::session_elapsed_seconds(s, now)) {
            value_row(Str::Elapsed, core::format_duration(*elapsed));
            if (!st.end_time) redraw_ms = 1000;
        }
        if (st.state_of_charge) value_row(Str::Battery, core::format_percent(*st.state_of_charge));
        if (st.total_costs) value_row(Str::CostSoFar, core::format_money(*st.total_costs, st.currency));
        draw_running_cost(m, now);
        if (s.last_update) {
            const int64_t age = std::max<int64_t>(0, seconds_between(*s.last_update, now));
            ImGui::PushStyleColor(ImGuiCol_Text, theme::kMuted);
            text(core::tr_format(Str::UpdatedAgo, {core::format_duration(age)}));
            ImGui::PopStyleColor();
            redraw_ms = 1000;
        }
    }
    ImGui::Spacing();
    const bool stopping = core::is_stopping(m);
    if (primary_button(stopping ? tr(Str::Stopping) : tr(Str::Stop), core::can_stop(m))) {
        out.push_back(core::intent::StopCharging{});
    }
    return redraw_ms;
}

}  // namespace ui
