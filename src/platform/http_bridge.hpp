// HttpRequest effects -> window.fetch (web/http_bridge.js) -> HttpResponse events.
#pragma once
#include "core/journey/journey.hpp"

namespace platform::http {

// Same origin only: the path must start with "/". The answer always comes back as an event,
// with status 0 for no answer (network error, timeout, abort, refused path).
void send(const core::HttpRequest& request);
// Aborts a request in flight (its answer still comes, with status 0, and is ignored by the core).
void abort(int id);

}  // namespace platform::http
