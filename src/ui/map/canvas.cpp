// Draws the map (see canvas.hpp). Clusters are cached per data version and zoom, so a pan
// only re-projects; the hit test runs only on a tap. Gestures come from the platform as MapMoved.
#include "canvas.hpp"

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "core/deploy/deploy.hpp"
#include "core/text/text.hpp"
#include "core/map/map.hpp"
#include "imgui.h"
#include "basemap_layer.hpp"
#include "surface.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;
namespace geo = core::geo;

namespace {

// Markers whose boxes of this size (CSS px) would overlap merge: a 48 px touch target each, and
// room for the largest cluster's disc (24 px radius and its 3 px ring) beside another.
constexpr double kMarkerGapCss = 56;
constexpr float kMarkerTargetCss = 48;
constexpr double kGridZoom = 13;  // from here on the base map is mostly one colour: a grid shows movement
constexpr int kMirroredMarkers = 40;     // markers also offered to screen readers and tests
constexpr double kKwLabelZoom = 15;      // from here on each marker shows its power in figures


bool g_clustering = true;
bool g_legend = false;  // the legend under the map, opened with its info button

// The markers the map may draw: loaded locations matching the search words, then the service-wide
// search results not loaded yet. Clusters are cached per data version, words, results and zoom,
// so a pan only re-projects; a zoom re-places (the order is kept per data version).
struct MarkerCache {
    uint64_t version = ~0ull;
    size_t count = 0;
    std::string words;
    const void* results = nullptr;
    size_t results_count = 0;
    std::vector<size_t> order;  // indices into locations: fast chargers first, then by id (stable)
    std::vector<const core::LocationSummary*> items;
    std::vector<geo::World> world;
    double zoom = -1;
    bool clustering = true;
    std::vector<core::cluster::Cluster> clusters;
};

MarkerCache& markers_for(const core::MapState& map, std::string_view words, double zoom) {
    static MarkerCache cache;
    const bool new_data = cache.version != map.data_version || cache.count != map.locations.size();
    if (new_data) {
        cache.order.resize(map.locations.size());
        for (size_t i = 0; i < cache.order.size(); ++i) cache.order[i] = i;
        std::sort(cache.order.begin(), cache.order.end(), [&](size_t a, size_t b) {
            const auto& x = map.locations[a].summary;
            const auto& y = map.locations[b].summary;
            const int px = core::power_class(x.max_kw), py = core::power_class(y.max_kw);
            return px != py ? px > py : x.id < y.id;
        });
    }
    const bool same_items = !new_data && cache.words == words && cache.results == map.search_results.data() &&
                            cache.results_count == map.search_results.size();
    if (!same_items) {
        cache.items.clear();
        cache.world.clear();
        for (const size_t i : cache.order) {
            const auto& l = map.locations[i];
            if (!core::matches_words(l.summary, words)) continue;
            cache.items.push_back(&l.summary);
            cache.world.push_back(l.world);
        }
        for (const auto& r : map.search_results) {
            if (map.location_index.count(r.id) != 0) continue;  // loaded: already in (when it matches)
            cache.items.push_back(&r);
            cache.world.push_back(geo::project({r.lat, r.lng}));
        }
        cache.version = map.data_version;
        cache.count = map.locations.size();
        cache.words = std::string(words);
        cache.results = map.search_results.data();
        cache.results_count = map.search_results.size();
        cache.zoom = -1;
    }
    if (cache.zoom != zoom || cache.clustering != g_clustering) {
        const double size = geo::world_px(zoom);
        std::vector<core::cluster::Point> points;
        points.reserve(cache.items.size());
        for (size_t i = 0; i < cache.items.size(); ++i) {
            // A cluster is green when any member's marker is, grey when no member's state is known.
            const core::MarkerState state = core::marker_state(*cache.items[i]);
            points.push_back({cache.world[i].x * size, cache.world[i].y * size, static_cast<int>(i),
                              state == core::MarkerState::Free, state != core::MarkerState::Unknown});
        }
        cache.clusters = core::cluster::build(points, g_clustering ? kMarkerGapCss : 1e-3);
        cache.zoom = zoom;
        cache.clustering = g_clustering;
    }
    return cache;
}

ImU32 parse_hex(const std::string& hex, ImU32 fallback) {
    const auto rgb = core::parse_hex_colour(hex);
    if (!rgb) return fallback;
    return IM_COL32((*rgb >> 16) & 0xFF, (*rgb >> 8) & 0xFF, *rgb & 0xFF, 0xFF);
}

// The map's world origin and scale for this frame.
struct View {
    geo::Camera camera;
    ImVec2 origin;  // device px of the map's top-left
    float dpr = 1;
    double size = 0;  // world px (CSS) at this zoom
    geo::World centre;
    ImVec2 to_screen(double wx, double wy) const {  // world px at this zoom -> device px
        double dx = wx - centre.x * size;
        if (dx > size / 2) dx -= size;
        if (dx < -size / 2) dx += size;
        return ImVec2(origin.x + static_cast<float>((camera.width / 2 + dx) * dpr),
                      origin.y + static_cast<float>((camera.height / 2 + wy - centre.y * size) * dpr));
    }
};

void draw_background(const View& v, ImDrawList* dl, const ImVec2& end) {
    dl->AddRectFilled(v.origin, end, theme::colour(theme::Role::MapLand));
    if (map_tiles::enabled()) {
        const int z = std::clamp(static_cast<int>(std::lround(v.camera.zoom)), 2, 19);
        const double tile = v.size / std::exp2(z);  // CSS px of one tile on screen
        const float side = static_cast<float>(tile * v.dpr), half = side / 2;
        const std::vector<geo::TileId> tiles = geo::covering_tiles(v.camera, z);
        map_tiles::show(tiles);
        auto image = [dl](unsigned tex, ImVec2 a, ImVec2 b, ImVec2 uv0 = ImVec2(0, 0), ImVec2 uv1 = ImVec2(1, 1)) {
            dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(tex)), a, b, uv0, uv1);
        };
        for (const geo::TileId& t : tiles) {
            const ImVec2 a = v.to_screen(t.x * tile, t.y * tile);
            const ImVec2 b(a.x + side, a.y + side);
            if (const unsigned tex = map_tiles::texture(t)) {
                image(tex, a, b);
                continue;
            }
            // Not here yet (or failed): the nearest loaded ancestor stretched over it, then any
            // loaded children (after zooming out) on top, so the background never flashes empty.
            const map_tiles::Piece up = map_tiles::ancestor(t);
            if (up.texture != 0) image(up.texture, a, b, ImVec2(up.u0, up.v0), ImVec2(up.u1, up.v1));
            if (z >= static_cast<int>(geo::kMaxZoom)) continue;
            const auto kids = core::tiles::children(t);
            for (int i = 0; i < 4; ++i) {
                if (const unsigned tex = map_tiles::texture(kids[static_cast<size_t>(i)])) {
                    const ImVec2 k(a.x + (i % 2) * half, a.y + (i / 2) * half);
                    image(tex, k, ImVec2(k.x + half, k.y + half));
                }
            }
        }
        return;
    }
    // No tile server: the offline base map. Where it has no cell, and at street level where it has
    // no streets to show, a grid so movement and scale still read.
    if (basemap_layer::draw_ground(dl, {v.camera, v.origin, end, v.dpr}) && v.camera.zoom < kGridZoom) return;
    const int z = std::clamp(static_cast<int>(std::floor(v.camera.zoom)) + 2, 0, 24);
    const double step = v.size / std::exp2(z);
    const double left = v.centre.x * v.size - v.camera.width / 2, top = v.centre.y * v.size - v.camera.height / 2;
    for (double x = std::ceil(left / step) * step; x < left + v.camera.width; x += step) {
        const float sx = v.origin.x + static_cast<float>((x - left) * v.dpr);
        dl->AddLine(ImVec2(sx, v.origin.y), ImVec2(sx, end.y), theme::colour(theme::Role::MapGrid), theme::px(1));
    }
    for (double y = std::ceil(top / step) * step; y < top + v.camera.height; y += step) {
        const float sy = v.origin.y + static_cast<float>((y - top) * v.dpr);
        dl->AddLine(ImVec2(v.origin.x, sy), ImVec2(end.x, sy), theme::colour(theme::Role::MapGrid), theme::px(1));
    }
}

