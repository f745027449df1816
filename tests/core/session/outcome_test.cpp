// The end of a session that did not run: its own outcome, never a receipt, with the next step first.
#include <catch2/catch.hpp>

#include <set>

#include "core/api/json_read.hpp"
#include "core/session/session.hpp"

using namespace core;

namespace {
SessionStatus status(Json body) { return *decode_session_status(body.dump()).value; }
}  // namespace

TEST_CASE("a session that did not run gets an outcome: what happened, one reason, the next step first") {
    using N = NextStep;
    struct Case { const char* status; const char* error; Str title; Str why; N first; };
    const Case cases[] = {
        {"REJECTED", "", Str::OutcomeNotStarted, Str::WhyRejectedStart, N::OtherConnector},
        {"REJECTED", "INVALID_TOKEN", Str::OutcomeNotStarted, Str::WhyInvalidToken, N::OtherPaymentMethod},
        {"REJECTED", "EVSE_NOT_AVAILABLE", Str::OutcomeNotStarted, Str::WhyEvseNotAvailable, N::OtherConnector},
        {"ERROR", "COMMAND_TIMED_OUT", Str::OutcomeNotStarted, Str::WhyCommandTimedOut, N::TryAgain},
        {"TIMEOUT", "SOFT_TIME_OUT", Str::OutcomeNotStarted, Str::WhySoftTimeOut, N::TryAgain},
        {"TIMEOUT", "", Str::OutcomeNotStarted, Str::WhyTimeout, N::TryAgain},
        {"CANCELLED", "", Str::OutcomeCancelled, Str::WhyCancelled, N::TryAgain},
        {"ERROR", "", Str::OutcomeNotStarted, Str::WhyError, N::OtherConnector},
        {"CDR_AVAILABLE", "", Str::OutcomeNoEnergy, Str::WhyNoEnergy, N::TryAgain},
        {"COMPLETED", "", Str::OutcomeNoEnergy, Str::WhyNoEnergy, N::TryAgain},
    };
    std::set<std::string> sentences;
    for (const Case& c : cases) {
        INFO(c.status << " " << c.error);
        Json body = {{"status", c.status}};
        if (*c.error) body["error"] = c.error;
        const auto o = session_outcome(status(body));
        REQUIRE(o.has_value());
        CHECK(o->title == c.title);
        CHECK(o->why == c.why);
        REQUIRE_FALSE(o->next.empty());
        CHECK(o->next.front() == c.first);
        CHECK(o->nothing_charged);
        // The reason is never the title again in other words, nor the hint.
        CHECK(std::string(tr(o->why)) != tr(o->title));
        CHECK(o->hint != o->why);
        sentences.insert(tr(o->why));
    }
    CHECK(sentences.size() >= 8);
}

TEST_CASE("a session that ran, or runs, has no outcome: its receipt or its screen says it") {
    for (const char* s : {"REQUESTED", "STARTING", "CHARGING", "PARKING", "STOPPING", "WARP_SPEED"})
        CHECK_FALSE(session_outcome(status({{"status", s}})).has_value());
    CHECK_FALSE(session_outcome(status({{"status", "CDR_AVAILABLE"}, {"energyInKwh", 4.2}, {"totalCosts", 2.1}})));
    // A session fee charged without energy is billed: a receipt.
    CHECK_FALSE(session_outcome(status({{"status", "CDR_AVAILABLE"}, {"totalCosts", 1.64}})));
    // An error after energy flowed: billed, a receipt.
    CHECK_FALSE(session_outcome(status({{"status", "ERROR"}, {"error", "EVSE_NOT_AVAILABLE"}, {"energyInKwh", 3.2}})));
}
