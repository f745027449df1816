// The screens and pieces a deployment adds around the journey's screens: the hotel's check-in and
// charger list, the kiosk's attract screen, guide, charger-side controls and idle countdown.
#pragma once
#include <vector>

#include "core/deploy/deploy.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

// [[gnu::noinline]]: each screen stays a function of its own, so that the code's second part
// (tools/split) can hold it.

using ShellIntents = std::vector<core::ShellIntent>;

void draw_loading_screen(const core::AppModel& app);
[[gnu::noinline]] void draw_checkin_screen(const core::AppModel& app, ShellIntents& out);
void forget_checkin_text();  // once the guest is in: names are not kept in memory either
// The journey's Map screen when the deployment has a fixed set of locations: a list, no map.
[[gnu::noinline]] void draw_charger_list_screen(const core::AppModel& app, Intents& out);
[[gnu::noinline]] void draw_attract_screen(const core::AppModel& app, ShellIntents& out);
void draw_kiosk_guide(const core::AppModel& app);
[[gnu::noinline]] void draw_charger_controls(const core::AppModel& app, ShellIntents& out);
// Returns ms until it must be drawn again (the seconds count down), or -1 when none is shown.
int draw_idle_countdown(const core::AppModel& app, core::TimePoint now, ShellIntents& out);

}  // namespace ui