ImU32 state_colour(core::MarkerState state) {
    switch (state) {
        case core::MarkerState::Free: return theme::colour(theme::Role::Success);
        case core::MarkerState::Busy: return theme::colour(theme::Role::Warning);
        case core::MarkerState::OutOfOrder: return theme::colour(theme::Role::Danger);
        case core::MarkerState::Unknown: break;
    }
    return theme::colour(theme::Role::OnSurfaceMuted);
}

// Size says power class, shape says current (DC square, AC round), colour says availability and a
// white glyph says it again for those who cannot tell the colours apart (free: none, busy: a bar,
// out of order: a cross, unknown: "?"); the ring is the operator's colour when it has one.
void draw_marker_shape(ImDrawList* dl, ImVec2 p, core::MarkerState state, bool dc, int power_class, ImU32 ring) {
    static constexpr float kRadius[] = {8.0f, 10.0f, 12.0f, 14.0f};
    const float r = theme::px(kRadius[std::clamp(power_class, 0, 3)]);
    const ImU32 fill = state_colour(state);
    const float ring_w = theme::px(2.5f);
    if (dc) {
        dl->AddRectFilled(ImVec2(p.x - r - ring_w, p.y - r - ring_w), ImVec2(p.x + r + ring_w, p.y + r + ring_w), ring,
                          theme::px(4));
        dl->AddRectFilled(ImVec2(p.x - r, p.y - r), ImVec2(p.x + r, p.y + r), fill, theme::px(3));
    } else {
        dl->AddCircleFilled(p, r + ring_w, ring, 16);
        dl->AddCircleFilled(p, r, fill, 16);
    }
    const float g = r * 0.5f, w = std::max(theme::px(2), r * 0.28f);
    switch (state) {
        case core::MarkerState::Free: break;
        case core::MarkerState::Busy:
            dl->AddLine(ImVec2(p.x - g, p.y), ImVec2(p.x + g, p.y), theme::colour(theme::Role::Surface), w);
            break;
        case core::MarkerState::OutOfOrder:
            dl->AddLine(ImVec2(p.x - g, p.y - g), ImVec2(p.x + g, p.y + g), theme::colour(theme::Role::Surface), w);
            dl->AddLine(ImVec2(p.x - g, p.y + g), ImVec2(p.x + g, p.y - g), theme::colour(theme::Role::Surface), w);
            break;
        case core::MarkerState::Unknown: {
            const float size = r * 1.5f;
            const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0, "?");
            dl->AddText(ImGui::GetFont(), size, ImVec2(p.x - ts.x / 2, p.y - ts.y / 2), theme::colour(theme::Role::Surface), "?");
            break;
        }
    }
}

