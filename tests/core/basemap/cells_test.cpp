// The real writer's cells (tools/basemap/make_basemap.py, run by the build into BASEMAP_TEST_DIR)
// read by the real decoder: water where the IJsselmeer and the North Sea are, land under Almere,
// the big cities with populations of the right size.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/basemap/basemap.hpp"
#include "core/map/geo.hpp"

using namespace core::basemap;
namespace geo = core::geo;

namespace {

std::optional<Cell> read_cell(geo::TileId t) {
    std::ifstream in(std::string(BASEMAP_TEST_DIR) + "/" + std::to_string(t.z) + "/" + std::to_string(t.x) + "/" +
                         std::to_string(t.y) + ".bin",
                     std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return decode(bytes.str());
}

// The cell holding a point, and the point in that cell's unit square.
struct Where {
    std::optional<Cell> cell;
    double u = 0, v = 0;
};
Where locate(geo::LatLng p, int z) {
    const geo::TileId t = geo::tile_at(p, z);
    const geo::World w = geo::project(p);
    const double n = std::exp2(z);
    return {read_cell(t), w.x * n - t.x, w.y * n - t.y};
}

bool in_water(const Cell& c, double u, double v) {
    for (std::size_t t = 0; t + 2 < c.water_tris.size(); t += 3) {
        double x[3], y[3];
        for (int k = 0; k < 3; ++k) {
            x[k] = c.water_xy[2 * c.water_tris[t + k]];
            y[k] = c.water_xy[2 * c.water_tris[t + k] + 1];
        }
        const double d1 = (u - x[1]) * (y[0] - y[1]) - (x[0] - x[1]) * (v - y[1]);
        const double d2 = (u - x[2]) * (y[1] - y[2]) - (x[1] - x[2]) * (v - y[2]);
        const double d3 = (u - x[0]) * (y[2] - y[0]) - (x[2] - x[0]) * (v - y[0]);
        const bool neg = d1 < 0 || d2 < 0 || d3 < 0, pos = d1 > 0 || d2 > 0 || d3 > 0;
        if (!(neg && pos)) return true;
    }
    return false;
}

bool water_at(geo::LatLng p, int z) {
    const Where w = locate(p, z);
    REQUIRE(w.cell);
    CHECK(w.cell->z == z);
    return in_water(*w.cell, w.u, w.v);
}

const Place* find_place(geo::LatLng p, int z, const std::string& name) {
    static std::vector<Cell> keep;
    Where w = locate(p, z);
    REQUIRE(w.cell);
    keep.push_back(std::move(*w.cell));
    for (const Place& pl : keep.back().places)
        if (pl.name == name) return &pl;
    return nullptr;
}

}  // namespace

TEST_CASE("basemap cells: water and land where they are") {
    const geo::LatLng ijsselmeer{52.75, 5.35}, almere{52.37, 5.22}, north_sea{53.5, 4.0}, berlin{52.52, 13.41};
    for (int z : {10, 7}) {
        INFO("band z" << z);
        CHECK(water_at(ijsselmeer, z));
        CHECK_FALSE(water_at(almere, z));
        CHECK(water_at(north_sea, z));
        if (z == 7) CHECK_FALSE(water_at(berlin, z));
    }
    CHECK(water_at(ijsselmeer, 4));
    CHECK(water_at(north_sea, 4));
    CHECK_FALSE(water_at(berlin, 4));
    // The IJsselmeer's cell draws its shore; Berlin's z10 cell is all land, with no water at all.
    const Where ij = locate(ijsselmeer, 10);
    bool coast = false;
    for (const Line& l : ij.cell->lines) coast = coast || l.kind == LineKind::Coast;
    CHECK(coast);
    CHECK(locate(berlin, 10).cell->water_tris.empty());
}

TEST_CASE("basemap cells: the big cities, with populations of the right size") {
    struct City {
        geo::LatLng at;
        const char* name;
        std::uint32_t least, most;
    };
    const City cities[] = {{{52.374, 4.890}, "Amsterdam", 500'000, 2'000'000},
                           {{52.524, 13.411}, "Berlin", 2'000'000, 5'000'000},
                           {{50.850, 4.349}, "Brussels", 500'000, 3'000'000}};
    for (const City& c : cities) {
        for (int z : {10, 7, 4}) {
            INFO(c.name << " at band z" << z);
            const Place* p = find_place(c.at, z, c.name);
            REQUIRE(p);
            CHECK(p->population >= c.least);
            CHECK(p->population <= c.most);
        }
    }
    // Band 10 has the small places, band 7 does not.
    CHECK(find_place({52.495, 5.071}, 10, "Volendam"));
    const Where z7 = locate({52.495, 5.071}, 7);
    for (const Place& p : z7.cell->places) CHECK(p.population >= 15'000);
    // Most populous first.
    const Where ams = locate({52.374, 4.890}, 10);
    for (std::size_t i = 1; i < ams.cell->places.size(); ++i)
        CHECK(ams.cell->places[i - 1].population >= ams.cell->places[i].population);
}
