// The deployment's receipt line (see receipt_note.hpp).
#include "receipt_note.hpp"

#include <utility>

namespace ui {
namespace {
std::string g_note;
}  // namespace

void set_receipt_note(std::string note) { g_note = std::move(note); }

const std::string& receipt_note_text() { return g_note; }

}  // namespace ui
