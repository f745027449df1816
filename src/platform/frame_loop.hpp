// Render on demand: frames are drawn when something asks for them, and not at all when idle.
#pragma once

namespace platform::frames {

// Draws soon (next animation frame) plus `settle` more frames, for ImGui's two-frame layout.
void request(int settle = 2);
// Stops drawing while the GL context is gone; resumes on restore.
void set_paused(bool paused);

}  // namespace platform::frames
