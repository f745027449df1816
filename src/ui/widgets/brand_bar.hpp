// The title bar of a deployment's own screens: the brand's logo (once the platform has loaded it)
// next to the title.
#pragma once

namespace ui {

// The platform hands over the logo as a GL texture once loaded (0 = none).
void set_logo(unsigned texture, int width, int height);
bool has_logo();

// With `logo_configured`, the logo's place is kept while it loads, so nothing moves under a finger.
void brand_bar(const char* title, bool logo_configured);

}  // namespace ui
