// The live session: where (place and charger) at the top, energy and cost so far as large figures
// with power and time beside them, a stepper of where the session stands, how fresh the figures
// are, and Stop at the bottom, danger-styled, asking once before it stops. Other running sessions
// below, each with Show and Stop.
#include <algorithm>
#include <string>

#include "core/api/api.hpp"
#include "core/pricing/pricing.hpp"
#include "core/session/session.hpp"
#include "core/text/text.hpp"
#include "imgui.h"
#include "running_cost_view.hpp"
#include "journey.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;
using theme::Role;

namespace {

int64_t seconds_between(core::TimePoint a, core::TimePoint b) {
    return std::chrono::duration_cast<std::chrono::seconds>(b - a).count();
}

void steps(const core::ActiveSession& s) {
    std::vector<StepperItem> items;
    std::vector<std::string> spoken;
    for (const core::TimelineStep& step : core::session_timeline(s)) {
        using State = StepperItem::State;
        const State state = step.state == core::StepState::Done  ? State::Done
                            : step.state == core::StepState::Now ? State::Now
                                                                 : State::ToCome;
        items.push_back({tr(step.label), state});
        const Str form = state == State::Done ? Str::StepDone : state == State::Now ? Str::StepNow : Str::StepToCome;
        spoken.push_back(core::tr_format(form, {tr(step.label)}));
    }
    stepper(items, spoken);
}

// The cost so far: the backend's figure when it gives one, else the engine's estimate ("≈ €4.08").
std::string cost_so_far(const core::ActiveSession& s, core::TimePoint now) {
    if (!s.last) return {};
    if (s.last->total_costs) return core::format_money(*s.last->total_costs, s.last->currency);
    if (!s.tariff) return {};
    const auto cost = core::running_cost(*s.tariff, *s.last, now);
    return cost ? "≈ " + core::format_money(*cost, s.tariff->currency) : std::string();
}

void figures(const core::ActiveSession& s, core::TimePoint now) {
    const core::SessionStatus& st = *s.last;
    begin_card("##figures");
    const float gap = theme::space(theme::Space::M);
    const float half = (card_avail() - gap) * 0.5f;
    const float left = ImGui::GetCursorPosX();
    // Two figures share a row when each fits its half; with large text on a narrow phone the
    // second goes under the first instead of over it.
    auto beside = [&](std::string_view a_caption, std::string_view a, std::string_view b_caption, std::string_view b,
                      theme::Type type) {
        if (figure_width(a_caption, a, type) <= half && figure_width(b_caption, b, type) <= half)
            ImGui::SameLine(left + half + gap);
    };
    const std::string energy = core::format_energy(st.energy_kwh);
    figure(tr(Str::Energy), energy);
    const std::string cost = cost_so_far(s, now);
    if (!cost.empty()) {
        beside(tr(Str::Energy), energy, tr(Str::CostSoFar), cost, theme::Type::Display);
        figure(tr(Str::CostSoFar), cost, theme::Type::Display, tr(Str::CostSoFar) + std::string(" ") + cost);
    }
    ImGui::Dummy(ImVec2(0, theme::space(theme::Space::XS)));
    const std::string power = core::format_power(st.power_kw);
    figure(tr(Str::Power), power, theme::Type::Title);
    if (const auto elapsed = core::session_elapsed_seconds(s, now)) {
        const std::string time = core::format_duration(*elapsed);
        beside(tr(Str::Power), power, tr(Str::Elapsed), time, theme::Type::Title);
        figure(tr(Str::Elapsed), time, theme::Type::Title);
    }
    if (st.state_of_charge) figure(tr(Str::Battery), core::format_percent(*st.state_of_charge), theme::Type::Title);
    end_card();
}

// Smart charging: what the charger does with the power, and "Charge now at full power" while it
// holds back, with where that request stands.
void smart_charging_block(const core::ActiveSession& s, Intents& out) {
    if (!s.last) return;
    const core::SmartCharging state = core::smart_charging(*s.last);
    if (state == core::SmartCharging::None) return;
    ImGui::PushTextWrapPos(0);
    if (state == core::SmartCharging::FullPower) {
        text_in(Role::Success, tr(Str::ChargeNowOn));
    } else if (state == core::SmartCharging::Unknown) {
        caption(core::priority_text(*s.last));
    } else {
        switch (s.priority_ask) {
            case core::PriorityAsk::Approved: text_in(Role::Success, tr(Str::ChargeNowApproved)); break;
            case core::PriorityAsk::Denied: text(tr(Str::ChargeNowDenied)); break;
            case core::PriorityAsk::Failed: status_line(tr(Str::ChargeNowFailed)); break;
            case core::PriorityAsk::None:
            case core::PriorityAsk::Asking: break;
        }
    }
    ImGui::PopTextWrapPos();
    if (state != core::SmartCharging::Holding) return;
    const bool asking = s.priority_ask == core::PriorityAsk::Asking;
    if (asking || core::can_ask_full_power(s)) {
        if (primary_button(tr(asking ? Str::ChargeNowAsking : Str::ChargeNow), !asking, kIconBolt))
            out.push_back(core::intent::ChargeNow{s.id});
    }
}

// The other running sessions, each with Show and Stop (which asks first, like the main Stop).
void other_sessions(const core::Model& m, const core::ActiveSession& shown, Intents& out) {
    if (m.sessions.size() < 2) return;
    ImGui::Spacing();
    heading(tr(Str::OtherSessions));
    for (const core::ActiveSession& s : m.sessions) {
        if (s.id == shown.id) continue;
        const std::string status = s.last ? core::session_status_text(*s.last) : tr(Str::SessionRequested);
        const std::string place = !s.place_name.empty() ? s.place_name : s.evse_uid.empty() ? s.id : s.evse_uid;
        ImGui::PushID(s.id.c_str());
        begin_card("##other");
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + card_avail());
        text(core::tr_format(Str::SessionAt, {place, status}));
        ImGui::PopTextWrapPos();
        const float half = (card_avail() - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
        if (button(tr(Str::ShowSession), half)) out.push_back(core::intent::ShowSession{s.id});
        ImGui::SameLine();
        const Str stop = core::is_stopping(s) ? (core::is_cancel(s) ? Str::Cancelling : Str::Stopping)
                                              : (core::is_cancel(s) ? Str::CancelStart : Str::Stop);
        if (button(tr(stop), half, core::can_stop(s))) out.push_back(core::intent::ShowSession{s.id});
        end_card();
        ImGui::PopID();
    }
}

// Stop, at the bottom: the first tap asks ("Stop charging at Marga?"), the second, on the same
// spot, stops. Nothing here waits on the network, so offline the stop is taken the same way.
float stop_footer_height(bool asking) {
    const float gap = ImGui::GetStyle().ItemSpacing.y;
    float h = theme::touch() + gap * 2;
    if (asking) h += theme::touch() + gap + ImGui::GetTextLineHeightWithSpacing() * 3;
    return h;
}

// Stop sits where Start was, and its confirmation where Stop was: a finger still tapping from
// the screen before (a double tap on Start, an impatient second tap on Stop) must not be taken
// as a stop. So the button waits this long after the screen or the question appears, drawn
// disabled meanwhile, before it accepts a tap.
constexpr auto kSettle = std::chrono::milliseconds(500);

struct FooterSettle {
    int last_frame = -10;
    std::string session;
    bool asking = false;
    core::TimePoint since{};

