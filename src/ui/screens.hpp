// One function per screen; each reads the model and appends the driver's intents.
#pragma once
#include <vector>

#include "core/journey.hpp"

namespace ui {

using Intents = std::vector<core::UserIntent>;

struct ViewBox { float x = 0, y = 0, w = 0, h = 0; };  // device px

void draw_map_screen(const core::Model& m, Intents& out);
void draw_location_screen(const core::Model& m, Intents& out);
void draw_price_screen(const core::Model& m, Intents& out);
void draw_add_card_screen(const core::Model& m, Intents& out);
// Returns ms until the screen changes by itself (elapsed time, "updated N s ago").
int draw_session_screen(const core::Model& m, core::TimePoint now, Intents& out);
void draw_receipt_screen(const core::Model& m, Intents& out);
// `camera_box` receives where the camera picture goes while the camera runs.
void draw_scan_screen(const core::Model& m, Intents& out, ViewBox* camera_box);
void draw_scan_result_screen(const core::Model& m, Intents& out);
// The Scan button at the right of a top bar: always within reach.
bool top_bar_with_scan(const char* title, bool with_back, Intents& out);
// Above the receipt: what the end of a session means and what to do next.
void draw_session_outcome(const core::SessionStatus& st, Intents& out);
void draw_wallet_screen(const core::Model& m, Intents& out);
void draw_history_screen(const core::Model& m, Intents& out);
// The way from the map to the wallet and the history.
void account_links(Intents& out);

}  // namespace ui
