// A running session as the phone follows it: ActiveSession, its clock on the backend's time, the
// words for where it stands (smart charging too), the outcome of one that did not run, its storage form, the tariff kept with it, and the start guard that
// keeps a start from being sent twice.
// Other parts include only this header.
#pragma once

#include "active_session.hpp"
#include "clock.hpp"
#include "explain.hpp"
#include "outcome.hpp"
#include "smart_charging.hpp"
#include "store.hpp"
#include "tariff.hpp"
#include "start_guard.hpp"
