// What the scan flow remembers between events: the camera as the platform reports it, the last
// code handled, and why it was refused. Kept apart from the journey's other state.
#pragma once
#include <string>

#include "core/io/io.hpp"
#include "core/text/text.hpp"

namespace core {

struct ScanState {
    std::string app_origin;  // from the launch URL: links into this app are followed
    CameraStatus camera = CameraStatus::Off;
    bool torch_supported = false;
    bool torch_on = false;
    // The text handled last: the same sticker stays in view for many frames and is handled once,
    // until the driver asks to scan again or another code comes into view.
    std::string last_text;
    bool looking_up = false;  // a code is being resolved to an EVSE
    Str problem = Str::None;  // why the last code led nowhere
    std::string problem_detail;  // e.g. the other website's host
    std::string found_evse_uid;  // the EVSE the code led to (m.location holds it)
    std::string found_connector_id;  // when the code names a connector (GreenFlux QR)
    // The launch address carries a charger code still in the address bar: kept until it led
    // somewhere final (found, refused, dismissed), so a reload while offline tries it again.
    bool launch_code = false;
};

}  // namespace core
