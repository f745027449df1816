// Groups map markers that would overlap into clusters with a count (grid clustering in world px,
// so clusters stay put while the map pans). Pure; linear in the number of points.
#pragma once
#include <vector>

namespace core::cluster {

struct Point {
    double x = 0, y = 0;  // world px at the current zoom (geo::project * geo::world_px)
    int index = 0;        // the caller's id for the point
    int available = 0, total = 0;
};

struct Cluster {
    double x = 0, y = 0;  // mean position of the members, world px
    int count = 0;
    int first = 0;        // index of the first member (the marker itself when count == 1)
    int available = 0, total = 0;  // summed over the members
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;  // members' bounds, for zooming in
};

// Points closer than about `cell_px` end up together. A cell of one point is a plain marker.
// Output order follows the first appearance of each cell in `points`, so it is stable.
std::vector<Cluster> build(const std::vector<Point>& points, double cell_px);

}  // namespace core::cluster
