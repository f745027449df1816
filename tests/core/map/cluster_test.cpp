// Grid clustering of map markers.
#include <catch2/catch.hpp>

#include "core/map/cluster.hpp"

using namespace core::cluster;

TEST_CASE("points in one cell merge with their count, sums and bounds; far points stay apart") {
    const std::vector<Point> pts = {
        {10, 10, 0, 1, 2}, {20, 30, 1, 0, 2}, {45, 5, 2, 2, 2},  // one 50 px cell
        {160, 10, 3, 1, 1},                                        // alone
    };
    const auto out = build(pts, 50);
    REQUIRE(out.size() == 2);
    CHECK(out[0].count == 3);
    CHECK(out[0].first == 0);
    CHECK(out[0].x == Approx(25));
    CHECK(out[0].y == Approx(15));
    CHECK(out[0].available == 3);
    CHECK(out[0].total == 6);
    CHECK(out[0].min_x == 10);
    CHECK(out[0].max_y == 30);
    CHECK(out[1].count == 1);
    CHECK(out[1].first == 3);
    CHECK(out[1].x == 160);
}

TEST_CASE("every point lands in exactly one cluster, and a smaller cell splits more") {
    std::vector<Point> pts;
    for (int i = 0; i < 10000; ++i) pts.push_back({(i * 7919) % 2000 * 1.0, (i * 104729) % 3000 * 1.0, i, i % 2, 1});
    const auto coarse = build(pts, 200);
    const auto fine = build(pts, 20);
    int total = 0;
    for (const auto& c : coarse) total += c.count;
    CHECK(total == 10000);
    CHECK(coarse.size() <= 10 * 15);
    CHECK(fine.size() > coarse.size());
    CHECK(build({}, 50).empty());
    // Negative world px (never from project, but from offsets) still cluster sanely.
    CHECK(build({{-10, -10, 0, 0, 0}, {-20, -5, 1, 0, 0}}, 50).size() == 1);
}
