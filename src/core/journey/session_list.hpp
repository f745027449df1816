// The token's session list (GET /token/{appToken}/sessions): finds sessions started elsewhere
// (another tab, another phone of the same driver) and settles a start whose outcome was unclear.
#pragma once
#include "step.hpp"

namespace core::detail {

void fetch_sessions(Step& s);
void on_sessions(Step& s, const HttpResponse& r);
// A start ended without a clear answer: ask the list shortly, never start again blindly.
void schedule_start_check(Step& s, Millis delay);
// Timers: the start check and the periodic refresh while sessions run.
void session_list_tick(Step& s);

}  // namespace core::detail
