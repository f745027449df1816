// The Locate effect: one Geolocation reading, answered as a Located or LocateFailed intent.
#pragma once

namespace platform::geolocation {

void locate();

}  // namespace platform::geolocation
