// Pieces every screen shares: formatted strings, the top bar, the problem banner, primary buttons.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/journey/journey.hpp"

namespace ui {

using Intents = std::vector<core::UserIntent>;

struct ViewBox { float x = 0, y = 0, w = 0, h = 0; };  // device px

// The Scan button at the right of a top bar: always within reach.
bool top_bar_with_scan(const char* title, bool with_back, Intents& out);
// The way from the map to the wallet and the history.
void account_links(Intents& out);
float account_links_height(float width);  // device px, for a row `width` wide

// The bar at the top of a screen. Returns true when Back was tapped.
bool top_bar(const char* title, bool with_back);

// Shows the model's message, if any, with a dismiss button.
void message_banner(const core::Model& m, std::vector<core::UserIntent>& out);

// A prominent full-width button for the one main action of a screen, with an icon (icons.hpp)
// before the label when given.
bool primary_button(const std::string& label, bool enabled = true, const char* icon = nullptr);


// The deployment's languages as chips under a "Language" label, each in its own name, the one
// spoken now chosen (a hotel guest's or kiosk visitor's switch, where there is no Display settings).
// Returns the code tapped, or nothing; draws nothing when the deployment offers one language.
std::optional<std::string> language_chips(const core::Model& m);

// "Type 2 socket · 11 kW AC" for a connector.
std::string connector_text(const core::Connector& c);

}  // namespace ui
