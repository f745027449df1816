// Collision clustering of map markers: no two drawn markers' boxes overlap, at any zoom.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>

#include "core/map/cluster.hpp"
#include "core/map/geo.hpp"

using namespace core::cluster;

namespace {
// No two clusters' gap boxes overlap: a sweep over x, so 10,000 clusters cost no n².
bool any_overlap(std::vector<Cluster> cs, double gap) {
    std::sort(cs.begin(), cs.end(), [](const Cluster& a, const Cluster& b) { return a.x < b.x; });
    for (size_t i = 0; i < cs.size(); ++i)
        for (size_t j = i + 1; j < cs.size() && cs[j].x - cs[i].x < gap; ++j)
            if (collide(cs[i].x, cs[i].y, cs[j].x, cs[j].y, gap)) return true;
    return false;
}
}  // namespace

TEST_CASE("a point whose box would overlap a cluster's joins it, the cluster stays where it began") {
    const std::vector<Point> pts = {
        {10, 10, 0, 1, 2}, {20, 30, 1, 0, 2}, {45, 5, 2, 2, 2},  // within 50 px of the first on both axes
        {160, 10, 3, 1, 1},                                        // alone
        {100, 100, 4, 0, 1},                                       // 90 px from the first: alone
    };
    const auto out = build(pts, 50);
    REQUIRE(out.size() == 3);
    CHECK(out[0].count == 3);
    CHECK(out[0].first == 0);
    CHECK(out[0].x == 10);
    CHECK(out[0].y == 10);
    CHECK(out[0].available == 3);
    CHECK(out[0].total == 6);
    CHECK(out[0].min_x == 10);
    CHECK(out[0].max_x == 45);
    CHECK(out[0].max_y == 30);
    CHECK(out[1].count == 1);
    CHECK(out[1].first == 3);
    CHECK(out[1].x == 160);
    CHECK(out[2].first == 4);
    CHECK_FALSE(any_overlap(out, 50));
}

TEST_CASE("the nearest colliding cluster takes a point, cell edges make no difference") {
    // Grid clustering split these across a cell edge and drew them 2 px apart; here they merge.
    CHECK(build({{55.9, 0, 0, 0, 0}, {56.1, 0, 1, 0, 0}}, 56).size() == 1);
    // (60,0) collides with both (0,0) and (100,0): it joins the nearer.
    const auto out = build({{0, 0, 0, 0, 0}, {100, 0, 1, 0, 0}, {60, 0, 2, 0, 0}}, 56);
    REQUIRE(out.size() == 2);
    CHECK(out[0].count == 1);
    CHECK(out[1].count == 2);
    // Negative world px (never from project, but from offsets) still cluster sanely.
    CHECK(build({{-10, -10, 0, 0, 0}, {-20, -5, 1, 0, 0}}, 50).size() == 1);
    CHECK(build({}, 50).empty());
}

TEST_CASE("10,000 locations at several zooms: no two markers' boxes overlap, every point is counted once") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> lat(50.7, 53.6), lng(3.3, 7.3);
    std::vector<core::geo::World> world;
    for (int i = 0; i < 10000; ++i) world.push_back(core::geo::project({lat(rng), lng(rng)}));
    // A town's worth stacked on nearly one spot, as a big car park lists them.
    for (int i = 0; i < 200; ++i) world.push_back(core::geo::project({52.37 + i * 1e-7, 4.89}));
    for (const double zoom : {6.0, 8.5, 11.0, 13.7, 16.0, 19.0}) {
        const double size = core::geo::world_px(zoom);
        std::vector<Point> pts;
        for (size_t i = 0; i < world.size(); ++i)
            pts.push_back({world[i].x * size, world[i].y * size, static_cast<int>(i), 1, 1});
        for (const double gap : {48.0, 56.0}) {
            const auto out = build(pts, gap);
            INFO("zoom " << zoom << ", gap " << gap << ": " << out.size() << " clusters");
            CHECK_FALSE(any_overlap(out, gap));
            int total = 0;
            for (const auto& c : out) {
                total += c.count;
                CHECK(c.max_x - c.min_x < 2 * gap);  // members stay within a gap of where it is drawn
                CHECK(c.max_y - c.min_y < 2 * gap);
            }
            CHECK(total == static_cast<int>(pts.size()));
        }
    }
    // Far enough in, scattered chargers stand alone: at zoom 19 nearly all of them.
    const double size = core::geo::world_px(19);
    std::vector<Point> pts;
    for (size_t i = 0; i < 10000; ++i) pts.push_back({world[i].x * size, world[i].y * size, static_cast<int>(i), 1, 1});
    CHECK(build(pts, 56).size() > 9990);
}
