// prefers-color-scheme through matchMedia; a change redraws. The shell's own CSS already follows
// the media query for the first paint; this keeps it in step with a theme the driver chose.
#include "platform/color_scheme.hpp"

#include <cstdio>

#include <emscripten/emscripten.h>

#include "platform/frame_loop.hpp"

namespace platform::color_scheme {
namespace {

bool g_system_dark = false;
int g_told_dark = -1;
uint32_t g_told_surface = 0;

EM_JS(int, js_watch_scheme, (), {
    if (!window.matchMedia) return 0;
    var mq = matchMedia('(prefers-color-scheme: dark)');
    var changed = function() { _ev_color_scheme_changed(mq.matches ? 1 : 0); };
    if (mq.addEventListener) mq.addEventListener('change', changed);
    else if (mq.addListener) mq.addListener(changed);
    return mq.matches ? 1 : 0;
});

EM_JS(void, js_tell_page, (int dark, const char* colour), {
    var c = UTF8ToString(colour);
    var root = document.documentElement;
    root.style.colorScheme = dark ? 'dark' : 'light';
    root.style.background = c;
    document.body.style.background = c;
    root.dataset.theme = dark ? 'dark' : 'light';
    document.querySelectorAll('meta[name="theme-color"]').forEach(function(m) { m.setAttribute('content', c); });
});

}  // namespace

void install() { g_system_dark = js_watch_scheme() != 0; }

bool system_dark() { return g_system_dark; }

void after_frame(bool dark, uint32_t surface_rgb) {
    if (static_cast<int>(dark) == g_told_dark && surface_rgb == g_told_surface) return;
    g_told_dark = dark;
    g_told_surface = surface_rgb;
    char colour[8];
    std::snprintf(colour, sizeof colour, "#%06x", surface_rgb & 0xFFFFFF);
    js_tell_page(dark, colour);
}

}  // namespace platform::color_scheme

extern "C" EMSCRIPTEN_KEEPALIVE void ev_color_scheme_changed(int dark) {
    platform::color_scheme::g_system_dark = dark != 0;
    platform::frames::request();
}
