// Pieces every screen shares: formatted strings, the top bar, the problem banner, primary buttons.
#pragma once
#include <string>
#include <vector>

#include "core/journey.hpp"

namespace ui {

// The bar at the top of a screen. Returns true when Back was tapped.
bool top_bar(const char* title, bool with_back);

// Shows the model's message, if any, with a dismiss button.
void message_banner(const core::Model& m, std::vector<core::UserIntent>& out);

// A prominent full-width button for the one main action of a screen.
bool primary_button(const std::string& label, bool enabled = true);

// "Type 2 socket · 11 kW AC" for a connector.
std::string connector_text(const core::Connector& c);

}  // namespace ui
