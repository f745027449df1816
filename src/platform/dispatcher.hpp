// The core loop: every event goes through core::update, every effect it returns is run here.
#pragma once
#include "core/deploy/deploy.hpp"
#include "core/journey/journey.hpp"

namespace platform {

core::TimePoint now();  // wall clock, UTC ms
const core::Model& model();  // the journey's
const core::AppModel& app_model();

// Queues the event; events are handled one at a time, in order, even when an effect raises one.
// Journey events go through the deployment shell (core::update_app), which owns the journey.
void dispatch(core::Event event);
void dispatch_app(core::AppEvent event);

}  // namespace platform
