// The scan flow: from a decoded or typed code to the EVSE it names, shown to the driver before
// anything starts. The journey calls these hooks; the state lives in Model::scan (core/scan/state.hpp).
#pragma once
#include <vector>

#include "journey.hpp"
#include "core/scan/scan.hpp"

namespace core::scan {

// After the journey's own boot: learns the app's origin and, when the page was opened from a
// sticker pointing at this app (?evse=, ?qr=, /qr/..., /evse/...), looks that charger up.
void on_boot(Model& m, const Boot& boot, std::vector<Effect>& out);
// Handles the scan intents (and Back on the scan screens); false when `intent` is not one.
bool on_intent(Model& m, const UserIntent& intent, std::vector<Effect>& out);
void on_decoded(Model& m, const QrDecoded& decoded, std::vector<Effect>& out);
void on_camera(Model& m, const CameraReport& report);
void on_response(Model& m, const HttpResponse& r, const PendingRequest& request, std::vector<Effect>& out);


// POST /api/qr {url} and GET /api/locations/evse/{id}.
HttpRequest qr_request(std::string_view url);
HttpRequest evse_request(std::string_view evse_id);

}  // namespace core::scan
