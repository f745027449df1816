// Fonts for a device pixel ratio and the driver's text size: ImGui works in device pixels, so the
// atlas is rasterised at CSS size x dpr x text size. The style is the theme's (ui/widgets/theme).
#pragma once

namespace platform::dpi_scale {

// Rebuilds the font atlas with one font per ui::theme::Type, in that enum's order, when `dpr` or
// `text_scale` differ from the last build, or when the whole faces have arrived (evcharge.fonts.ttc)
// and no finger is down. Returns true when it rebuilt.
bool apply(float dpr, float text_scale);

}  // namespace platform::dpi_scale