    // Restarts the wait when this footer was not drawn on the frame before, or shows another
    // session or question than then; says how long the wait still has to go.
    std::chrono::milliseconds left(const std::string& id, bool now_asking, core::TimePoint now) {
        const int frame = ImGui::GetFrameCount();
        if (frame != last_frame + 1 || id != session || now_asking != asking) since = now;
        last_frame = frame;
        session = id;
        asking = now_asking;
        return std::max<std::chrono::milliseconds>(std::chrono::milliseconds::zero(), since + kSettle - now);
    }
};

// Returns the milliseconds until the button accepts a tap, 0 once it does.
int stop_footer(const core::Model& m, const core::ActiveSession& s, const std::string& place, core::TimePoint now,
                Intents& out) {
    static FooterSettle settle;
    const bool cancel = core::is_cancel(s);
    const bool asking = m.stop_asked == s.id && core::can_stop(s);
    const std::chrono::milliseconds wait = settle.left(s.id, asking, now);
    if (asking) {
        ImGui::PushTextWrapPos(0);
        status_line(core::tr_format(Str::StopAsk, {place}));
        caption(tr(Str::StopAskDetail));
        ImGui::PopTextWrapPos();
        if (secondary_button(tr(Str::KeepCharging))) out.push_back(core::intent::KeepCharging{});
    }
    const Str label = core::is_stopping(s) ? (cancel ? Str::Cancelling : Str::Stopping) : (cancel ? Str::CancelStart : Str::Stop);
    if (danger_button(tr(label), 0, core::can_stop(s) && wait == std::chrono::milliseconds::zero())) {
        // Cancelling a start that has not begun charging costs nothing: no question.
        if (asking || cancel) out.push_back(core::intent::StopCharging{s.id});
        else out.push_back(core::intent::AskStop{s.id});
    }
    return wait.count() > 0 ? static_cast<int>(wait.count()) + 1 : 0;
}

}  // namespace

