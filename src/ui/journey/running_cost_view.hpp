// The running cost of a live session and the warning before an idle fee (running_cost_view.cpp).
#pragma once
#include "core/journey/journey.hpp"

namespace ui {

// Draws "Cost so far ≈ €X" (an estimate from the live meter values until the final bill) and the
// idle fee warning, under the session's tariff. The session screen redraws every second.
void draw_running_cost(const core::ActiveSession& session, core::TimePoint now);

}  // namespace ui
