// The words the scanner shows for a refused code and for the camera's state.
#pragma once
#include "core/io/io.hpp"
#include "core/text/text.hpp"
#include "payload.hpp"

namespace core::scan {

// The words for a refused code.
Str refusal_text(Refusal refusal);
// The words for the camera's state, Str::None while it is live or off.
Str camera_text(CameraStatus status);

}  // namespace core::scan