void draw_marker(ImDrawList* dl, ImVec2 p, const core::LocationSummary& s, bool with_kw) {
    const ImU32 surface = theme::colour(theme::Role::Surface);
    const ImU32 ring = s.branding ? parse_hex(s.branding->primary_color_hex, surface) : surface;
    const int power = core::power_class(s.max_kw);
    draw_marker_shape(dl, p, core::marker_state(s), s.has_dc, power, ring);
    if (!with_kw) return;
    // Street level: the power in figures under the marker, small, on a light pill.
    const std::string kw = core::marker_kw_badge(s);
    if (kw.empty()) return;
    const float size = ImGui::GetFontSize() * 0.75f;
    const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0, kw.c_str());
    const ImVec2 at(p.x - ts.x / 2, p.y + theme::px(14 + 4));
    dl->AddRectFilled(ImVec2(at.x - theme::px(3), at.y - theme::px(1)), ImVec2(at.x + ts.x + theme::px(3), at.y + ts.y + theme::px(1)),
                      theme::colour(theme::Role::SurfaceRaised, 0.9f), theme::px(3));
    dl->AddText(ImGui::GetFont(), size, at, theme::colour(theme::Role::OnSurface), kw.c_str());
}

void draw_cluster(ImDrawList* dl, ImVec2 p, const core::cluster::Cluster& c) {
    const float r = theme::px(c.count >= 100 ? 24.0f : c.count >= 10 ? 20.0f : 17.0f);
    dl->AddCircleFilled(p, r + theme::px(3), theme::colour(theme::Role::Surface, 0.88f), 20);
    dl->AddCircleFilled(p, r, availability_colour(c.available, c.total), 20);
    char count[16];
    std::snprintf(count, sizeof count, "%d", c.count);
    const ImVec2 ts = ImGui::CalcTextSize(count);
    dl->AddText(ImVec2(p.x - ts.x / 2, p.y - ts.y / 2), theme::colour(theme::Role::Surface), count);
}

