// Fonts and style for a device pixel ratio: ImGui works in device pixels, so both scale with it.
#pragma once

namespace platform::dpi_scale {

constexpr float kBodyCss = 16.0f;     // body text, CSS px (iOS does not zoom at 16)
constexpr float kHeadingCss = 22.0f;  // headings, CSS px

// Rebuilds the font atlas (body = Fonts[0], heading = Fonts[1]) and the scaled style.
void apply(float dpr);

}  // namespace platform::dpi_scale
