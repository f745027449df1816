// What the journey keeps in storage about running sessions, and how it reads it back.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "active_session.hpp"

namespace core {

// [{"id","locationId","evseUid","connectorId","status":<last StatusResponse>}]: enough to show
// every session at once after a reload and resume polling.
std::string encode_active_sessions(const std::vector<ActiveSession>& sessions);
// The readable entries (an entry without an id is skipped); empty when the text is not an array.
std::vector<ActiveSession> decode_active_sessions(std::string_view stored);

}  // namespace core
