// The charge journey as a pure state machine: events in, effects out (Elm / sans-I/O style).
// The platform runs the effects and feeds back events; the UI reads the Model and emits intents.
// Offers: the Model (model.hpp), the intents and events (intents.hpp), update(), and the pure
// helpers the views use. The flows behind update() (sessions, wallet, scan, map) are internal.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contact_links.hpp"
#include "intents.hpp"
#include "model.hpp"
#include "core/io/io.hpp"
#include "core/pricing/pricing.hpp"
#include "core/text/text.hpp"

namespace core {

// Advances the model by one event at time `now` and returns the effects to run, in order.
std::vector<Effect> update(Model& model, const Event& event, TimePoint now);

// Helpers the views use; pure functions of the model.
const Evse* chosen_evse(const Model& m);
const Connector* chosen_connector(const Model& m);
const WalletTariffItem* chosen_tariff_item(const Model& m);
bool can_start(const Model& m);
// The one quiet line shown offline: what happens now (a stop waiting to be sent, charging going
// on, the map's last chargers); None online.
Str offline_note(const Model& m);
// A waiting new version may take over: one is ready, and nothing runs that a reload could disturb
// (no session, no start on its way). The map offers it only then.
bool can_apply_update(const Model& m);
// The language to speak: the one chosen in the app, else the browser's first the deployment offers,
// else the deployment's default (core::pick_language).
Language spoken_language(const Model& m);
// The service reports the charger UNKNOWN: it is offline, and a start from the app cannot reach it.
bool evse_unreachable(const Evse& e);
// Out of order, inoperative, removed or not built yet: nothing can start there.
bool evse_broken(const Evse& e);
// The stop button: enabled while a session runs and no stop is under way; shows Stopping
// from the tap until the session is over.
bool can_stop(const Model& m);
bool is_stopping(const Model& m);
// The same for any running session.
bool can_stop(const ActiveSession& s);
bool is_stopping(const ActiveSession& s);
// Stopping before charging began cancels the start: the button says so.
bool is_cancel(const ActiveSession& s);
// The session on the session screen (the first one when none was chosen), or nullptr.
const ActiveSession* shown_session(const Model& m);
// A payment method the driver may start with here: verified (never PENDING or INVALID), not
// called incompatible (NOT_COMPATIBLE, isCompatible false), and priced (VALID; UNKNOWN only for a
// verified method).
bool payment_usable(const WalletTariffItem& item);
// A card that will be usable here once the service has checked it (PENDING, compatible).
bool payment_pending(const WalletTariffItem& item);
// Why Start is off, in the driver's words (the card is being checked, the charger is offline or
// broken, no method can be used here); None when Start is on or nothing needs saying (loading,
// a session already running).
Str start_blocker(const Model& m);
// The card number as it will be sent (spaces and dashes dropped), or nullopt when it is not
// 6 to 30 letters and digits.
std::optional<std::string> normalize_card_number(std::string_view typed);
// Save is offered for a number the service would take (normalize_card_number has one).
bool card_number_plausible(std::string_view typed);
// The card number laid out as it is printed, while it is typed: a contract id (two letters first,
// eMAID or EVCO-ID) as "NL-GFX-123456-7" / "NL-GFX-C12345678-X"; any other number in groups of
// four from the right, as the service's card hints group it ("77 0674 1099 6300 2836"). Letters
// keep their case; characters a card number cannot hold are dropped.
std::string format_card_number(std::string_view typed);
// A charger as every screen names it: its display name, else its uid.
std::string evse_name(const Evse& e);
// What the receipt needs beyond the final record: the charger's name as the location lists it
// (when the location is the one loaded) and the price the session ran under.
ReceiptContext receipt_context(const Model& m);
// Why the invoice details were not saved, under `field`, in the language now spoken; "" when fine.
std::string invoice_problem_text(const Model& m, InvoiceField field);
// A row of Past sessions: the place, when it started, the energy, and the total (or, without one,
// the session's state); `detail` is the second line, `label` the whole row for screen readers.
struct PastSessionRow {
    std::string place, when, energy, amount, status, detail, label;
    bool has_total = false;
};
PastSessionRow past_session_row(const Model& m, const SessionSummary& s);

namespace scan {
// What the scan result shows: the EVSE the code led to, or nullptr.
const Evse* found_evse(const Model& m);
}  // namespace scan

}  // namespace core
