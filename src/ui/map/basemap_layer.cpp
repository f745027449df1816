// Draws the base map's cells (see basemap_layer.hpp): triangles straight into ImGui's vertex
// buffer, lines as ImGui polylines, names with a halo.
#include "basemap_layer.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <set>
#include <string>

#include "surface.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui::basemap_layer {

namespace geo = core::geo;
using core::basemap::Box;
using core::basemap::LineKind;

namespace {

constexpr double kShoreLineZoom = 9;

// The cells drawn this frame (a stand-in ancestor once, however many cells it covers).
std::vector<const basemap_cells::Loaded*> g_drawn;
bool g_any = false;  // some cell of the view is covered

struct Placement {
    ImVec2 corner;  // device px of the cell's top-left
    float side = 0;  // device px of its side
    ImVec2 at(float u, float v) const { return ImVec2(corner.x + u * side, corner.y + v * side); }
};

Placement place_cell(const Frame& f, geo::TileId t) {
    const double size = geo::world_px(f.camera.zoom);
    const geo::World c = geo::project(f.camera.centre);
    const double n = std::exp2(t.z);
    double dx = (t.x / n - c.x) * size;
    if (dx > size / 2) dx -= size;
    if (dx < -size / 2) dx += size;
    const double dy = (t.y / n - c.y) * size;
    Placement p;
    p.corner = ImVec2(f.origin.x + static_cast<float>((f.camera.width / 2 + dx) * f.dpr),
                      f.origin.y + static_cast<float>((f.camera.height / 2 + dy) * f.dpr));
    p.side = static_cast<float>(size / n * f.dpr);
    return p;
}

void draw_water(ImDrawList* dl, const Placement& p, const core::basemap::Cell& cell, ImU32 colour) {
    const size_t verts = cell.water_xy.size() / 2, idx = cell.water_tris.size();
    if (verts == 0 || idx == 0) return;
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    dl->PrimReserve(static_cast<int>(idx), static_cast<int>(verts));
    const ImDrawIdx base = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
    for (size_t i = 0; i < verts; ++i) dl->PrimWriteVtx(p.at(cell.water_xy[2 * i], cell.water_xy[2 * i + 1]), uv, colour);
    for (const uint32_t k : cell.water_tris) dl->PrimWriteIdx(static_cast<ImDrawIdx>(base + k));
}

float line_width(LineKind kind, double zoom) {
    const float grow = static_cast<float>(std::clamp((zoom - 7) / 6, 0.0, 1.0));  // thicker as the map nears the ground
    switch (kind) {
        case LineKind::Coast: return 1.0f;
        case LineKind::RiverLarge: return 1.5f + 2.5f * grow;
        case LineKind::River: return 1.0f + 1.0f * grow;
        case LineKind::Border: return 1.5f;
    }
    return 1.0f;
}

void draw_lines(ImDrawList* dl, const Placement& p, const core::basemap::Cell& cell, double zoom, const ImVec2& lo,
                const ImVec2& hi) {
    static std::vector<ImVec2> points;
    // A cell's shores are drawn to a fifth of a kilometre: zoomed out, most of their points fall
    // within a pixel of the last one kept, and only cost vertices.
    const float keep2 = theme::px(1.5f) * theme::px(1.5f);
    for (const auto& line : cell.lines) {
        const size_t n = line.xy.size() / 2;
        if (n < 2) continue;
        // The water's own edge draws the shore when zoomed out: its line is for the close view.
        if (line.kind == LineKind::Coast && zoom < kShoreLineZoom) continue;
        points.clear();
        ImVec2 min(FLT_MAX, FLT_MAX), max(-FLT_MAX, -FLT_MAX);  // the line's box: drawn only if it meets the view
        for (size_t i = 0; i < n; ++i) {
            const ImVec2 q = p.at(line.xy[2 * i], line.xy[2 * i + 1]);
            min = ImVec2(std::min(min.x, q.x), std::min(min.y, q.y));
            max = ImVec2(std::max(max.x, q.x), std::max(max.y, q.y));
            if (!points.empty() && i + 1 < n) {
                const float dx = q.x - points.back().x, dy = q.y - points.back().y;
                if (dx * dx + dy * dy < keep2) continue;
            }
            points.push_back(q);
        }
        if (max.x < lo.x || max.y < lo.y || min.x > hi.x || min.y > hi.y || points.size() < 2) continue;
        const ImU32 colour = theme::colour(line.kind == LineKind::Border ? theme::Role::MapBorder
                                           : line.kind == LineKind::Coast ? theme::Role::MapShore
                                                                           : theme::Role::MapWater);
        dl->AddPolyline(points.data(), static_cast<int>(points.size()), colour, ImDrawFlags_None,
                        theme::px(line_width(line.kind, zoom)));
    }
}

}  // namespace

