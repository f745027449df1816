// The first event: what storage kept from earlier visits, and fresh randomness.
#pragma once
#include "core/journey/journey.hpp"

namespace platform {

core::Boot read_boot();

// Takes the charger code (?evse=, ?qr=) out of the address bar, keeping the rest of the address.
void forget_launch_code();

}  // namespace platform
