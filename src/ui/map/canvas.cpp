// Draws the map (see canvas.hpp). Clusters are cached per data version and zoom, so a pan
// only re-projects; the hit test runs only on a tap. Gestures come from the platform as MapMoved.
#include "canvas.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "core/deploy/deploy.hpp"
#include "core/text/text.hpp"
#include "core/map/map.hpp"
#include "imgui.h"
#include "surface.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;
namespace geo = core::geo;

namespace {

constexpr float kClusterCellCss = 56;    // markers nearer than this on screen merge
constexpr double kNoClusterZoom = 16.5;  // street level: every charger on its own
constexpr int kMirroredMarkers = 40;     // markers also offered to screen readers and tests
constexpr double kKwLabelZoom = 15;      // from here on each marker shows its power in figures


bool g_clustering = true;
bool g_legend = false;  // the legend under the map, opened with its info button

struct ClusterCache {
    uint64_t version = ~0ull;
    double zoom = -1;
    size_t count = 0;
    bool clustering = true;
    std::vector<core::cluster::Cluster> clusters;
};

const std::vector<core::cluster::Cluster>& clusters_for(const core::MapState& map, double zoom) {
    static ClusterCache cache;
    if (cache.version == map.data_version && cache.zoom == zoom && cache.count == map.locations.size() &&
        cache.clustering == g_clustering)
        return cache.clusters;
    const double size = geo::world_px(zoom);
    std::vector<core::cluster::Point> points;
    points.reserve(map.locations.size());
    for (size_t i = 0; i < map.locations.size(); ++i) {
        const auto& l = map.locations[i];
        // A cluster is green when any member's marker is, grey when no member's state is known.
        const core::MarkerState state = core::marker_state(l.summary);
        points.push_back({l.world.x * size, l.world.y * size, static_cast<int>(i), state == core::MarkerState::Free,
                          state != core::MarkerState::Unknown});
    }
    const double cell = zoom >= kNoClusterZoom || !g_clustering ? 1e-3 : kClusterCellCss;
    cache.clusters = core::cluster::build(points, cell);
    cache.version = map.data_version;
    cache.zoom = zoom;
    cache.count = map.locations.size();
    cache.clustering = g_clustering;
    return cache.clusters;
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
    // No tiles: a grid on the Mercator square so movement and scale still read.
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
// server), each wrapped to the room right of `left` and in the accessibility mirror.
void draw_credits(ImDrawList* dl, const ImVec2& end, float left) {
    const char* pieces[] = {map_tiles::enabled() ? map_tiles::attribution() : "", map_tiles::data_attribution()};
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize() * 0.8f, pad = theme::px(4), margin = theme::px(6), gap = theme::px(2);
    const float wrap = std::max(theme::px(120), end.x - margin - pad - (left + pad));
    ImVec2 sizes[2];
    float w = 0, h = 0;
    for (int i = 0; i < 2; ++i) {
        if (*pieces[i] == 0) continue;
        sizes[i] = font->CalcTextSizeA(size, FLT_MAX, wrap, pieces[i]);
        w = std::max(w, sizes[i].x);
        h += sizes[i].y + (h > 0 ? gap : 0);
    }
    if (h == 0) return;
    const ImVec2 box0(end.x - margin - w - 2 * pad, end.y - margin - h - 2 * pad);
    dl->AddRectFilled(box0, ImVec2(end.x - margin, end.y - margin), theme::colour(theme::Role::SurfaceRaised, 0.9f), theme::px(4));
    float y = box0.y + pad;
    for (int i = 0; i < 2; ++i) {
        if (*pieces[i] == 0) continue;
        const ImVec2 at(end.x - margin - pad - sizes[i].x, y);
        dl->AddText(font, size, at, theme::colour(theme::Role::OnSurface), pieces[i], nullptr, wrap);
        const int index = a11y::add(a11y::Role::Text, pieces[i]);
        a11y::node(index).box = {at.x, at.y, sizes[i].x, sizes[i].y};
        y += sizes[i].y + gap;
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

}  // namespace

void set_clustering(bool on) { g_clustering = on; }

ImU32 availability_colour(int available, int total) {
    if (total <= 0) return theme::colour(theme::Role::OnSurfaceMuted);
    return available > 0 ? theme::colour(theme::Role::Success) : theme::colour(theme::Role::Warning);
}

void draw_map_canvas(const core::Model& m, float height, Intents& out) {
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

    const auto& clusters = clusters_for(map, v.camera.zoom);
    const bool with_kw = v.camera.zoom >= kKwLabelZoom;
    const float margin = theme::px(30);
    struct Shown {
        ImVec2 at;
        const core::cluster::Cluster* c;
        float d2;
    };
    static std::vector<Shown> shown;
    shown.clear();
    const ImVec2 mid((v.origin.x + end.x) / 2, (v.origin.y + end.y) / 2);
    for (const auto& c : clusters) {
        const ImVec2 p = v.to_screen(c.x, c.y);
        if (p.x < v.origin.x - margin || p.x > end.x + margin || p.y < v.origin.y - margin || p.y > end.y + margin) continue;
        if (c.count == 1) draw_marker(dl, p, map.locations[static_cast<size_t>(c.first)].summary, with_kw);
        else draw_cluster(dl, p, c);
        const float dx = p.x - mid.x, dy = p.y - mid.y;
        shown.push_back({p, &c, dx * dx + dy * dy});
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

    // Scale bar, bottom left; attribution, bottom right.
    const geo::ScaleBar bar = geo::scale_bar(v.camera.centre.lat, v.camera.zoom, 100);
    if (bar.px > 0) {
        const float x0 = v.origin.x + theme::px(10), y0 = end.y - theme::px(12);
        const float x1 = x0 + static_cast<float>(bar.px * dpr);
        dl->AddRectFilled(ImVec2(x0 - theme::px(3), y0 - theme::px(20)), ImVec2(x1 + theme::px(3), y0 + theme::px(4)),
                          theme::colour(theme::Role::SurfaceRaised, 0.9f), theme::px(3));
        dl->AddLine(ImVec2(x0, y0), ImVec2(x1, y0), theme::colour(theme::Role::OnSurface), theme::px(2));
        dl->AddLine(ImVec2(x0, y0 - theme::px(5)), ImVec2(x0, y0), theme::colour(theme::Role::OnSurface), theme::px(2));
        dl->AddLine(ImVec2(x1, y0 - theme::px(5)), ImVec2(x1, y0), theme::colour(theme::Role::OnSurface), theme::px(2));
        const std::string label = core::format_distance(bar.metres);
        dl->AddText(ImVec2(x0, y0 - theme::px(19)), theme::colour(theme::Role::OnSurface), label.c_str());
    }
    draw_credits(dl, end, v.origin.x + theme::px(bar.px > 0 ? 130 : 10));
    dl->PopClipRect();

    // A tap: the nearest marker or cluster under the finger (within a 48 CSS px target).
    const core::cluster::Cluster* hit = nullptr;
    if (tapped) {
        float best = theme::px(24) * theme::px(24);
        for (const auto& s : shown) {
            const float dx = s.at.x - tap_at.x, dy = s.at.y - tap_at.y;
            if (dx * dx + dy * dy <= best) {
                best = dx * dx + dy * dy;
                hit = s.c;
            }
        }
    }
    // The markers nearest the middle are also in the accessibility mirror (the list below has all).
    const size_t mirrored = std::min<size_t>(shown.size(), kMirroredMarkers);
    std::partial_sort(shown.begin(), shown.begin() + static_cast<long>(mirrored), shown.end(),
                      [](const Shown& a, const Shown& b) { return a.d2 < b.d2; });
    for (size_t i = 0; i < mirrored; ++i) {
        const auto& s = shown[i];
        if (s.at.x < v.origin.x || s.at.x > end.x || s.at.y < v.origin.y || s.at.y > end.y) continue;
        const auto& summary = map.locations[static_cast<size_t>(s.c->first)].summary;
        const std::string name = s.c->count == 1 ? core::marker_label(summary) : cluster_name(*s.c);
        const int index = a11y::add(a11y::Role::Button, name);
        const float half = theme::px(24);
        a11y::node(index).box = {s.at.x - half, s.at.y - half, 2 * half, 2 * half};
        if (a11y::take_activation(index)) hit = s.c;
    }
    if (hit != nullptr) {
        if (hit->count == 1) {
            out.push_back(core::MapIntent{core::intent::SelectLocation{map.locations[static_cast<size_t>(hit->first)].summary.id}});
        } else {
            out.push_back(core::MapIntent{core::intent::MapMoved{zoom_into(v, *hit), true}});
        }
    } else if (tapped && !map.selected_id.empty()) {
        out.push_back(core::MapIntent{core::intent::SelectLocation{""}});  // a tap on the map closes the sheet
    }

    // Status notes, top left: quiet, no animation (no frames while idle).
    const char* note = nullptr;
    if (map.locate == core::LocateState::Denied) note = tr(Str::LocateDenied);
    else if (map.locate == core::LocateState::Unavailable) note = tr(Str::LocateUnavailable);
    else if (map.locate == core::LocateState::Asking) note = tr(Str::Locating);
    else if (map.offline) note = tr(Str::MapOffline);
    else if (map.server_error) note = tr(Str::MapServerError);
    else if (core::map_loading(map)) note = tr(Str::MapLoading);
    else if (core::map_truncated(map)) note = tr(Str::MapTruncated);
    const ImVec2 after(v.origin.x, end.y + ImGui::GetStyle().ItemSpacing.y);
    // The controls run down the right edge when the map is tall enough (clear of the credits),
    // along its top when the bottom sheet has left only a strip of map.
    const float bw = theme::touch();
    const float gap = theme::space(theme::Space::S);
    constexpr int kControls = 4;
    const bool in_row = v.origin.y + gap + kControls * (bw + gap) > end.y - theme::px(40);
    if (note != nullptr) {
        // Under the row of controls when the map has the height for it, else beside them.
        const bool below = in_row && height >= bw + gap * 2 + ImGui::GetTextLineHeight() * 2 + theme::px(56);
        const float note_y = below ? v.origin.y + bw + gap * 2 : v.origin.y;
        const float note_w = in_row && !below
                                 ? std::max(theme::px(80), end.x - kControls * (bw + gap) - v.origin.x - theme::px(16))
                                 : width - (in_row ? theme::px(24) : theme::px(80));
        ImGui::SetCursorScreenPos(ImVec2(v.origin.x + theme::px(8), note_y + theme::px(8)));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + note_w);
        const ImVec2 ts = ImGui::CalcTextSize(note, nullptr, false, note_w);
        dl->AddRectFilled(ImVec2(v.origin.x + theme::px(4), note_y + theme::px(4)),
                          ImVec2(v.origin.x + theme::px(12) + ts.x, note_y + theme::px(12) + ts.y),
                          theme::colour(theme::Role::SurfaceRaised, 0.92f), theme::px(6));
        status_line(note);
        ImGui::PopTextWrapPos();
    }

    // Zoom and locate buttons, right edge: floating icon buttons named in words for the mirror.
    float bx = in_row ? end.x - kControls * (bw + gap) : end.x - bw - gap;
    float by = v.origin.y + gap;
    auto control = [&](const char* label, const char* icon) {
        ImGui::SetCursorScreenPos(ImVec2(bx, by));
        const bool pressed = icon_button(icon, label, IconButtonStyle::Floating);
        if (in_row) bx = ImGui::GetItemRectMax().x + gap;
        else by = ImGui::GetItemRectMax().y + gap;
        return pressed;
    };
    const float controls_x = bx;
    const geo::ScreenPoint centre{v.camera.width / 2, v.camera.height / 2};
    if (control(tr(Str::ZoomIn), kIconAdd))
        out.push_back(core::MapIntent{core::intent::MapMoved{geo::zoom_around(v.camera, v.camera.zoom + 1, centre), true}});
    if (control(tr(Str::ZoomOut), kIconRemove))
        out.push_back(core::MapIntent{core::intent::MapMoved{geo::zoom_around(v.camera, v.camera.zoom - 1, centre), true}});
    if (control(tr(Str::LocateMe), kIconMyLocation)) out.push_back(core::MapIntent{core::intent::LocateMe{}});
    if (control(tr(Str::MapLegend), kIconInfo)) g_legend = !g_legend;
    if (in_row) map_surface::publish_controls({controls_x, v.origin.y + gap, bx - gap - controls_x, bw});
    else map_surface::publish_controls({bx, v.origin.y + gap, bw, by - gap - (v.origin.y + gap)});

    ImGui::SetCursorScreenPos(after);
    ImGui::Dummy(ImVec2(width, 0));
    if (g_legend) draw_legend();
}

}  // namespace ui