bool drawn() { return g_any; }

bool draw_ground(ImDrawList* dl, const Frame& f) {
    g_drawn.clear();
    g_any = false;
    const int band = core::basemap::band_zoom(f.camera.zoom);
    const std::vector<geo::TileId> cells = geo::covering_tiles(f.camera, band);
    basemap_cells::show(cells);
    std::set<geo::TileId> seen;
    bool outside = true;
    for (const geo::TileId& t : cells) {
        const basemap_cells::Loaded* c = basemap_cells::cell(t);
        if (c == nullptr) c = basemap_cells::ancestor(t);
        if (c == nullptr || !c->absent) outside = false;  // covered, or still on its way
        if (c != nullptr && !c->absent) g_any = true;
        if (c == nullptr || c->absent || !seen.insert(c->id).second) continue;
        g_drawn.push_back(c);
    }
    const ImU32 water = theme::colour(theme::Role::MapWater);
    for (const auto* c : g_drawn) draw_water(dl, place_cell(f, c->id), c->cell, water);
    // Rivers and borders over every cell's water, so a neighbour's sea never covers them.
    for (const auto* c : g_drawn) draw_lines(dl, place_cell(f, c->id), c->cell, f.camera.zoom, f.origin, f.end);
    return !outside;
}

void draw_places(ImDrawList* dl, const Frame& f, const std::vector<Box>& obstacles) {
    struct Candidate {
        const core::basemap::Place* place;
        ImVec2 at;
        float size;
    };
    static std::vector<Candidate> found;
    static std::vector<Box> boxes;
    found.clear();
    boxes.clear();
    for (const auto* c : g_drawn) {
        const Placement p = place_cell(f, c->id);
        for (const auto& place : c->cell.places) {
            if (!core::basemap::place_shown(place.population, f.camera.zoom)) continue;
            const ImVec2 at = p.at(place.x, place.y);
            if (at.x < f.origin.x || at.y < f.origin.y || at.x > f.end.x || at.y > f.end.y) continue;
            found.push_back({&place, at, 0});
        }
    }
    std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
        return a.place->population != b.place->population ? a.place->population > b.place->population
                                                          : a.place->name < b.place->name;
    });
    ImFont* font = theme::font(theme::Type::Caption);
    const float pad = theme::px(2), off = theme::px(22);  // off: clear of a marker sitting on the town
    static std::vector<std::uint32_t> group;
    static std::vector<ImVec2> text_at;
    group.clear();
    text_at.clear();
    for (size_t i = 0; i < found.size(); ++i) {
        Candidate& c = found[i];
        // Cities in body size, towns and villages in caption size.
        c.size = c.place->population >= 250000 ? theme::font(theme::Type::Body)->FontSize : font->FontSize;
        const ImVec2 ts = font->CalcTextSizeA(c.size, FLT_MAX, 0, c.place->name.c_str());
        const float w = ts.x / 2 + pad, h = ts.y / 2 + pad;
        // On the place, else above, below, right or left of it (its own markers often sit on it).
        const ImVec2 centres[] = {c.at, ImVec2(c.at.x, c.at.y - h - off), ImVec2(c.at.x, c.at.y + h + off),
                                  ImVec2(c.at.x + w + off, c.at.y), ImVec2(c.at.x - w - off, c.at.y)};
        for (const ImVec2& m : centres) {
            boxes.push_back({m.x - w, m.y - h, m.x + w, m.y + h});
            group.push_back(static_cast<std::uint32_t>(i));
            text_at.push_back(ImVec2(m.x - ts.x / 2, m.y - ts.y / 2));
        }
    }
    const Box viewport{f.origin.x, f.origin.y, f.end.x, f.end.y};
    const ImU32 ink = theme::colour(theme::Role::MapPlace), halo = theme::colour(theme::Role::MapPlaceHalo);
    const float hw = std::max(1.0f, theme::px(1));
    for (const size_t i : core::basemap::place_labels(boxes, group, obstacles, viewport)) {
        const Candidate& c = found[group[i]];
        const ImVec2 at = text_at[i];
        const char* name = c.place->name.c_str();
        for (const ImVec2 d : {ImVec2(-hw, 0), ImVec2(hw, 0), ImVec2(0, -hw), ImVec2(0, hw), ImVec2(-hw, -hw),
                               ImVec2(hw, hw), ImVec2(-hw, hw), ImVec2(hw, -hw)})
            dl->AddText(font, c.size, ImVec2(at.x + d.x, at.y + d.y), halo, name);
        dl->AddText(font, c.size, at, ink, name);
        // In the mirror too: where the driver is looking, in words.
        const Box& b = boxes[i];
        a11y::node(a11y::add(a11y::Role::Text, c.place->name)).box = {b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0};
    }
}

}  // namespace ui::basemap_layer
