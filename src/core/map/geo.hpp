// Web Mercator for the map: projection, the camera (centre, zoom, viewport), slippy-map tile maths
// and the scale bar. Pure functions; screen units are CSS px with 256 px tiles at integer zooms.
#pragma once
#include <vector>

namespace core::geo {

inline constexpr double kTilePx = 256.0;
inline constexpr double kMaxLat = 85.0511287798066;  // where Web Mercator is square
inline constexpr double kMinZoom = 2.0;
inline constexpr double kMaxZoom = 19.0;

struct LatLng {
    double lat = 0, lng = 0;
};

// Position on the Mercator square: x and y in [0, 1), y grows southwards.
struct World {
    double x = 0, y = 0;
};

struct Box {  // south-west and north-east corners
    double south = 0, west = 0, north = 0, east = 0;
    bool contains(LatLng p) const { return p.lat >= south && p.lat <= north && p.lng >= west && p.lng <= east; }
};

struct Camera {
    LatLng centre;
    double zoom = 10;
    double width = 0, height = 0;  // viewport, CSS px
};

struct TileId {
    int z = 0, x = 0, y = 0;
    friend bool operator==(const TileId&, const TileId&) = default;
    friend auto operator<=>(const TileId&, const TileId&) = default;
};

World project(LatLng p);
LatLng unproject(World w);
double world_px(double zoom);  // size of the whole world in CSS px at this zoom

// Screen point (CSS px from the viewport's top-left) <-> geography, for this camera.
struct ScreenPoint {
    double x = 0, y = 0;
};
ScreenPoint to_screen(const Camera& c, LatLng p);
LatLng from_screen(const Camera& c, ScreenPoint s);
Box visible_box(const Camera& c);

// Camera moves. Zoom is clamped to [kMinZoom, kMaxZoom] and the centre's latitude to the square.
Camera normalized(Camera c);
Camera pan_by(Camera c, double dx, double dy);  // the content moves by (dx, dy) px, like a finger
// Zoom to `zoom` keeping the geographic point under `anchor` where it is on screen.
Camera zoom_around(Camera c, double zoom, ScreenPoint anchor);
// The largest zoom at which `box` fits the viewport (with `padding` px around), centred on it.
Camera fit(Camera c, const Box& box, double padding = 0);

// Tiles at zoom `z` that cover the camera's view, nearest to the centre first. x wraps around
// the antimeridian; y is clamped to the square.
std::vector<TileId> covering_tiles(const Camera& c, int z);
Box tile_box(TileId t);
TileId tile_at(LatLng p, int z);

// Ground metres per CSS px at this latitude and zoom.
double metres_per_px(double lat, double zoom);
// A scale bar no longer than `max_px`: a round length (1, 2 or 5 x 10^n metres) and its px.
struct ScaleBar {
    double metres = 0;
    double px = 0;
};
ScaleBar scale_bar(double lat, double zoom, double max_px);

// Approximate ground distance in metres (equirectangular; fine for the distances a driver drives).
double distance_m(LatLng a, LatLng b);

}  // namespace core::geo
