// Grid clustering: one bucket per cell of the world at the current zoom, members averaged.
#include "cluster.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

namespace core::cluster {

std::vector<Cluster> build(const std::vector<Point>& points, double cell_px) {
    std::vector<Cluster> out;
    if (points.empty()) return out;
    cell_px = std::max(cell_px, 1.0);
    std::unordered_map<uint64_t, size_t> cells;
    cells.reserve(points.size());
    for (const Point& p : points) {
        const auto cx = static_cast<int64_t>(std::floor(p.x / cell_px));
        const auto cy = static_cast<int64_t>(std::floor(p.y / cell_px));
        const uint64_t key = (static_cast<uint64_t>(cx) << 32) ^ static_cast<uint32_t>(cy);
        const auto [it, added] = cells.try_emplace(key, out.size());
        if (added) {
            Cluster c;
            c.first = p.index;
            c.min_x = c.max_x = p.x;
            c.min_y = c.max_y = p.y;
            out.push_back(c);
        }
        Cluster& c = out[it->second];
        c.x += p.x;
        c.y += p.y;
        ++c.count;
        c.available += p.available;
        c.total += p.total;
        c.min_x = std::min(c.min_x, p.x);
        c.max_x = std::max(c.max_x, p.x);
        c.min_y = std::min(c.min_y, p.y);
        c.max_y = std::max(c.max_y, p.y);
    }
    for (Cluster& c : out) {
        c.x /= c.count;
        c.y /= c.count;
    }
    return out;
}

}  // namespace core::cluster
