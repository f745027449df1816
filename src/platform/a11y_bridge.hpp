// The accessibility mirror's DOM side (web/a11y_mirror.js): node list out, activations in,
// announcements to the aria-live region.
#pragma once
#include <string>

namespace platform::a11y_bridge {

void after_frame(float dpr);  // sends the frame's nodes when they changed, and new status lines
void announce(const std::string& text);

}  // namespace platform::a11y_bridge
