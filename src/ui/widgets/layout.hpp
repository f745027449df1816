// Which layout the viewport calls for: a phone held upright (one column, the map above its list),
// a phone on its side or a tablet (the map beside a side panel), a desktop window (a centred
// column beside the map). Chosen from the display's size in CSS px every frame.
#pragma once

namespace ui::layout {

enum class Kind { PhonePortrait, PhoneLandscape, Tablet, Desktop };

Kind kind();
// The map beside a panel instead of above a list (all but PhonePortrait).
bool side_by_side();
// Device px: the side panel beside the map, and a screen's column on a wide display.
float panel_width();
float column_width();

}  // namespace ui::layout
