// The scanner's camera (web/camera.js): on/off and torch from Camera effects, the picture placed
// over the box the scan screen reserves; decoded codes and camera states come back as events.
#pragma once
#include <optional>

#include "core/journey/journey.hpp"
#include "ui/journey/journey.hpp"

namespace platform::camera {

void apply(const core::Camera& effect);
// After each frame: where the picture goes (device px), or nowhere.
void place(const std::optional<ui::ViewBox>& box, float dpr);

}  // namespace platform::camera
