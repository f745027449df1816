// navigator.geolocation.getCurrentPosition -> Located / LocateFailed{denied} for the map.
#include "platform/geolocation.hpp"

#include <emscripten/emscripten.h>

#include "core/journey/journey.hpp"
#include "platform/dispatcher.hpp"

namespace platform::geolocation {
namespace {

// code 1 is PERMISSION_DENIED; no API (old browser, insecure page) reads as unavailable.
EM_JS(void, js_locate, (), {
    var done = function (ok, lat, lng, denied) { _ev_geo_done(ok, lat, lng, denied); };
    if (!navigator.geolocation) { done(0, 0, 0, 0); return; }
    navigator.geolocation.getCurrentPosition(
        function (p) { done(1, p.coords.latitude, p.coords.longitude, 0); },
        function (e) { done(0, 0, 0, e && e.code === 1 ? 1 : 0); },
        { enableHighAccuracy: false, timeout: 15000, maximumAge: 60000 });
});

}  // namespace

void locate() { js_locate(); }

}  // namespace platform::geolocation

extern "C" EMSCRIPTEN_KEEPALIVE void ev_geo_done(int ok, double lat, double lng, int denied) {
    if (ok) platform::dispatch(core::UserIntent{core::MapIntent{core::intent::Located{lat, lng}}});
    else platform::dispatch(core::UserIntent{core::MapIntent{core::intent::LocateFailed{denied != 0}}});
}
