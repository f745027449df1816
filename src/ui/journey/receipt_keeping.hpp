// Inside the journey's screens: what the receipt offers to keep it (receipt_keeping_view.cpp).
#pragma once
#include "journey.hpp"

namespace ui {

// Under the receipt's facts: "Invoice to" and its details, the documents (PDF, text, print) and
// the e-mail form with Remember, each with where its send or download stands.
void draw_receipt_keeping(const core::Model& m, Intents& out);

}  // namespace ui
