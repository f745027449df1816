// Raster map tiles for ui::map_tiles: the browser fetches each tile, decodes it off the main
// thread (createImageBitmap) and uploads it straight into a WebGL texture that ImGui draws as an
// image. The URL template and attribution come from map-config.json (serve.py writes it); no
// template, no tiles. A bounded least-recently-used set keeps GPU memory flat.
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include <emscripten/emscripten.h>

#include "platform/frame_loop.hpp"
#include "ui/map_surface.hpp"

namespace {

constexpr size_t kMaxTextures = 160;  // about 10 MB of 256 px RGBA tiles

struct Entry {
    unsigned texture = 0;
    bool failed = false;
    uint64_t used = 0;
};

using Key = std::tuple<int, int, int>;
std::map<Key, Entry> g_tiles;
std::string g_template, g_attribution;
uint64_t g_clock = 0;

EM_JS(void, js_tiles_config, (), {
    fetch('map-config.json', { cache: 'no-store' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (c) {
            if (!c || typeof c.tileUrl !== 'string' || !c.tileUrl) return;
            var put = function (s) {
                var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
                stringToUTF8(s, p, n);
                return p;
            };
            var u = put(c.tileUrl), a = put(typeof c.attribution === 'string' ? c.attribution : '');
            try { _ev_tiles_config(u, a); } finally { _free(u); _free(a); }
        })
        .catch(function () {});
});

// The decode happens in the browser's image decoder threads; only the upload is on this thread.
EM_JS(void, js_tile_fetch, (const char* url, int z, int x, int y), {
    fetch(UTF8ToString(url), { credentials: 'omit' })
        .then(function (r) { if (!r.ok) throw new Error('tile ' + r.status); return r.blob(); })
        .then(function (b) { return createImageBitmap(b); })
        .then(function (bmp) {
            var gl = GLctx;
            if (!gl) { bmp.close(); _ev_tile_done(z, x, y, 0); return; }
            var tex = gl.createTexture();
            gl.bindTexture(gl.TEXTURE_2D, tex);
            gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
            gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
            gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
            gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
            gl.pixelStorei(gl.UNPACK_ALIGNMENT, 4);
            gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, bmp);
            bmp.close();
            var id = GL.getNewId(GL.textures);
            tex.name = id;
            GL.textures[id] = tex;
            _ev_tile_done(z, x, y, id);
        })
        .catch(function () { _ev_tile_done(z, x, y, 0); });
});

EM_JS(void, js_tile_delete, (unsigned id), {
    var tex = GL.textures[id];
    if (tex && GLctx) GLctx.deleteTexture(tex);
    GL.textures[id] = null;
});

std::string tile_url(int z, int x, int y) {
    std::string url = g_template;
    auto put = [&](const char* name, int value) {
        for (size_t at; (at = url.find(name)) != std::string::npos;) url.replace(at, 3, std::to_string(value));
    };
    put("{z}", z);
    put("{x}", x);
    put("{y}", y);
    return url;
}

void evict() {
    if (g_tiles.size() <= kMaxTextures) return;
    std::vector<std::pair<uint64_t, Key>> order;
    for (const auto& [key, e] : g_tiles)
        if (e.texture != 0 || e.failed) order.emplace_back(e.used, key);  // loading ones finish first
    std::sort(order.begin(), order.end());
    for (const auto& [used, key] : order) {
        if (g_tiles.size() <= kMaxTextures) break;
        if (g_tiles[key].texture != 0) js_tile_delete(g_tiles[key].texture);
        g_tiles.erase(key);
    }
}

bool g_configured = false;

void configure_once() {
    if (g_configured) return;
    g_configured = true;
    js_tiles_config();
}

}  // namespace

namespace ui::map_tiles {

bool enabled() {
    configure_once();
    return !g_template.empty();
}

const char* attribution() { return g_attribution.c_str(); }

unsigned texture(int z, int x, int y) {
    const Key key{z, x, y};
    auto it = g_tiles.find(key);
    if (it == g_tiles.end()) {
        it = g_tiles.emplace(key, Entry{}).first;
        js_tile_fetch(tile_url(z, x, y).c_str(), z, x, y);
    }
    it->second.used = ++g_clock;
    const unsigned tex = it->second.texture;
    evict();
    return tex;
}

}  // namespace ui::map_tiles

extern "C" EMSCRIPTEN_KEEPALIVE void ev_tiles_config(const char* url_template, const char* attribution) {
    g_template = url_template;
    g_attribution = attribution;
    platform::frames::request();
}

extern "C" EMSCRIPTEN_KEEPALIVE void ev_tile_done(int z, int x, int y, unsigned texture) {
    const auto it = g_tiles.find(Key{z, x, y});
    if (it == g_tiles.end()) {  // evicted meanwhile
        if (texture != 0) js_tile_delete(texture);
        return;
    }
    it->second.texture = texture;
    it->second.failed = texture == 0;
    if (texture != 0) platform::frames::request();
}
