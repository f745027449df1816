// The offline base map's cells for ui::basemap_cells: the browser fetches each cell file
// (basemap/{z}/{x}/{y}.bin, written at build time and served with the app) as bytes, and the core
// decodes it. core::tiles::TileSet decides what to fetch, abort, retry and drop, as for raster
// tiles; its "texture" here is a slot in this file's store of decoded cells. A 404 is a cell
// outside the covered region: kept as an absent cell, drawn as plain land.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <emscripten/emscripten.h>

#include "core/basemap/basemap.hpp"
#include "core/map/map.hpp"
#include "platform/frame_loop.hpp"
#include "ui/map/map.hpp"

namespace {

using core::geo::TileId;

core::tiles::TileSet g_set(core::tiles::Limits{4, 96, 30, 6});
struct Slot {
    bool used = false;
    ui::basemap_cells::Loaded cell;
};
std::vector<Slot> g_slots;  // slot i is the set's "texture" i + 1
std::optional<double> g_wake_at;
bool g_online_hooked = false;

EM_JS(void, js_cell_fetch, (int z, int x, int y), {
    var jobs = Module.evCellJobs || (Module.evCellJobs = new Map());
    var key = z + '/' + x + '/' + y, ctrl = new AbortController();
    jobs.set(key, ctrl);
    var mine = function () { return !ctrl.signal.aborted && jobs.get(key) === ctrl; };
    fetch('basemap/' + key + '.bin', { credentials: 'omit', signal: ctrl.signal })
        .then(function (r) {
            if (r.status === 404) return null;
            if (!r.ok) throw new Error('cell ' + r.status);
            return r.arrayBuffer();
        })
        .then(function (buf) {
            if (!mine()) return;
            jobs.delete(key);
            if (buf === null) { _ev_cell_done(z, x, y, 0, 0, 404); return; }
            var bytes = new Uint8Array(buf), p = _malloc(Math.max(1, bytes.length));
            HEAPU8.set(bytes, p);
            try { _ev_cell_done(z, x, y, p, bytes.length, 200); } finally { _free(p); }
        })
        .catch(function () {
            if (!mine()) return;
            jobs.delete(key);
            _ev_cell_done(z, x, y, 0, 0, 0);
        });
});

EM_JS(void, js_cell_abort, (int z, int x, int y), {
    var jobs = Module.evCellJobs, key = z + '/' + x + '/' + y;
    var ctrl = jobs && jobs.get(key);
    if (!ctrl) return;
    jobs.delete(key);
    ctrl.abort();
});

EM_JS(void, js_cells_wake_in, (double ms), {
    clearTimeout(Module.evCellWake);
    Module.evCellWake = setTimeout(function () { _ev_cells_wake(); }, ms);
});

EM_JS(void, js_cells_hook_online, (), { window.addEventListener('online', function () { _ev_cells_online(); }); });

double now_s() { return emscripten_get_now() / 1000.0; }

unsigned store(ui::basemap_cells::Loaded&& cell) {
    for (size_t i = 0; i < g_slots.size(); ++i) {
        if (!g_slots[i].used) {
            g_slots[i] = {true, std::move(cell)};
            return static_cast<unsigned>(i + 1);
        }
    }
    g_slots.push_back({true, std::move(cell)});
    return static_cast<unsigned>(g_slots.size());
}

void release(unsigned handle) {
    if (handle == 0 || handle > g_slots.size()) return;
    g_slots[handle - 1] = {};
}

const ui::basemap_cells::Loaded* at(unsigned handle) {
    if (handle == 0 || handle > g_slots.size() || !g_slots[handle - 1].used) return nullptr;
    return &g_slots[handle - 1].cell;
}

}  // namespace

namespace ui::basemap_cells {

void show(const std::vector<TileId>& cells) {
    if (!g_online_hooked) {
        g_online_hooked = true;
        js_cells_hook_online();
    }
    const double now = now_s();
    const core::tiles::Plan plan = g_set.plan(cells, now);
    for (const TileId& t : plan.abort) js_cell_abort(t.z, t.x, t.y);
    for (const TileId& t : plan.start) js_cell_fetch(t.z, t.x, t.y);
    for (const unsigned h : plan.release) release(h);
    const std::optional<double> retry = g_set.next_retry();
    if (retry && !(g_wake_at && *g_wake_at <= *retry && *g_wake_at > now)) {
        g_wake_at = retry;
        js_cells_wake_in(std::max(0.0, *retry - now) * 1000.0 + 50.0);
    }
}

const Loaded* cell(TileId t) { return at(g_set.texture(t)); }

const Loaded* ancestor(TileId t) {
    const auto piece = g_set.ancestor(t);
    return piece ? at(piece->texture) : nullptr;
}

}  // namespace ui::basemap_cells

extern "C" EMSCRIPTEN_KEEPALIVE void ev_cell_done(int z, int x, int y, const uint8_t* bytes, int length, int status) {
    const TileId t{z, x, y};
    if (status == 0) {
        g_set.failed(t, now_s());
        return;
    }
    ui::basemap_cells::Loaded loaded;
    loaded.id = t;
    if (status == 200) {
        auto cell = core::basemap::decode(std::string_view(reinterpret_cast<const char*>(bytes), static_cast<size_t>(length)));
        if (!cell) {  // a broken file: no better copy will come, draw land
            loaded.absent = true;
        } else {
            loaded.cell = std::move(*cell);
        }
    } else {
        loaded.absent = true;
    }
    const unsigned handle = store(std::move(loaded));
    if (!g_set.loaded(t, handle)) {
        release(handle);
        return;
    }
    platform::frames::request();
}

extern "C" EMSCRIPTEN_KEEPALIVE void ev_cells_online() {
    g_set.network_back();
    platform::frames::request();
}

extern "C" EMSCRIPTEN_KEEPALIVE void ev_cells_wake() {
    g_wake_at.reset();
    platform::frames::request();
}