// Zooms in on a cluster: far enough that its members spread out (at least two levels).
geo::Camera zoom_into(const View& v, const core::cluster::Cluster& c) {
    geo::Camera cam = v.camera;
    const double w = (c.max_x - c.min_x), h = (c.max_y - c.min_y);
    double zoom = cam.zoom + 2;
    if (w > 0 || h > 0) {
        const double fit = cam.zoom + std::log2(std::min(cam.width * 0.6 / std::max(w, 1e-6), cam.height * 0.6 / std::max(h, 1e-6)));
        zoom = std::max(zoom, std::min(fit, cam.zoom + 5));
    }
    const geo::LatLng centre = geo::unproject({c.x / v.size, c.y / v.size});
    cam.centre = centre;
    cam.zoom = std::min(zoom, geo::kMaxZoom);
    return geo::normalized(cam);
}

std::string cluster_name(const core::cluster::Cluster& c) {
    return core::tr_format(Str::ClusterLabel, {std::to_string(c.count)});
}

// Credits, bottom right: the tiles' attribution and the charger data's licence (both from the
// server), each wrapped to the room right of `left` and in the accessibility mirror. Laid out
// before anything is drawn, so markers keep clear of it.
struct Credits {
    std::string pieces[2];  // the tiles' credit; "Charging station data: <who, licence>" in the driver's language
    ImVec2 sizes[2];
    ImVec2 min, max;  // the box; empty when there is nothing to credit
    float size = 0, wrap = 0;
};

// The server names who the charger data is from and its licence ("Bundesnetzagentur, CC BY 4.0").
std::string charger_data_credit() {
    const char* who = map_tiles::data_attribution();
    return *who == 0 ? std::string() : core::tr_format(Str::ChargerDataCredit, {who});
}

Credits layout_credits(const ImVec2& end, float left) {
    Credits c;
    c.pieces[0] = map_tiles::enabled() ? map_tiles::attribution() : basemap_layer::drawn() ? core::basemap::kCreditShort : "";
    c.pieces[1] = charger_data_credit();
    ImFont* font = ImGui::GetFont();
    c.size = ImGui::GetFontSize() * 0.8f;
    const float pad = theme::px(4), margin = theme::px(6), gap = theme::px(2);
    c.wrap = std::max(theme::px(120), end.x - margin - pad - (left + pad));
    float w = 0, h = 0;
    for (int i = 0; i < 2; ++i) {
        if (c.pieces[i].empty()) continue;
        c.sizes[i] = font->CalcTextSizeA(c.size, FLT_MAX, c.wrap, c.pieces[i].c_str());
        w = std::max(w, c.sizes[i].x);
        h += c.sizes[i].y + (h > 0 ? gap : 0);
    }
    if (h == 0) return c;
    c.min = ImVec2(end.x - margin - w - 2 * pad, end.y - margin - h - 2 * pad);
    c.max = ImVec2(end.x - margin, end.y - margin);
    return c;
}

void draw_credits(ImDrawList* dl, const Credits& c) {
    if (c.max.x <= c.min.x) return;
    const float pad = theme::px(4), gap = theme::px(2);
    dl->AddRectFilled(c.min, c.max, theme::colour(theme::Role::SurfaceRaised, 0.9f), theme::px(4));
    float y = c.min.y + pad;
    for (int i = 0; i < 2; ++i) {
        if (c.pieces[i].empty()) continue;
        const ImVec2 at(c.max.x - pad - c.sizes[i].x, y);
        dl->AddText(ImGui::GetFont(), c.size, at, theme::colour(theme::Role::OnSurface), c.pieces[i].c_str(), nullptr, c.wrap);
        const int index = a11y::add(a11y::Role::Text, c.pieces[i]);
        a11y::node(index).box = {at.x, at.y, c.sizes[i].x, c.sizes[i].y};
        y += c.sizes[i].y + gap;
    }
}

