// Which ends of a session get an outcome instead of a receipt, and what each says (outcome.hpp).
#include "outcome.hpp"

namespace core {
namespace {

bool ran(const SessionStatus& st) { return st.energy_kwh > 0 || st.total_costs.value_or(0) > 0; }

}  // namespace

std::optional<Outcome> session_outcome(const SessionStatus& st) {
    if (ran(st)) return std::nullopt;
    using N = NextStep;
    const std::string& code = st.error;
    // The error code says more than the status; codes this app does not know fall back to it.
    if (code == "INVALID_TOKEN")
        return Outcome{Str::OutcomeNotStarted, Str::WhyInvalidToken, Str::None,
                       {N::OtherPaymentMethod, N::CallOperator}};
    if (code == "EVSE_NOT_AVAILABLE")
        return Outcome{Str::OutcomeNotStarted, Str::WhyEvseNotAvailable, Str::None,
                       {N::OtherConnector, N::CallOperator}};
    if (code == "COMMAND_TIMED_OUT")
        return Outcome{Str::OutcomeNotStarted, Str::WhyCommandTimedOut, Str::NextCheckCharger,
                       {N::TryAgain, N::OtherConnector, N::CallOperator}};
    if (code == "SOFT_TIME_OUT")
        return Outcome{Str::OutcomeNotStarted, Str::WhySoftTimeOut, Str::NextTryAgain, {N::TryAgain, N::OtherConnector}};
    switch (st.status) {
        case SessionStatusCode::Rejected:
            return Outcome{Str::OutcomeNotStarted, Str::WhyRejectedStart, Str::None,
                           {N::OtherConnector, N::OtherPaymentMethod, N::CallOperator}};
        case SessionStatusCode::Timeout:
            return Outcome{Str::OutcomeNotStarted, Str::WhyTimeout, Str::NextTryAgain, {N::TryAgain, N::OtherConnector}};
        case SessionStatusCode::Cancelled:
            return Outcome{Str::OutcomeCancelled, Str::WhyCancelled, Str::None, {N::TryAgain, N::OtherConnector}};
        case SessionStatusCode::Error:
            return Outcome{Str::OutcomeNotStarted, Str::WhyError, Str::None, {N::OtherConnector, N::CallOperator}};
        case SessionStatusCode::Completed:
        case SessionStatusCode::CdrAvailable:
            // Over, and nothing flowed: the car did not take any energy.
            return Outcome{Str::OutcomeNoEnergy, Str::WhyNoEnergy, Str::NextNoEnergy,
                           {N::TryAgain, N::OtherConnector, N::CallOperator}};
        case SessionStatusCode::Requested:
        case SessionStatusCode::Starting:
        case SessionStatusCode::Charging:
        case SessionStatusCode::Parking:
        case SessionStatusCode::Stopping:
        case SessionStatusCode::Unknown: break;
    }
    return std::nullopt;
}

}  // namespace core
