// The core loop: every event goes through core::update, every effect it returns is run here.
#pragma once
#include "core/journey.hpp"

namespace platform {

core::TimePoint now();  // wall clock, UTC ms
const core::Model& model();

// Queues the event; events are handled one at a time, in order, even when an effect raises one.
void dispatch(core::Event event);

}  // namespace platform
