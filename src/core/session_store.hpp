// What the journey keeps in storage about a running session, and how it reads it back.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "journey.hpp"

namespace core {

// {"id","locationId","evseUid","connectorId"}: enough to resume polling after a reload.
std::string encode_active_session(const ActiveSession& s);
// nullopt when the stored text is not such an object or has no id.
std::optional<ActiveSession> decode_active_session(std::string_view stored);

}  // namespace core
