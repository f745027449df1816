// The browser's prefers-color-scheme, watched as it changes, and the page around the canvas kept
// in the theme the app draws (background, theme colour, form controls' colour scheme).
#pragma once
#include <cstdint>

namespace platform::color_scheme {

void install();
bool system_dark();
// After a frame: tells the page the scheme and surface colour the app drew with, when they changed.
void after_frame(bool dark, uint32_t surface_rgb);

}  // namespace platform::color_scheme
