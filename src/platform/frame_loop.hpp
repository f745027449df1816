// Render on demand: frames are drawn when something asks for them, and not at all when idle.
#pragma once

namespace platform::frames {

// Runs the app soon (next animation frame) plus `settle` more frames, for ImGui's two-frame layout;
// a frame whose picture is the one on screen is not drawn again.
void request(int settle = 2);
// Stops drawing while the GL context is gone; resumes on restore.
void set_paused(bool paused);

}  // namespace platform::frames
