// The deployment's receipt line (see receipt_note.hpp).
#include "receipt_note.hpp"

#include "ui/widgets/widgets.hpp"

namespace ui {
namespace {
std::string g_note;
}  // namespace

void set_receipt_note(std::string note) { g_note = std::move(note); }

void receipt_note_line() {
    if (!g_note.empty()) heading(g_note);
}

}  // namespace ui
