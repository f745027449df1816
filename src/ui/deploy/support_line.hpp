// The deployment's help line (the hotel's reception, the kiosk owner) under its screens.
#pragma once
#include "core/deploy/deploy.hpp"

namespace ui {

// Draws the support phone from the config's branding as a row that calls it (or as words when it
// is no number a phone can dial). Returns true when tapped; nothing is drawn without a number.
bool support_line(const core::AppModel& app);

}  // namespace ui
