// Running sessions: polling each one at its own rhythm, backing off on errors, stopping (and
// retrying a stop the network lost), ending with a receipt, and keeping storage up to date.
#pragma once
#include <string>

#include "step.hpp"

namespace core::detail {

ActiveSession* find_session(Model& m, const std::string& id);
// Writes every running session to storage (removes the key when none is left).
void persist_sessions(Step& s);
// Starts following a session: stored, polled at once, shown when `show` or nothing else is.
void track_session(Step& s, ActiveSession session, bool show);
void on_status(Step& s, const HttpResponse& r, const std::string& session_id);
void on_stop(Step& s, const HttpResponse& r, const std::string& session_id);
// The driver's Stop (or Cancel) for one session.
void request_stop(Step& s, const std::string& session_id);
// A timer came due: polls and stop retries whose time has come.
void sessions_tick(Step& s);
// Asks about one session now (the charger was just told something) instead of at its next poll.
void poll_now(Step& s, const std::string& session_id);
// Back in view or back online: ask about every session now instead of waiting.
void sessions_catch_up(Step& s);
// Emits KeepAwake when whether the screen should stay on has changed.
void update_keep_awake(Step& s);

}  // namespace core::detail
