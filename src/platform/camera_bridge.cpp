// Camera effects to web/camera.js, and its reports back into the core as events.
#include "platform/camera_bridge.hpp"

#include <cmath>
#include <string>

#include <emscripten/emscripten.h>

#include "platform/dispatcher.hpp"

namespace platform::camera {
namespace {

EM_JS(void, js_camera_set, (int on, int torch), { if (window.evCamera) evCamera.set(!!on, !!torch); });
EM_JS(void, js_camera_place, (double x, double y, double w, double h), {
    if (window.evCamera) evCamera.place(x, y, w, h);
});

struct Placed {
    double x = -1, y = -1, w = -1, h = -1;
    bool operator==(const Placed&) const = default;
};
Placed g_placed;

}  // namespace

void apply(const core::Camera& effect) { js_camera_set(effect.on, effect.torch); }

void place(const std::optional<ui::ViewBox>& box, float dpr) {
    Placed p{0, 0, 0, 0};
    if (box && dpr > 0) p = {std::round(box->x / dpr), std::round(box->y / dpr), std::round(box->w / dpr), std::round(box->h / dpr)};
    if (p == g_placed) return;  // the page is touched only when the box moves
    g_placed = p;
    js_camera_place(p.x, p.y, p.w, p.h);
}

}  // namespace platform::camera

// Called by web/camera.js with the text of a decoded code (untrusted; any bytes).
extern "C" EMSCRIPTEN_KEEPALIVE void ev_qr_decoded(const char* text, int length) {
    platform::dispatch(core::QrDecoded{std::string(text, static_cast<size_t>(length))});
}

// Called by web/camera.js when the camera starts, fails or stops: status is a CameraStatus.
extern "C" EMSCRIPTEN_KEEPALIVE void ev_camera_report(int status, int torch_supported) {
    if (status < 0 || status > static_cast<int>(core::CameraStatus::Failed)) return;
    platform::dispatch(core::CameraReport{static_cast<core::CameraStatus>(status), torch_supported != 0});
}