int draw_session_screen(const core::Model& m, core::TimePoint now, Intents& out) {
    const core::ActiveSession* shown = core::shown_session(m);
    const std::string place = shown && !shown->place_name.empty() ? shown->place_name : tr(Str::SessionTitle);
    if (top_bar(place.c_str(), true)) out.push_back(core::intent::Back{});
    if (shown && !shown->charger_name.empty()) caption(shown->charger_name);
    message_banner(m, out);
    if (shown == nullptr) return -1;
    const core::ActiveSession& s = *shown;
    int redraw_ms = 1000;  // time, "updated N s ago" and the cable countdown move by themselves

    const bool asking = m.stop_asked == s.id && core::can_stop(s);
    ImGui::BeginChild("##session", ImVec2(0, -stop_footer_height(asking)), false);
    ImGui::PushTextWrapPos(0);
    {
        theme::WithFont title(theme::Type::Title);
        // Green only while energy can flow: not while smart charging holds the power back.
        const bool charging = s.last && s.last->status == core::SessionStatusCode::Charging &&
                              !(core::smart_charging(*s.last) == core::SmartCharging::Holding && s.last->power_kw <= 0);
        theme::WithText colour(charging ? Role::Success : Role::OnSurface);
        status_line(s.last ? core::session_headline(*s.last) : tr(Str::SessionRequested));
    }
    const core::Explanation why = s.last ? core::explain(*s.last) : core::Explanation{Str::WhyRequested};
    if (why.what != Str::None) text(tr(why.what));
    if (s.last && !s.last->error_message.empty()) caption(s.last->error_message);
    if (const auto left = core::cable_wait_left(s, now)) {
        const int64_t secs = std::chrono::duration_cast<std::chrono::seconds>(*left).count();
        text(secs > 0 ? core::tr_format(Str::CableWait, {core::format_duration(secs)}) : tr(Str::CableWaitOver));
    }
    ImGui::PopTextWrapPos();
    smart_charging_block(s, out);
    ImGui::Spacing();
    if (s.last) figures(s, now);
    ImGui::Spacing();
    steps(s);
    ImGui::PushTextWrapPos(0);
    if (s.last_update) {
        const int64_t age = std::max<int64_t>(0, seconds_between(*s.last_update, now));
        caption(core::tr_format(Str::UpdatedAgo, {core::format_duration(age)}));
    }
    if (core::is_stale(s, now)) status_line(tr(Str::StaleData));
    ImGui::PopTextWrapPos();
    draw_running_cost(s, now);
    other_sessions(m, s, out);
    ImGui::EndChild();

    if (const int settle_ms = stop_footer(m, s, place, now, out)) redraw_ms = std::min(redraw_ms, settle_ms);
    return redraw_ms;
}

}  // namespace ui
