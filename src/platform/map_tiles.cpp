// Raster map tiles for ui::map_tiles: the browser fetches each tile (with an AbortController, so a
// tile that left the view stops holding one of the few connections), decodes it off the main
// thread (createImageBitmap) and uploads it straight into a WebGL texture that ImGui draws as an
// image. core::tiles::TileSet decides what to fetch, abort, retry and drop. The URL template and
// the credits come from map-config.json (serve.py writes it); no template, no tiles.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <emscripten/emscripten.h>

#include "core/map/map.hpp"
#include "platform/frame_loop.hpp"
#include "ui/map/map.hpp"

namespace {

using core::geo::TileId;

core::tiles::TileSet g_set;
std::string g_template, g_attribution, g_data_attribution;
std::optional<double> g_wake_at;  // a retry timer is set for then

EM_JS(void, js_tiles_config, (), {
    var put = function (s) {
        var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
        stringToUTF8(s, p, n);
        return p;
    };
    var text = function (v) { return typeof v === 'string' ? v : String(); };
    fetch('map-config.json', { cache: 'no-store' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (c) {
            if (!c || typeof c !== 'object') return;
            var u = put(text(c.tileUrl)), a = put(text(c.attribution)), d = put(text(c.dataAttribution));
            try { _ev_tiles_config(u, a, d); } finally { _free(u); _free(a); _free(d); }
        })
        .catch(function () {});
    // Tiles that failed while offline are asked for again as soon as the network is back.
    window.addEventListener('online', function () { _ev_tiles_online(); });
});

// The decode happens in the browser's image decoder threads; only the upload is on this thread.
// An aborted fetch never reports back: the core has already forgotten it.
EM_JS(void, js_tile_fetch, (const char* url, int z, int x, int y), {
    var jobs = Module.evTileJobs || (Module.evTileJobs = new Map());
    var key = z + '/' + x + '/' + y, ctrl = new AbortController();
    jobs.set(key, ctrl);
    window.__tileFetchesMax = Math.max(window.__tileFetchesMax || 0, jobs.size);  // read by tests
    var mine = function () { return !ctrl.signal.aborted && jobs.get(key) === ctrl; };
    fetch(UTF8ToString(url), { credentials: 'omit', signal: ctrl.signal })
        .then(function (r) { if (!r.ok) throw new Error('tile ' + r.status); return r.blob(); })
        .then(function (b) { return createImageBitmap(b); })
        .then(function (bmp) {
            if (!mine()) { bmp.close(); return; }
            jobs.delete(key);
            var id = Module['evTextureFrom'](bmp);  // platform/gl_context.cpp
            bmp.close();
            _ev_tile_done(z, x, y, id);
        })
        .catch(function () {
            if (!mine()) return;
            jobs.delete(key);
            _ev_tile_done(z, x, y, 0);
        });
});

EM_JS(void, js_tile_abort, (int z, int x, int y), {
    var jobs = Module.evTileJobs, key = z + '/' + x + '/' + y;
    var ctrl = jobs && jobs.get(key);
    if (!ctrl) return;
    jobs.delete(key);
    ctrl.abort();
    window.__tileAborts = (window.__tileAborts || 0) + 1;  // read by tests and benchmarks
});

EM_JS(void, js_tile_delete, (unsigned id), {
    var tex = GL.textures[id];
    if (tex && GLctx) GLctx.deleteTexture(tex);
    GL.textures[id] = null;
});

EM_JS(void, js_tiles_wake_in, (double ms), {
    clearTimeout(Module.evTileWake);
    Module.evTileWake = setTimeout(function () { _ev_tiles_wake(); }, ms);
});

double now_s() { return emscripten_get_now() / 1000.0; }

std::string tile_url(TileId t) {
    std::string url = g_template;
    auto put = [&](const char* name, int value) {
        for (size_t at; (at = url.find(name)) != std::string::npos;) url.replace(at, 3, std::to_string(value));
    };
    put("{z}", t.z);
    put("{x}", t.x);
    put("{y}", t.y);
    return url;
}

// A frame when a failed tile in view may be asked for again (render on demand: nothing else would draw one).
void schedule_retry(double now) {
    const std::optional<double> at = g_set.next_retry();
    if (!at || (g_wake_at && *g_wake_at <= *at && *g_wake_at > now)) return;
    g_wake_at = at;
    js_tiles_wake_in(std::max(0.0, *at - now) * 1000.0 + 50.0);
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

const char* data_attribution() {
    configure_once();
    return g_data_attribution.c_str();
}

void show(const std::vector<TileId>& tiles) {
    const double now = now_s();
    const core::tiles::Plan plan = g_set.plan(tiles, now);
    for (const TileId& t : plan.abort) js_tile_abort(t.z, t.x, t.y);
    for (const TileId& t : plan.start) js_tile_fetch(tile_url(t).c_str(), t.z, t.x, t.y);
    for (const unsigned tex : plan.release) js_tile_delete(tex);
    schedule_retry(now);
}

unsigned texture(TileId t) { return g_set.texture(t); }

Piece ancestor(TileId t) {
    const auto piece = g_set.ancestor(t);
    if (!piece) return {};
    const auto& c = piece->crop;
    return {piece->texture, static_cast<float>(c.u0), static_cast<float>(c.v0), static_cast<float>(c.u1),
            static_cast<float>(c.v1)};
}

}  // namespace ui::map_tiles

extern "C" EMSCRIPTEN_KEEPALIVE void ev_tiles_config(const char* url_template, const char* attribution,
                                                     const char* data_attribution) {
    g_template = url_template;
    g_attribution = attribution;
    g_data_attribution = data_attribution;
    platform::frames::request();
}

extern "C" EMSCRIPTEN_KEEPALIVE void ev_tile_done(int z, int x, int y, unsigned texture) {
    const TileId t{z, x, y};
    if (texture == 0) {
        g_set.failed(t, now_s());
    } else if (!g_set.loaded(t, texture)) {  // aborted or dropped meanwhile
        js_tile_delete(texture);
        return;
    }
    // A new image to draw, or a free slot for the next tile in the queue: both need a frame.
    platform::frames::request();
}

extern "C" EMSCRIPTEN_KEEPALIVE void ev_tiles_online() {
    g_set.network_back();
    platform::frames::request();
}

extern "C" EMSCRIPTEN_KEEPALIVE void ev_tiles_wake() {
    g_wake_at.reset();
    platform::frames::request();
}
