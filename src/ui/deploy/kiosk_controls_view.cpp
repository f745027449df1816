// The kiosk's pieces around the journey: the guide's step, the charger-side controls that let a
// visitor play the car, and the idle countdown before the demo resets itself.
#include <string>

#include "core/text/text.hpp"
#include "deploy.hpp"
#include "imgui.h"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

void draw_kiosk_guide(const core::AppModel& app) {
    static constexpr Str kSteps[] = {Str::KioskStep1, Str::KioskStep2, Str::KioskStep3, Str::KioskStep4,
                                     Str::KioskStep5};
    const int step = core::kiosk_step(app);
    if (step < 1 || step > core::kKioskSteps) return;
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colour(theme::Role::Primary));
    ImGui::PushTextWrapPos(0);
    status_line(tr(kSteps[step - 1]));
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void draw_charger_controls(const core::AppModel& app, ShellIntents& out) {
    const core::Model& m = app.journey;
    const core::ActiveSession* shown = core::shown_session(m);
    if (!shown) return;
    using core::SessionStatusCode;
    const SessionStatusCode st = shown->last ? shown->last->status : SessionStatusCode::Requested;
    const bool waiting = st == SessionStatusCode::Requested || st == SessionStatusCode::Starting;
    const bool charging = st == SessionStatusCode::Charging;
    ImGui::Spacing();
    ImGui::Separator();
    heading(tr(Str::ChargerSide));
    const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    if (button(tr(Str::PlugIn), w, waiting)) out.push_back(core::shell_intent::ChargerAction{"plug"});
    ImGui::SameLine();
    if (button(tr(Str::Unplug), w, waiting || charging || st == SessionStatusCode::Parking))
        out.push_back(core::shell_intent::ChargerAction{"unplug"});
    if (button(tr(Str::CarFull), 0, charging)) out.push_back(core::shell_intent::ChargerAction{"car_full"});
}

int draw_idle_countdown(const core::AppModel& app, core::TimePoint now, ShellIntents& out) {
    const int left = core::kiosk_seconds_left(app, now);
    if (left < 0) return -1;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, theme::colour(theme::Role::WarningContainer));
    ImGui::BeginChild("##countdown", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 2.2f +
                                                  ImGui::GetFrameHeightWithSpacing() + theme::px(24)),
                      false, ImGuiWindowFlags_NoScrollbar);
    status_line(core::tr_format(Str::IdleCountdown, {core::format_duration(left)}));
    if (primary_button(tr(Str::StillHere))) out.push_back(core::shell_intent::StillHere{});
    ImGui::EndChild();
    ImGui::PopStyleColor();
    // the next whole second, so the number on screen is never stale
    const auto ms = std::chrono::duration_cast<core::Millis>(*app.kiosk.countdown_until - now).count();
    return static_cast<int>(ms % 1000 == 0 ? 1000 : ms % 1000);
}

}  // namespace ui
