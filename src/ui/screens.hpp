// One function per screen; each reads the model and appends the driver's intents.
#pragma once
#include <vector>

#include "core/journey.hpp"

namespace ui {

using Intents = std::vector<core::UserIntent>;

void draw_map_screen(const core::Model& m, Intents& out);
void draw_location_screen(const core::Model& m, Intents& out);
void draw_price_screen(const core::Model& m, Intents& out);
void draw_add_card_screen(const core::Model& m, Intents& out);
// Returns ms until the screen changes by itself (elapsed time, "updated N s ago").
int draw_session_screen(const core::Model& m, core::TimePoint now, Intents& out);
void draw_receipt_screen(const core::Model& m, Intents& out);
// Above the receipt: what the end of a session means and what to do next.
void draw_session_outcome(const core::SessionStatus& st, Intents& out);
void draw_wallet_screen(const core::Model& m, Intents& out);
void draw_history_screen(const core::Model& m, Intents& out);
// The way from the map to the wallet and the history.
void account_links(Intents& out);

}  // namespace ui
