// Greedy label placement: nothing overlaps, nothing leaves the viewport, priority wins, and the
// answer depends only on the input.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "core/basemap/basemap.hpp"

using namespace core::basemap;

namespace {

bool overlap(const Box& a, const Box& b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

std::vector<Box> random_boxes(std::mt19937& rng, int n, float w, float h, float max_side) {
    std::uniform_real_distribution<float> px(-50, w + 50), py(-50, h + 50), side(4, max_side);
    std::vector<Box> out;
    for (int i = 0; i < n; ++i) {
        const float x = px(rng), y = py(rng);
        out.push_back({x, y, x + side(rng), y + side(rng) / 3});
    }
    return out;
}

}  // namespace

TEST_CASE("labels: higher priority wins, touching is not overlapping") {
    const Box vp{0, 0, 100, 100};
    const std::vector<Box> c{{10, 10, 50, 20}, {40, 15, 80, 25}, {50, 10, 90, 20}, {0, 90, 30, 100}};
    CHECK(place_labels(c, {}, vp) == std::vector<std::size_t>{0, 2, 3});
    // An obstacle over the first: the second now fits, the third overlaps the second.
    CHECK(place_labels(c, {{0, 0, 35, 35}}, vp) == std::vector<std::size_t>{1, 3});
}

TEST_CASE("labels: outside or across the viewport, empty, inverted or NaN boxes are never chosen") {
    const Box vp{0, 0, 100, 100};
    const float nan = std::nanf("");
    const std::vector<Box> c{{-5, 10, 20, 20}, {90, 10, 101, 20}, {10, 10, 10, 20},
                             {30, 30, 20, 40}, {nan, 0, 10, 10},  {200, 200, 210, 210}};
    CHECK(place_labels(c, {}, vp).empty());
    CHECK(place_labels({{0, 0, 100, 100}}, {}, vp) == std::vector<std::size_t>{0});
    CHECK(place_labels({{1, 1, 2, 2}}, {}, {0, 0, 0, 0}).empty());
}

TEST_CASE("labels: 10,000 random candidates and 500 obstacles keep every rule") {
    std::mt19937 rng(42);
    const Box vp{0, 0, 1236, 1260};
    const std::vector<Box> cands = random_boxes(rng, 10000, vp.x1, vp.y1, 160);
    const std::vector<Box> obstacles = random_boxes(rng, 500, vp.x1, vp.y1, 60);
    const std::vector<std::size_t> chosen = place_labels(cands, obstacles, vp);
    REQUIRE(chosen.size() > 50);
    for (std::size_t k = 0; k < chosen.size(); ++k) {
        const Box& a = cands[chosen[k]];
        REQUIRE((a.x0 >= vp.x0 && a.y0 >= vp.y0 && a.x1 <= vp.x1 && a.y1 <= vp.y1));
        if (k > 0) REQUIRE(chosen[k] > chosen[k - 1]);
        for (const Box& o : obstacles) REQUIRE_FALSE(overlap(a, o));
        for (std::size_t j = k + 1; j < chosen.size(); ++j) REQUIRE_FALSE(overlap(a, cands[chosen[j]]));
    }
    // Greedy: every candidate left out inside the viewport was blocked by an obstacle or by a
    // chosen candidate of higher priority.
    std::size_t next = 0;
    for (std::size_t i = 0; i < cands.size(); ++i) {
        if (next < chosen.size() && chosen[next] == i) {
            ++next;
            continue;
        }
        const Box& c = cands[i];
        if (!(c.x0 >= vp.x0 && c.y0 >= vp.y0 && c.x1 <= vp.x1 && c.y1 <= vp.y1)) continue;
        bool blocked = false;
        for (const Box& o : obstacles) blocked = blocked || overlap(c, o);
        for (std::size_t k = 0; k < next && !blocked; ++k) blocked = overlap(c, cands[chosen[k]]);
        REQUIRE(blocked);
    }
    CHECK(place_labels(cands, obstacles, vp) == chosen);
}

TEST_CASE("labels: one label per group, its first place that fits") {
    const Box vp{0, 0, 100, 100};
    // Label 0 may go centred (blocked by a marker), above or below; label 1 only centred.
    const std::vector<Box> c{{40, 45, 60, 55}, {40, 30, 60, 40}, {40, 60, 60, 70}, {45, 28, 70, 38}};
    const std::vector<std::uint32_t> group{0, 0, 0, 1};
    const std::vector<Box> marker{{42, 42, 58, 58}};
    // Above fits, so below is passed over; label 1 overlaps the label above and is left out.
    CHECK(place_labels(c, group, marker, vp) == std::vector<std::size_t>{1});
    // Without the marker the centred place wins and label 1 fits beside it.
    CHECK(place_labels(c, group, {}, vp) == std::vector<std::size_t>{0, 3});
    // A group list of the wrong length chooses nothing.
    CHECK(place_labels(c, std::vector<std::uint32_t>{0, 0}, {}, vp).empty());
}
