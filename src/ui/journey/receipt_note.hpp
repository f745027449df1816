// A line a deployment adds to the receipt ("Charged to room 12"); the receipt screen draws it.
#pragma once
#include <string>

namespace ui {

void set_receipt_note(std::string note);  // once per frame, before the screens draw
void receipt_note_line();                 // draws the note, if there is one

}  // namespace ui
