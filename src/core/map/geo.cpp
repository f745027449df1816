// Web Mercator maths for the map (EPSG:3857 as the slippy-map tile scheme uses it).
#include "geo.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace core::geo {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kEarthRadius = 6378137.0;  // WGS 84 semi-major axis, as Web Mercator uses

double wrap01(double x) { return x - std::floor(x); }

}  // namespace

World project(LatLng p) {
    const double lat = std::clamp(p.lat, -kMaxLat, kMaxLat);
    const double s = std::sin(lat * kPi / 180.0);
    return {p.lng / 360.0 + 0.5, 0.5 - std::log((1 + s) / (1 - s)) / (4 * kPi)};
}

LatLng unproject(World w) {
    const double n = kPi - 2.0 * kPi * w.y;
    const double lat = 180.0 / kPi * std::atan(std::sinh(n));
    return {lat, (w.x - 0.5) * 360.0};
}

double world_px(double zoom) { return kTilePx * std::exp2(zoom); }

ScreenPoint to_screen(const Camera& c, LatLng p) {
    const double size = world_px(c.zoom);
    const World w = project(p), o = project(c.centre);
    double dx = w.x - o.x;
    // The nearer copy of the world when the view straddles the antimeridian.
    if (dx > 0.5) dx -= 1;
    if (dx < -0.5) dx += 1;
    return {c.width / 2 + dx * size, c.height / 2 + (w.y - o.y) * size};
}

LatLng from_screen(const Camera& c, ScreenPoint s) {
    const double size = world_px(c.zoom);
    const World o = project(c.centre);
    World w{o.x + (s.x - c.width / 2) / size, o.y + (s.y - c.height / 2) / size};
    w.y = std::clamp(w.y, 0.0, 1.0);
    LatLng p = unproject(w);
    if (p.lng > 180) p.lng -= 360;
    if (p.lng < -180) p.lng += 360;
    return p;
}

Box visible_box(const Camera& c) {
    const LatLng nw = from_screen(c, {0, 0}), se = from_screen(c, {c.width, c.height});
    Box b{se.lat, nw.lng, nw.lat, se.lng};
    // Wider than the world, or wrapped: the whole longitude range.
    if (c.width >= world_px(c.zoom) || b.west > b.east) {
        b.west = -180;
        b.east = 180;
    }
    return b;
}

Camera normalized(Camera c) {
    c.zoom = std::clamp(c.zoom, kMinZoom, kMaxZoom);
    c.centre.lat = std::clamp(c.centre.lat, -kMaxLat, kMaxLat);
    c.centre.lng = wrap01(c.centre.lng / 360.0 + 0.5) * 360.0 - 180.0;
    return c;
}

Camera pan_by(Camera c, double dx, double dy) {
    const double size = world_px(c.zoom);
    World o = project(c.centre);
    o.x = wrap01(o.x - dx / size);
    o.y = std::clamp(o.y - dy / size, 0.0, 1.0);
    c.centre = unproject(o);
    return normalized(c);
}

Camera zoom_around(Camera c, double zoom, ScreenPoint anchor) {
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    const World before = project(from_screen(c, anchor));
    c.zoom = zoom;
    // Put the anchored point back under the anchor: the centre moves by the anchor's offset.
    const double size = world_px(zoom);
    World o{before.x - (anchor.x - c.width / 2) / size, before.y - (anchor.y - c.height / 2) / size};
    o.x = wrap01(o.x);
    o.y = std::clamp(o.y, 0.0, 1.0);
    c.centre = unproject(o);
    return normalized(c);
}

Camera fit(Camera c, const Box& box, double padding) {
    const World a = project({box.north, box.west}), b = project({box.south, box.east});
    const double w = std::max(b.x - a.x, 1e-9), h = std::max(b.y - a.y, 1e-9);
    const double avail_w = std::max(c.width - 2 * padding, 1.0), avail_h = std::max(c.height - 2 * padding, 1.0);
    c.zoom = std::log2(std::min(avail_w / w, avail_h / h) / kTilePx);
    c.centre = unproject({(a.x + b.x) / 2, (a.y + b.y) / 2});
    return normalized(c);
}

TileId tile_at(LatLng p, int z) {
    const World w = project(p);
    const int n = 1 << z;
    return {z, std::clamp(static_cast<int>(std::floor(wrap01(w.x) * n)), 0, n - 1),
            std::clamp(static_cast<int>(std::floor(w.y * n)), 0, n - 1)};
}

std::vector<TileId> covering_tiles(const Camera& c, int z) {
    const int n = 1 << z;
    const double size = world_px(c.zoom);
    const World o = project(c.centre);
    const double half_w = c.width / 2 / size, half_h = c.height / 2 / size;
    const int x0 = static_cast<int>(std::floor((o.x - half_w) * n)), x1 = static_cast<int>(std::floor((o.x + half_w) * n));
    const int y0 = std::max(0, static_cast<int>(std::floor((o.y - half_h) * n)));
    const int y1 = std::min(n - 1, static_cast<int>(std::floor((o.y + half_h) * n)));
    std::vector<TileId> out;
    const int span = std::min(x1 - x0 + 1, n);  // never the same column twice
    for (int y = y0; y <= y1; ++y)
        for (int i = 0; i < span; ++i) out.push_back({z, ((x0 + i) % n + n) % n, y});
    // Nearest to the centre first: what the driver looks at loads first.
    const double cx = o.x * n, cy = o.y * n;
    auto dist = [&](const TileId& t) {
        double dx = t.x + 0.5 - cx;
        if (dx > n / 2.0) dx -= n;
        if (dx < -n / 2.0) dx += n;
        const double dy = t.y + 0.5 - cy;
        return dx * dx + dy * dy;
    };
    // Sorted as (key, tile) pairs, the one tile sort the map already has: a non-negative double's
    // bits order as its value does.
    std::vector<std::pair<uint64_t, TileId>> order;
    order.reserve(out.size());
    for (const TileId& t : out) {
        const double d = dist(t);
        uint64_t key;  // std::bit_cast, which Emscripten 3.1.6's libc++ lacks
        std::memcpy(&key, &d, sizeof key);
        order.emplace_back(key, t);
    }
    std::sort(order.begin(), order.end());
    for (size_t i = 0; i < order.size(); ++i) out[i] = order[i].second;
    return out;
}

Box tile_box(TileId t) {
    const double n = static_cast<double>(1 << t.z);
    const LatLng nw = unproject({t.x / n, t.y / n}), se = unproject({(t.x + 1) / n, (t.y + 1) / n});
    return {se.lat, nw.lng, nw.lat, se.lng};
}

double metres_per_px(double lat, double zoom) {
    return std::cos(lat * kPi / 180.0) * 2 * kPi * kEarthRadius / world_px(zoom);
}

ScaleBar scale_bar(double lat, double zoom, double max_px) {
    const double mpp = metres_per_px(lat, zoom);
    const double max_m = mpp * max_px;
    if (!(max_m > 0)) return {};
    const double decade = std::pow(10.0, std::floor(std::log10(max_m)));
    double metres = decade;
    for (const double step : {5.0, 2.0, 1.0}) {
        if (step * decade <= max_m) {
            metres = step * decade;
            break;
        }
    }
    return {metres, metres / mpp};
}

double distance_m(LatLng a, LatLng b) {
    const double k = kPi / 180.0;
    const double x = (b.lng - a.lng) * k * std::cos((a.lat + b.lat) / 2 * k), y = (b.lat - a.lat) * k;
    return std::sqrt(x * x + y * y) * 6371000.0;
}

}  // namespace core::geo
