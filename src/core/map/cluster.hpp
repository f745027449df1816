// Groups map markers so that no two drawn markers collide: placement by screen-space collision at
// the current zoom, in world px, so markers stay put while the map pans. Pure; linear in the
// number of points.
#pragma once
#include <vector>

namespace core::cluster {

struct Point {
    double x = 0, y = 0;  // world px at the current zoom (geo::project * geo::world_px)
    int index = 0;        // the caller's id for the point
    int available = 0, total = 0;
};

struct Cluster {
    double x = 0, y = 0;  // where it is drawn: its first member's position, world px
    int count = 0;
    int first = 0;        // index of the first member (the marker itself when count == 1)
    int available = 0, total = 0;  // summed over the members
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;  // members' bounds, for zooming in
};

// Points are taken in the given order (the caller's priority): a point whose `gap_px` box would
// overlap an earlier cluster's joins the nearest such cluster; otherwise it starts one where it
// is. So any two clusters are at least `gap_px` apart on one axis at least (their boxes of that
// size never overlap), every member lies within `gap_px` of its cluster on both axes, and the
// output follows the order of each cluster's first member. gap_px below 1e-3 keeps every point.
std::vector<Cluster> build(const std::vector<Point>& points, double gap_px);

// Do two boxes of side `gap_px` around these centres overlap?
inline bool collide(double ax, double ay, double bx, double by, double gap_px) {
    const double dx = ax > bx ? ax - bx : bx - ax, dy = ay > by ? ay - by : by - ay;
    return dx < gap_px && dy < gap_px;
}

}  // namespace core::cluster
