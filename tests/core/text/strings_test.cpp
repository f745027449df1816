// The string table, placeholder filling, and the words for API states.
#include <catch2/catch.hpp>

#include "core/api/labels.hpp"
#include "core/text/strings.hpp"

using namespace core;

TEST_CASE("placeholders are filled in order") {
    CHECK(tr_format(Str::ConnectorsFree, {"2", "3"}) == "2 of 3 free");
    CHECK(tr_format(Str::VatIncluded, {"13%"}) == "VAT 13% included");
    CHECK(tr_format(Str::ConnectorsFree, {"2"}) == "2 of  free");
    CHECK(tr_format(Str::Start, {"ignored"}) == "Start charging");
    CHECK(std::string(tr(Str::None)).empty());
    CHECK(std::string(tr(static_cast<Str>(100000))).empty());
}

TEST_CASE("API states have words") {
    CHECK(evse_status_label(EvseStatus::OutOfOrder) == Str::StatusOutOfOrder);
    CHECK(evse_status_label(EvseStatus::Unknown) == Str::StatusUnknown);
    CHECK(verification_label(VerificationStatus::Pending) == Str::CardPending);
    CHECK(session_status_label(SessionStatusCode::CdrAvailable) == Str::SessionCdrAvailable);
    SessionStatus s;
    s.status = SessionStatusCode::Unknown;
    s.status_raw = "WARP";
    CHECK(session_status_text(s) == "Unknown status: WARP");
    s.status = SessionStatusCode::Charging;
    CHECK(session_status_text(s) == "Charging");
}
