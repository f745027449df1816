// The phone keyboard: a hidden <input> (web/text_input.js) focused while an ImGui text field is
// being edited; what is typed into it goes to ImGui through the input queue.
#pragma once

namespace ui::a11y { struct Node; }

namespace platform::text_input {

// From inside a touchend/mouseup handler (a user gesture, which iOS requires to show the keyboard):
// focuses the hidden input when the tap lands on a text field. A touch tap on the field already
// being edited brings a dismissed keyboard back.
void on_tap(float x, float y, bool touch);
// From a mirror activation (screen reader, keyboard) of a text field, also inside the gesture.
void focus_for(const ui::a11y::Node& field);
void after_frame();  // follows the field being edited: focus on the rising edge, blur on the falling

bool busy();          // waiting for a field to become active after a focus from a gesture
bool focused();       // the hidden input has DOM focus
bool field_active();  // an ImGui text field was being edited in the last frame
bool keys_for_app();  // DOM focus is on the page or the hidden input, not on a mirror node

}  // namespace platform::text_input
