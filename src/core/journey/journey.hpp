// The charge journey as a pure state machine: events in, effects out (Elm / sans-I/O style).
// The platform runs the effects and feeds back events; the UI reads the Model and emits intents.
// Offers: the Model (model.hpp), the intents and events (intents.hpp), update(), and the pure
// helpers the views use. The flows behind update() (sessions, wallet, scan, map) are internal.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "intents.hpp"
#include "model.hpp"
#include "core/io/io.hpp"

namespace core {

// Advances the model by one event at time `now` and returns the effects to run, in order.
std::vector<Effect> update(Model& model, const Event& event, TimePoint now);

// Helpers the views use; pure functions of the model.
const Evse* chosen_evse(const Model& m);
const Connector* chosen_connector(const Model& m);
const WalletTariffItem* chosen_tariff_item(const Model& m);
bool can_start(const Model& m);
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
// A payment method the driver may start with here: the service knows a price (VALID/UNKNOWN),
// does not call it incompatible, and the card is not INVALID.
bool payment_usable(const WalletTariffItem& item);
// The card number as it will be sent (spaces and dashes dropped), or nullopt when it is not
// 6 to 30 letters and digits.
std::optional<std::string> normalize_card_number(std::string_view typed);

namespace scan {
// What the scan result shows: the EVSE the code led to, or nullptr.
const Evse* found_evse(const Model& m);
}  // namespace scan

}  // namespace core
