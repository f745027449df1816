// The whole UI for one frame: reads the model, returns what the person asked for.
#pragma once
#include <optional>
#include <vector>

#include "core/deploy/deploy.hpp"
#include "core/journey/journey.hpp"
#include "ui/journey/journey.hpp"

namespace ui {

struct FrameResult {
    std::vector<core::UserIntent> intents;
    std::vector<core::ShellIntent> shell_intents;  // check-in, demo, charger side
    int redraw_in_ms = -1;  // >= 0: something on screen changes by itself (a clock, a spinner)
    std::optional<ViewBox> camera_box;  // where the camera picture goes (scan screen), device px
};

// Call between ImGui::NewFrame() and ImGui::Render(). `dpr` is the device pixel ratio the
// platform laid out with (ImGui works in device pixels); `system_dark` is the browser's
// prefers-color-scheme, followed unless the driver chose a theme.
FrameResult draw_app(const core::AppModel& app, core::TimePoint now, float dpr, bool system_dark);

}  // namespace ui