// The legend under the map: each line with the marker it explains drawn beside it.
void draw_legend() {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    heading(tr(Str::LegendTitle));
    const float indent = theme::px(52);
    const ImU32 kRing = theme::colour(theme::Role::Surface);
    // A row is at least as tall as its sample (css px), which sits beside the first line of text.
    auto row = [&](Str line, auto&& sample, float sample_css = 30) {
        const ImVec2 top = ImGui::GetCursorScreenPos();
        const float tall = theme::px(sample_css);
        ImGui::Indent(indent);
        text(tr(line));
        ImGui::Unindent(indent);
        const float below = top.y + tall - ImGui::GetCursorScreenPos().y;
        if (below > 0) ImGui::Dummy(ImVec2(0, below));
        sample(ImVec2(top.x + indent / 2, top.y + std::max(tall, ImGui::GetTextLineHeight()) / 2));
    };
    using core::MarkerState;
    row(Str::LegendFree, [&](ImVec2 p) { draw_marker_shape(dl, p, MarkerState::Free, false, 1, kRing); });
    row(Str::LegendBusy, [&](ImVec2 p) { draw_marker_shape(dl, p, MarkerState::Busy, false, 1, kRing); });
    row(Str::LegendOutOfOrder, [&](ImVec2 p) { draw_marker_shape(dl, p, MarkerState::OutOfOrder, false, 1, kRing); });
    row(Str::LegendUnknown, [&](ImVec2 p) { draw_marker_shape(dl, p, MarkerState::Unknown, false, 1, kRing); });
    row(Str::LegendShape, [&](ImVec2 p) {
        draw_marker_shape(dl, ImVec2(p.x - theme::px(10), p.y), MarkerState::Free, false, 0, kRing);
        draw_marker_shape(dl, ImVec2(p.x + theme::px(11), p.y), MarkerState::Free, true, 0, kRing);
    });
    row(Str::LegendSize, [&](ImVec2 p) {
        draw_marker_shape(dl, ImVec2(p.x - theme::px(13), p.y), MarkerState::Free, false, 0, kRing);
        draw_marker_shape(dl, ImVec2(p.x + theme::px(11), p.y), MarkerState::Free, false, 2, kRing);
    });
    row(Str::LegendRing, [&](ImVec2 p) {
        draw_marker_shape(dl, p, MarkerState::Free, false, 1, theme::colour(theme::Role::Focus));  // any operator colour
    });
    row(Str::LegendCluster, [&](ImVec2 p) {
        core::cluster::Cluster c;
        c.count = 12;
        c.available = c.total = 1;
        draw_cluster(dl, p, c);
    }, 44);
    // Who the map's data is from, in full (the map's corner has room for short names only).
    section_label(tr(Str::LegendCredits));
    ImGui::PushTextWrapPos(0);
    if (map_tiles::enabled() && *map_tiles::attribution() != 0) text(map_tiles::attribution());
    else text(core::basemap::kCredit);
    if (const std::string data = charger_data_credit(); !data.empty()) text(data);
    ImGui::PopTextWrapPos();
    if (button(tr(Str::LegendClose))) g_legend = false;
}

// The sheet opening shrinks the map about its middle: a marker tapped near the edge would drop
// out of sight just as its sheet opens, so the map then centres on it.
void keep_selected_in_sight(const core::MapState& map, geo::Camera& camera) {
    const auto it = map.location_index.find(map.selected_id);
    if (map.selected_id.empty() || it == map.location_index.end()) return;
    const core::MapLocation& l = map.locations[it->second];
    const double size = geo::world_px(camera.zoom);
    const geo::World c = geo::project(camera.centre);
    const double margin = 24;  // CSS px: a marker's half width
    const double dx = (l.world.x - c.x) * size, dy = (l.world.y - c.y) * size;
    if (std::abs(dx) > camera.width / 2 - margin || std::abs(dy) > camera.height / 2 - margin)
        camera.centre = {l.summary.lat, l.summary.lng};
}

// What floats over the map, laid out before the map is drawn: the zoom and locate buttons down
// the right edge (along the top when the sheet leaves only a strip of map), a quiet status note
// top left where no button covers it, the scale bar bottom left and the credits bottom right.
struct Overlay {
    bool controls_in_row = false;
    ImVec2 controls_min, controls_max;
    const char* note = nullptr;
    ImVec2 note_min, note_max;
    float note_wrap = 0;
    geo::ScaleBar bar;
    ImVec2 bar_min, bar_max;
    Credits credits;
    // The boxes of what is there (an absent note, bar or credit has an empty box).
    std::array<core::basemap::Box, 4> boxes() const {
        const auto box = [](ImVec2 lo, ImVec2 hi) { return core::basemap::Box{lo.x, lo.y, hi.x, hi.y}; };
        return {box(controls_min, controls_max), box(note_min, note_max), box(bar_min, bar_max),
                box(credits.min, credits.max)};
    }
    void add_to(std::vector<core::basemap::Box>& out) const {
        for (const auto& b : boxes())
            if (b.x1 > b.x0) out.push_back(b);
    }
    bool covers(ImVec2 a, ImVec2 b) const {
        for (const auto& o : boxes())
            if (o.x1 > o.x0 && a.x < o.x1 && b.x > o.x0 && a.y < o.y1 && b.y > o.y0) return true;
        return false;
    }
};

