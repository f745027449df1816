// A line a deployment adds to the receipt ("Charged to room 12"); the receipt screen draws it in
// place of the payment method's line.
#pragma once
#include <string>

namespace ui {

void set_receipt_note(std::string note);  // once per frame, before the screens draw
const std::string& receipt_note_text();   // the note, empty when the deployment has none

}  // namespace ui
