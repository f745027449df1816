// Greedy label placement: candidates in priority order, each kept if it fits the viewport and
// overlaps nothing kept or blocked so far. A uniform grid over the viewport holds the kept and
// blocking boxes, so a candidate is tested only against boxes in the grid cells it covers.
#include <algorithm>
#include <cmath>

#include "core/basemap/basemap.hpp"

namespace core::basemap {
namespace {

bool overlaps(const Box& a, const Box& b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

bool proper(const Box& b) {
    // Written so NaN fails every comparison and so the box.
    return b.x0 < b.x1 && b.y0 < b.y1 && std::isfinite(b.x0) && std::isfinite(b.x1) && std::isfinite(b.y0) &&
           std::isfinite(b.y1);
}

class Grid {
public:
    Grid(Box vp, std::size_t expected) : vp_(vp) {
        // About one kept box per grid cell, at most 64 x 64 cells.
        const float w = vp.x1 - vp.x0, h = vp.y1 - vp.y0;
        const float target = std::sqrt(std::max(1.0f, w * h / static_cast<float>(std::max<std::size_t>(expected, 1))));
        nx_ = std::clamp(static_cast<int>(w / target), 1, 64);
        ny_ = std::clamp(static_cast<int>(h / target), 1, 64);
        cw_ = w / static_cast<float>(nx_);
        ch_ = h / static_cast<float>(ny_);
        head_.assign(static_cast<std::size_t>(nx_) * static_cast<std::size_t>(ny_), -1);
    }
    // The grid cells a box covers, clamped to the viewport; false when it misses the viewport.
    bool span(const Box& b, int& gx0, int& gy0, int& gx1, int& gy1) const {
        if (!overlaps(b, vp_)) return false;
        gx0 = index((b.x0 - vp_.x0) / cw_, nx_);
        gx1 = index((b.x1 - vp_.x0) / cw_, nx_);
        gy0 = index((b.y0 - vp_.y0) / ch_, ny_);
        gy1 = index((b.y1 - vp_.y0) / ch_, ny_);
        return true;
    }
    // Each grid cell is a list threaded through one array: no allocation per cell.
    void add(int gx, int gy, std::uint32_t id) {
        std::int32_t& h = head_[slot(gx, gy)];
        links_.push_back({id, h});
        h = static_cast<std::int32_t>(links_.size() - 1);
    }
    template <class F>
    bool any_of(int gx, int gy, F&& f) const {
        for (std::int32_t k = head_[slot(gx, gy)]; k >= 0; k = links_[static_cast<std::size_t>(k)].next) {
            if (f(links_[static_cast<std::size_t>(k)].id)) return true;
        }
        return false;
    }

private:
    struct Link {
        std::uint32_t id;
        std::int32_t next;
    };
    static int index(float v, int n) { return std::clamp(static_cast<int>(std::floor(v)), 0, n - 1); }
    std::size_t slot(int gx, int gy) const {
        return static_cast<std::size_t>(gy) * static_cast<std::size_t>(nx_) + static_cast<std::size_t>(gx);
    }
    Box vp_;
    int nx_ = 1, ny_ = 1;
    float cw_ = 1, ch_ = 1;
    std::vector<std::int32_t> head_;
    std::vector<Link> links_;
};

}  // namespace

std::vector<std::size_t> place_labels(const std::vector<Box>& candidates, const std::vector<Box>& obstacles, Box viewport) {
    std::vector<std::uint32_t> own(candidates.size());
    for (std::size_t i = 0; i < own.size(); ++i) own[i] = static_cast<std::uint32_t>(i);
    return place_labels(candidates, own, obstacles, viewport);
}

std::vector<std::size_t> place_labels(const std::vector<Box>& candidates, const std::vector<std::uint32_t>& group,
                                      const std::vector<Box>& obstacles, Box viewport) {
    std::vector<std::size_t> chosen;
    if (!proper(viewport) || group.size() != candidates.size()) return chosen;
    std::vector<std::uint32_t> placed;  // groups with a chosen label, sorted
    auto is_placed = [&](std::uint32_t g) { return std::binary_search(placed.begin(), placed.end(), g); };
    Grid grid(viewport, candidates.size() / 4 + obstacles.size() + 1);
    std::vector<Box> held;  // obstacles, then chosen labels; the grid holds indices into it
    held.reserve(obstacles.size() + candidates.size());
    std::vector<std::uint32_t> seen;  // the candidate that last tested each held box: each once
    auto hold = [&](const Box& b) {
        int gx0 = 0, gy0 = 0, gx1 = 0, gy1 = 0;
        if (!grid.span(b, gx0, gy0, gx1, gy1)) return;
        const auto id = static_cast<std::uint32_t>(held.size());
        held.push_back(b);
        seen.push_back(0);
        for (int gy = gy0; gy <= gy1; ++gy)
            for (int gx = gx0; gx <= gx1; ++gx) grid.add(gx, gy, id);
    };
    for (const Box& o : obstacles) {
        if (proper(o)) hold(o);
    }
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const Box& c = candidates[i];
        if (is_placed(group[i])) continue;
        if (!proper(c) || c.x0 < viewport.x0 || c.y0 < viewport.y0 || c.x1 > viewport.x1 || c.y1 > viewport.y1)
            continue;
        int gx0 = 0, gy0 = 0, gx1 = 0, gy1 = 0;
        grid.span(c, gx0, gy0, gx1, gy1);
        const auto stamp = static_cast<std::uint32_t>(i + 1);
        auto blocks = [&](std::uint32_t id) {
            if (seen[id] == stamp) return false;
            seen[id] = stamp;
            return overlaps(c, held[id]);
        };
        bool free = true;
        for (int gy = gy0; gy <= gy1 && free; ++gy) {
            for (int gx = gx0; gx <= gx1 && free; ++gx) free = !grid.any_of(gx, gy, blocks);
        }
        if (!free) continue;
        chosen.push_back(i);
        placed.insert(std::upper_bound(placed.begin(), placed.end(), group[i]), group[i]);
        hold(c);
    }
    return chosen;
}

}  // namespace core::basemap
