// Deployments around the journey: the deployment config (driver app, hotel portal, demo kiosk),
// and the AppModel that wraps the journey with check-in, the kiosk's guide and its idle reset.
// Other parts include only this header.
#pragma once

#include "config.hpp"
#include "deployment.hpp"