const char* status_note(const core::MapState& map) {
    if (map.locate == core::LocateState::Denied) return tr(Str::LocateDenied);
    if (map.locate == core::LocateState::Unavailable) return tr(Str::LocateUnavailable);
    if (map.locate == core::LocateState::Asking) return tr(Str::Locating);
    if (map.offline || map.page_offline) return tr(Str::MapOffline);
    if (map.server_error) return tr(Str::MapServerError);
    if (core::map_loading(map)) return tr(Str::MapLoading);
    if (core::map_truncated(map)) return tr(Str::MapTruncated);
    return nullptr;
}

Overlay layout_overlay(const core::MapState& map, const View& v, const ImVec2& end) {
    Overlay o;
    const float bw = theme::touch(), gap = theme::space(theme::Space::S);
    constexpr int kControls = 4;
    o.controls_in_row = v.origin.y + gap + kControls * (bw + gap) > end.y - theme::px(40);
    if (o.controls_in_row) {
        o.controls_min = ImVec2(end.x - kControls * (bw + gap), v.origin.y + gap);
        o.controls_max = ImVec2(end.x - gap, v.origin.y + gap + bw);
    } else {
        o.controls_min = ImVec2(end.x - bw - gap, v.origin.y + gap);
        o.controls_max = ImVec2(end.x - gap, v.origin.y + gap + kControls * (bw + gap) - gap);
    }

    o.bar = geo::scale_bar(v.camera.centre.lat, v.camera.zoom, 100);
    if (o.bar.px > 0) {
        const float x0 = v.origin.x + theme::px(10), y0 = end.y - theme::px(12);
        const float x1 = x0 + static_cast<float>(o.bar.px * v.dpr);
        o.bar_min = ImVec2(x0 - theme::px(3), y0 - theme::px(20));
        o.bar_max = ImVec2(std::max(x1, x0 + ImGui::CalcTextSize(core::format_distance(o.bar.metres).c_str()).x) + theme::px(3),
                           y0 + theme::px(4));
    }
    o.credits = layout_credits(end, v.origin.x + theme::px(o.bar.px > 0 ? 130 : 10));

    o.note = status_note(map);
    if (o.note != nullptr) {
        // Left of the column of buttons; under their row when the map is tall enough, else beside it.
        const float pad = theme::px(4), inset = theme::px(4);
        const bool below = o.controls_in_row && end.y - v.origin.y >= bw + gap * 2 + ImGui::GetTextLineHeight() * 2 + theme::px(56);
        const float right = o.controls_in_row && !below ? o.controls_min.x - gap : below ? end.x - gap : o.controls_min.x - gap;
        const float top = below ? o.controls_max.y + gap : v.origin.y + gap;
        o.note_wrap = std::max(theme::px(80), right - v.origin.x - inset - 2 * pad);
        const ImVec2 ts = ImGui::CalcTextSize(o.note, nullptr, false, o.note_wrap);
        o.note_min = ImVec2(v.origin.x + inset, top);
        o.note_max = ImVec2(v.origin.x + inset + ts.x + 2 * pad, top + ts.y + 2 * pad);
    }
    return o;
}

void draw_scale_bar(ImDrawList* dl, const Overlay& o) {
    if (o.bar.px <= 0) return;
    const float x0 = o.bar_min.x + theme::px(3), y0 = o.bar_max.y - theme::px(4);
    const float x1 = x0 + static_cast<float>(o.bar.px * a11y::frame().dpr);
    const ImU32 ink = theme::colour(theme::Role::OnSurface);
    dl->AddRectFilled(o.bar_min, o.bar_max, theme::colour(theme::Role::SurfaceRaised, 0.9f), theme::px(3));
    dl->AddLine(ImVec2(x0, y0), ImVec2(x1, y0), ink, theme::px(2));
    dl->AddLine(ImVec2(x0, y0 - theme::px(5)), ImVec2(x0, y0), ink, theme::px(2));
    dl->AddLine(ImVec2(x1, y0 - theme::px(5)), ImVec2(x1, y0), ink, theme::px(2));
    const std::string label = core::format_distance(o.bar.metres);
    dl->AddText(ImVec2(x0, y0 - theme::px(19)), ink, label.c_str());
}

}  // namespace

void set_clustering(bool on) { g_clustering = on; }

ImU32 availability_colour(int available, int total) {
    if (total <= 0) return theme::colour(theme::Role::OnSurfaceMuted);
    return available > 0 ? theme::colour(theme::Role::Success) : theme::colour(theme::Role::Warning);
}

