// The canvas: backing store in device pixels, the device pixel ratio and the visible area.
#pragma once

namespace platform::display {

void install();     // resize, orientationchange and visualViewport listeners
void invalidate();  // measure again before the next frame

// Measures the canvas and resizes its backing store when needed. Returns true when the device
// pixel ratio changed (fonts and style must be rebuilt for it); the first call always does.
bool refresh();

float dpr();
int width();   // framebuffer, device px
int height();
float visible_bottom();  // device px: the bottom of the visual viewport (on-screen keyboard)

}  // namespace platform::display
