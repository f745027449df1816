// Where the phone's bottom sheet rests: peek (its handle and a line of the list), half (the list
// beside a map still worth looking at) or full (the list, a strip of map above). Pure arithmetic,
// so that the drag's rules are tested natively; the view owns the state and draws.
#pragma once

namespace ui::sheet {

enum class Stop { Peek, Half, Full };

struct Heights {
    float peek = 0, half = 0, full = 0;
    float of(Stop s) const { return s == Stop::Peek ? peek : s == Stop::Half ? half : full; }
};

// The three heights for a sheet sharing `body` px with the map above it: peek shows `peek_content`
// px of sheet, full leaves `map_strip` px of map; half is half the body, between the two.
Heights heights_for(float body, float peek_content, float map_strip);

// The stop a drag released at `height` settles on. A fling (|velocity| px/s at least
// `fling_speed`) goes one stop further in its direction; otherwise the nearest stop wins.
// Positive velocity is upwards (the sheet growing).
Stop settle(const Heights& h, Stop from, float height, float velocity, float fling_speed);

// A tap on the handle: peek and full open to half, half opens to full.
Stop after_tap(Stop s);

// The height while dragging: follows the finger, held between peek and full.
float dragged(const Heights& h, float start_height, float drag_up);

}  // namespace ui::sheet