void draw_map_canvas(const core::Model& m, float height, std::string_view lower_words, Intents& out) {
    const core::MapState& map = m.map;
    const float dpr = a11y::frame().dpr;
    View v;
    v.origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 end(v.origin.x + width, v.origin.y + height);
    v.dpr = dpr;
    v.camera = map.camera;
    // The core plans for the size the driver really sees.
    const double css_w = width / dpr, css_h = height / dpr;
    if (std::abs(v.camera.width - css_w) > 0.5 || std::abs(v.camera.height - css_h) > 0.5) {
        v.camera.width = css_w;
        v.camera.height = css_h;
        keep_selected_in_sight(map, v.camera);
        out.push_back(core::MapIntent{core::intent::MapMoved{v.camera, true}});
    }
    v.size = geo::world_px(v.camera.zoom);
    v.centre = geo::project(v.camera.centre);
    map_surface::publish({v.origin.x, v.origin.y, width, height});

    // One invisible button for the whole map: taps are hit-tested against the markers below.
    ImGui::InvisibleButton("##map", ImVec2(width, height));
    ImGui::SetItemAllowOverlap();
    const bool tapped = ImGui::IsItemClicked(ImGuiMouseButton_Left);
    const ImVec2 tap_at = ImGui::GetIO().MousePos;

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(v.origin, end, true);
    draw_background(v, dl, end);
    // What floats over the map is laid out before the markers, which keep clear of it; after the
    // ground, so the credits name what this frame shows.
    const Overlay overlay = layout_overlay(map, v, end);

    MarkerCache& markers = markers_for(map, lower_words, v.camera.zoom);
    const bool with_kw = v.camera.zoom >= kKwLabelZoom;
    const float reach = theme::px(30), half_target = theme::px(kMarkerTargetCss / 2);
    struct Shown {
        ImVec2 at;
        const core::cluster::Cluster* c;
        float d2;
        bool whole;  // its whole touch target is on the map
    };
    static std::vector<Shown> shown;
    shown.clear();
    const ImVec2 mid((v.origin.x + end.x) / 2, (v.origin.y + end.y) / 2);
    static std::vector<core::basemap::Box> taken;  // where place names may not go
    taken.clear();
    for (const auto& c : markers.clusters) {
        const ImVec2 p = v.to_screen(c.x, c.y);
        if (p.x < v.origin.x - reach || p.x > end.x + reach || p.y < v.origin.y - reach || p.y > end.y + reach) continue;
        const ImVec2 a(p.x - half_target, p.y - half_target), b(p.x + half_target, p.y + half_target);
        if (overlay.covers(a, b)) continue;  // under a control, the scale or the credits: the list has it
        const float dx = p.x - mid.x, dy = p.y - mid.y;
        const bool whole = a.x >= v.origin.x && a.y >= v.origin.y && b.x <= end.x && b.y <= end.y;
        shown.push_back({p, &c, dx * dx + dy * dy, whole});
        // The marker's disc (its street-level power badge hangs below it).
        const float r = theme::px(c.count == 1 && with_kw ? 20 : 18);
        taken.push_back({p.x - r, p.y - r, p.x + r, p.y + r + (c.count == 1 && with_kw ? theme::px(18) : 0)});
    }
    if (!map_tiles::enabled()) {
        overlay.add_to(taken);
        basemap_layer::draw_places(dl, {v.camera, v.origin, end, v.dpr}, taken);
    }
    for (const auto& s : shown) {
        if (s.c->count == 1) draw_marker(dl, s.at, *markers.items[static_cast<size_t>(s.c->first)], with_kw);
        else draw_cluster(dl, s.at, *s.c);
    }
    if (map.me) {
        const geo::World w = geo::project(*map.me);
        const ImVec2 p = v.to_screen(w.x * v.size, w.y * v.size);
        dl->AddCircleFilled(p, theme::px(10), theme::colour(theme::Role::Surface), 16);
        dl->AddCircleFilled(p, theme::px(7), theme::colour(theme::Role::Focus), 16);
        if (p.x >= v.origin.x && p.x < end.x && p.y >= v.origin.y && p.y < end.y) {  // told where it is, too
            const float half = theme::px(10);
            a11y::node(a11y::add(a11y::Role::Text, tr(Str::YourPosition))).box = {p.x - half, p.y - half, 2 * half, 2 * half};
        }
    }
    draw_scale_bar(dl, overlay);
    draw_credits(dl, overlay.credits);
    dl->PopClipRect();

    // A tap: the nearest marker or cluster under the finger (within a 48 CSS px target).
    const core::cluster::Cluster* hit = nullptr;
    if (tapped && !overlay.covers(tap_at, tap_at)) {
        float best = half_target * half_target;
        for (const auto& s : shown) {
            const float dx = s.at.x - tap_at.x, dy = s.at.y - tap_at.y;
            if (dx * dx + dy * dy <= best) {
                best = dx * dx + dy * dy;
                hit = s.c;
            }
        }
    }
    // The markers nearest the middle, whole on the map, are also in the accessibility mirror (the
    // list below has them all).
    std::sort(shown.begin(), shown.end(), [](const Shown& a, const Shown& b) { return a.d2 < b.d2; });
    int mirrored = 0;
    for (const auto& s : shown) {
        if (mirrored == kMirroredMarkers) break;
        if (!s.whole) continue;
        ++mirrored;
        const auto& summary = *markers.items[static_cast<size_t>(s.c->first)];
        const std::string name = s.c->count == 1 ? core::marker_label(summary) : cluster_name(*s.c);
        const int index = a11y::add(a11y::Role::Button, name);
        a11y::node(index).box = {s.at.x - half_target, s.at.y - half_target, 2 * half_target, 2 * half_target};
        if (a11y::take_activation(index)) hit = s.c;
    }
    if (hit != nullptr) {
        if (hit->count == 1) {
            const core::LocationSummary& l = *markers.items[static_cast<size_t>(hit->first)];
            if (map.location_index.count(l.id) != 0) out.push_back(core::MapIntent{core::intent::SelectLocation{l.id}});
            else out.push_back(core::MapIntent{core::intent::ShowLocation{l.id, l.lat, l.lng}});  // a search result
        } else {
            out.push_back(core::MapIntent{core::intent::MapMoved{zoom_into(v, *hit), true}});
        }
    } else if (tapped && !map.selected_id.empty() && !overlay.covers(tap_at, tap_at)) {
        out.push_back(core::MapIntent{core::intent::SelectLocation{""}});  // a tap on the map closes the sheet
    }

    if (overlay.note != nullptr) {
        // Drawn here rather than as a status line, which would wrap at the window's edge, under the buttons.
        const float pad = theme::px(4);
        const ImVec2 at(overlay.note_min.x + pad, overlay.note_min.y + pad);
        dl->AddRectFilled(overlay.note_min, overlay.note_max, theme::colour(theme::Role::SurfaceRaised, 0.92f), theme::px(6));
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, theme::colour(theme::Role::OnSurface), overlay.note, nullptr,
                    overlay.note_wrap);
        a11y::node(a11y::add(a11y::Role::Status, overlay.note)).box = {at.x, at.y, overlay.note_max.x - pad - at.x,
                                                                       overlay.note_max.y - pad - at.y};
    }

    // Zoom and locate buttons: floating icon buttons named in words for the mirror.
    const float bw = theme::touch(), gap = theme::space(theme::Space::S);
    float bx = overlay.controls_min.x, by = overlay.controls_min.y;
    auto control = [&](const char* label, const char* icon) {
        ImGui::SetCursorScreenPos(ImVec2(bx, by));
        const bool pressed = icon_button(icon, label, IconButtonStyle::Floating);
        if (overlay.controls_in_row) bx += bw + gap;
        else by += bw + gap;
        return pressed;
    };
    const geo::ScreenPoint centre{v.camera.width / 2, v.camera.height / 2};
    if (control(tr(Str::ZoomIn), kIconAdd))
        out.push_back(core::MapIntent{core::intent::MapMoved{geo::zoom_around(v.camera, v.camera.zoom + 1, centre), true}});
    if (control(tr(Str::ZoomOut), kIconRemove))
        out.push_back(core::MapIntent{core::intent::MapMoved{geo::zoom_around(v.camera, v.camera.zoom - 1, centre), true}});
    if (control(tr(Str::LocateMe), kIconMyLocation)) out.push_back(core::MapIntent{core::intent::LocateMe{}});
    if (control(tr(Str::MapLegend), kIconInfo)) g_legend = !g_legend;
    map_surface::publish_controls({overlay.controls_min.x, overlay.controls_min.y,
                                   overlay.controls_max.x - overlay.controls_min.x,
                                   overlay.controls_max.y - overlay.controls_min.y});

    ImGui::SetCursorScreenPos(ImVec2(v.origin.x, end.y + ImGui::GetStyle().ItemSpacing.y));
    ImGui::Dummy(ImVec2(width, 0));
    if (g_legend) draw_legend();
}

}  // namespace ui
