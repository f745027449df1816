// Prints how long core::basemap::place_labels takes for a busy frame: 2,000 candidate labels and
// 500 obstacles on a 1236 x 1260 px viewport (a 412 x 420 CSS px map at 3x). Not a test.
#include <chrono>
#include <cstdio>
#include <random>

#include "core/basemap/basemap.hpp"

using core::basemap::Box;

int main() {
    std::mt19937 rng(7);
    const Box vp{0, 0, 1236, 1260};
    std::uniform_real_distribution<float> px(-50, 1286), py(-50, 1310), w(30, 240), h(20, 40), m(20, 60);
    std::vector<Box> cands, obstacles;
    for (int i = 0; i < 2000; ++i) {
        const float x = px(rng), y = py(rng);
        cands.push_back({x, y, x + w(rng), y + h(rng)});
    }
    for (int i = 0; i < 500; ++i) {
        const float x = px(rng), y = py(rng), s = m(rng);
        obstacles.push_back({x, y, x + s, y + s});
    }
    const int runs = 2000;
    std::size_t kept = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (int r = 0; r < runs; ++r) kept += core::basemap::place_labels(cands, obstacles, vp).size();
    const double us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count() / runs;
    std::printf("place_labels: 2000 candidates, 500 obstacles: %.1f us per call, %zu labels kept\n", us, kept / runs);
}
