// The first event: what storage kept from earlier visits, and fresh randomness.
#pragma once
#include "core/journey.hpp"

namespace platform {

core::Boot read_boot();

}  // namespace platform
