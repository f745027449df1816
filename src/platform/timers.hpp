// WakeAt effects -> setTimeout -> core::Tick; and a Tick when the page becomes visible again.
#pragma once
#include "core/time/time.hpp"

namespace platform::timers {

void install();
void wake_at(core::TimePoint at);

}  // namespace platform::timers
