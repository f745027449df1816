// The live session: a timeline of where it stands, what that means, energy, power, time and cost
// so far, how fresh the figures are, Stop (or Cancel before charging), and any other sessions.
#include <algorithm>
#include <string>

#include "core/api/api.hpp"
#include "core/session/session.hpp"
#include "core/text/text.hpp"
#include "imgui.h"
#include "running_cost_view.hpp"
#include "journey.hpp"
#include "ui/widgets/widgets.hpp"

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

void muted(const std::string& line) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colour(theme::Role::OnSurfaceMuted));
    text(line);
    ImGui::PopStyleColor();
}

void timeline(const core::ActiveSession& s) {
    for (const core::TimelineStep& step : core::session_timeline(s)) {
        const Str form = step.state == core::StepState::Done  ? Str::StepDone
                         : step.state == core::StepState::Now ? Str::StepNow
                                                              : Str::StepToCome;
        const std::string line = core::tr_format(form, {tr(step.label)});
        if (step.state == core::StepState::Now) {
            ImGui::PushStyleColor(ImGuiCol_Text, theme::colour(theme::Role::Primary));
            text(line);
            ImGui::PopStyleColor();
        } else {
            muted(line);
        }
    }
}

// The other running sessions, each with Show and Stop.
void other_sessions(const core::Model& m, const core::ActiveSession& shown, Intents& out) {
    if (m.sessions.size() < 2) return;
    ImGui::Separator();
    heading(tr(Str::OtherSessions));
    for (const core::ActiveSession& s : m.sessions) {
        if (s.id == shown.id) continue;
        const std::string status = s.last ? core::session_status_text(*s.last) : tr(Str::SessionRequested);
        const std::string place = s.evse_uid.empty() ? s.id : s.evse_uid;
        ImGui::PushID(s.id.c_str());
        text(core::tr_format(Str::SessionAt, {place, status}));
        if (button(tr(Str::ShowSession), theme::px(120))) out.push_back(core::intent::ShowSession{s.id});
        ImGui::SameLine();
        const Str stop = core::is_stopping(s) ? (core::is_cancel(s) ? Str::Cancelling : Str::Stopping)
                                              : (core::is_cancel(s) ? Str::CancelStart : Str::Stop);
        if (button(tr(stop), theme::px(200), core::can_stop(s))) out.push_back(core::intent::StopCharging{s.id});
        ImGui::PopID();
    }
}

}  // namespace

int draw_session_screen(const core::Model& m, core::TimePoint now, Intents& out) {
    top_bar(tr(Str::SessionTitle), false);
    message_banner(m, out);
    const core::ActiveSession* shown = core::shown_session(m);
    if (shown == nullptr) return -1;
    const core::ActiveSession& s = *shown;
    int redraw_ms = 1000;  // time, "updated N s ago" and the cable countdown move by themselves

    ImGui::PushTextWrapPos(0);
    status_line(s.last ? core::session_status_text(*s.last) : tr(Str::SessionRequested));
    const core::Explanation why = s.last ? core::explain(*s.last) : core::Explanation{Str::WhyRequested};
    if (why.what != Str::None) text(tr(why.what));
    if (s.last && !s.last->error_message.empty()) muted(s.last->error_message);
    if (const auto left = core::cable_wait_left(s, now)) {
        const int64_t secs = std::chrono::duration_cast<std::chrono::seconds>(*left).count();
        text(secs > 0 ? core::tr_format(Str::CableWait, {core::format_duration(secs)}) : tr(Str::CableWaitOver));
    }
    if (s.last) {
        const core::SessionStatus& st = *s.last;
        value_row(Str::Energy, core::format_energy(st.energy_kwh));
        value_row(Str::Power, core::format_power(st.power_kw));
        if (const auto elapsed = core::session_elapsed_seconds(s, now)) {
            value_row(Str::Elapsed, core::format_duration(*elapsed));
        }
        if (st.state_of_charge) value_row(Str::Battery, core::format_percent(*st.state_of_charge));
        if (st.total_costs) value_row(Str::CostSoFar, core::format_money(*st.total_costs, st.currency));
        draw_running_cost(s, now);
    }
    if (s.last_update) {
        const int64_t age = std::max<int64_t>(0, seconds_between(*s.last_update, now));
        muted(core::tr_format(Str::UpdatedAgo, {core::format_duration(age)}));
    }
    if (core::is_stale(s, now)) status_line(tr(Str::StaleData));
    ImGui::PopTextWrapPos();

    ImGui::Spacing();
    const bool cancel = core::is_cancel(s);
    const Str label = core::is_stopping(s) ? (cancel ? Str::Cancelling : Str::Stopping) : (cancel ? Str::CancelStart : Str::Stop);
    if (primary_button(tr(label), core::can_stop(s))) out.push_back(core::intent::StopCharging{s.id});

    ImGui::Spacing();
    timeline(s);
    other_sessions(m, s, out);
    return redraw_ms;
}

}  // namespace ui
