// The end of a session that did not run (the start refused, timed out or cancelled, or over
// without any energy): not a receipt but an outcome of its own, with what happened, why in one
// sentence, and the next steps, the first of which is the screen's primary action.
#pragma once
#include <optional>
#include <vector>

#include "core/api/api.hpp"

namespace core {

enum class NextStep {
    TryAgain,            // the same connector's price again (plug in first)
    OtherConnector,      // the location's connectors
    OtherPaymentMethod,  // the same connector's price, to choose another method
    CallOperator,        // the operator's support contacts (the location's branding), when known
};

struct Outcome {
    Str title = Str::None;  // what happened: "Charging did not start"
    Str why = Str::None;    // one sentence, never the title in other words
    Str hint = Str::None;   // what to do before the first step ("Plug in the cable first…"), or None
    std::vector<NextStep> next;  // in order; the first is the primary action
    bool nothing_charged = true;
};

// nullopt when the session ran (energy flowed or money was charged): its receipt tells the end.
// A session still under way (REQUESTED … COMPLETED with energy) is no outcome either.
std::optional<Outcome> session_outcome(const SessionStatus& st);

}  // namespace core
