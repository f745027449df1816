// Greedy collision clustering: a hash grid of the clusters placed so far, cells as large as the
// gap, so a point only looks at the 3×3 cells around it.
#include "cluster.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

namespace core::cluster {

namespace {
uint64_t cell_key(int64_t cx, int64_t cy) { return (static_cast<uint64_t>(cx) << 32) ^ static_cast<uint32_t>(cy); }
}  // namespace

std::vector<Cluster> build(const std::vector<Point>& points, double gap_px) {
    std::vector<Cluster> out;
    if (points.empty()) return out;
    gap_px = std::max(gap_px, 1e-3);
    // Clusters at least gap_px apart on an axis: at most four per cell, most cells hold one.
    std::unordered_map<uint64_t, std::vector<size_t>> grid;
    grid.reserve(points.size());
    for (const Point& p : points) {
        const auto cx = static_cast<int64_t>(std::floor(p.x / gap_px));
        const auto cy = static_cast<int64_t>(std::floor(p.y / gap_px));
        size_t best = out.size();
        double best_d2 = 0;
        for (int64_t gy = cy - 1; gy <= cy + 1; ++gy) {
            for (int64_t gx = cx - 1; gx <= cx + 1; ++gx) {
                const auto it = grid.find(cell_key(gx, gy));
                if (it == grid.end()) continue;
                for (const size_t i : it->second) {
                    const Cluster& c = out[i];
                    if (!collide(c.x, c.y, p.x, p.y, gap_px)) continue;
                    const double d2 = (c.x - p.x) * (c.x - p.x) + (c.y - p.y) * (c.y - p.y);
                    if (best == out.size() || d2 < best_d2 || (d2 == best_d2 && i < best)) {
                        best = i;
                        best_d2 = d2;
                    }
                }
            }
        }
        if (best == out.size()) {
            Cluster c;
            c.x = p.x;
            c.y = p.y;
            c.first = p.index;
            c.min_x = c.max_x = p.x;
            c.min_y = c.max_y = p.y;
            grid[cell_key(cx, cy)].push_back(out.size());
            out.push_back(c);
        }
        Cluster& c = out[best];
        ++c.count;
        c.available += p.available;
        c.total += p.total;
        c.min_x = std::min(c.min_x, p.x);
        c.max_x = std::max(c.max_x, p.x);
        c.min_y = std::min(c.min_y, p.y);
        c.max_y = std::max(c.max_y, p.y);
    }
    return out;
}

}  // namespace core::cluster
