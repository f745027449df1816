// The journey's screens, one function each (location, price, add card, session, receipt or the
// outcome of a session that did not run, wallet, history, scanner, display settings, the session
// bar); each reads the model and appends the driver's intents. The map screen is ui/map's.
#pragma once
#include <vector>

#include "core/journey/journey.hpp"
#include "receipt_note.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

// [[gnu::noinline]]: each screen stays a function of its own, so that the code's second part
// (tools/split) can hold it.

[[gnu::noinline]] void draw_location_screen(const core::Model& m, Intents& out);
[[gnu::noinline]] void draw_price_screen(const core::Model& m, Intents& out);
[[gnu::noinline]] void draw_add_card_screen(const core::Model& m, Intents& out);
// Returns ms until the screen changes by itself (elapsed time, "updated N s ago").
[[gnu::noinline]] int draw_session_screen(const core::Model& m, core::TimePoint now, Intents& out);
[[gnu::noinline]] void draw_receipt_screen(const core::Model& m, Intents& out);
// `camera_box` receives where the camera picture goes while the camera runs.
[[gnu::noinline]] void draw_scan_screen(const core::Model& m, Intents& out, ViewBox* camera_box);
[[gnu::noinline]] void draw_scan_result_screen(const core::Model& m, Intents& out);
// The receipt screen's other face, for a session that did not run (core::session_outcome): what
// happened, why, and the next step first.
[[gnu::noinline]] void draw_outcome_screen(const core::Model& m, const core::SessionStatus& st, const core::Outcome& o, Intents& out);
[[gnu::noinline]] void draw_wallet_screen(const core::Model& m, Intents& out);
[[gnu::noinline]] void draw_history_screen(const core::Model& m, Intents& out);
[[gnu::noinline]] void draw_settings_screen(const core::Model& m, Intents& out);
// The driver's invoice details, kept on this phone (invoice_view.cpp).
[[gnu::noinline]] void draw_invoice_screen(const core::Model& m, Intents& out);
// The expense export by month from Past sessions (export_view.cpp).
[[gnu::noinline]] void draw_export_screen(const core::Model& m, Intents& out);
// The bar on every screen but the session's while a session runs: "Charging at Marga · €4.08",
// one tap back to it. Returns its height (0 when there is none); drawn at the window's bottom.
float session_bar_height(const core::Model& m);
void draw_session_bar(const core::Model& m, core::TimePoint now, Intents& out);

}  // namespace ui
