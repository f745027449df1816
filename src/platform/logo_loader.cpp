// The logo through the browser's image decoder: an <img> (same origin, or CORS for other hosts)
// uploaded as a texture of the app's WebGL context, then handed to the UI (ui::set_logo).
#include "platform/logo_loader.hpp"

#include <emscripten/emscripten.h>

#include "platform/frame_loop.hpp"
#include "ui/widgets/widgets.hpp"

namespace platform::logo {
namespace {

std::string g_url;  // asked for

EM_JS(void, js_load_logo, (const char* url_ptr), {
    var url = UTF8ToString(url_ptr);
    var img = new Image();
    if (/^https?:/i.test(url)) img.crossOrigin = 'anonymous';  // a tainted image cannot be a texture
    img.onload = function() {
        var id = Module['evTextureFrom'](img);  // platform/gl_context.cpp
        if (id) _ev_logo_loaded(id, img.naturalWidth, img.naturalHeight);
    };
    img.onerror = function() { _ev_logo_loaded(0, 0, 0); };
    img.src = url;
});

}  // namespace

void want(const std::string& url) {
    if (url == g_url) return;
    g_url = url;
    ui::set_logo(0, 0, 0);
    if (!url.empty()) js_load_logo(url.c_str());
}

}  // namespace platform::logo

extern "C" EMSCRIPTEN_KEEPALIVE void ev_logo_loaded(int texture, int width, int height) {
    ui::set_logo(static_cast<unsigned>(texture), width, height);
    platform::frames::request();
}
