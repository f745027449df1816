// What the map loads and when: the view is covered by data tiles (bounding boxes on a fixed grid
// per zoom); each tile is read page by page and cached, so panning back costs nothing. A tile whose
// pages cannot all be had is read as its four children instead (tile_split.hpp). Planning waits
// while the finger moves (debounce), aborts requests for areas no longer in view, keeps at most
// kMaxInFlight tile requests going, and refreshes the availability of what is in view.
#pragma once
#include <vector>

#include "core/api/api.hpp"
#include "core/io/io.hpp"
#include "state.hpp"

namespace core::planner {

inline constexpr Millis kDebounce{200};               // quiet time after the last move before loading
inline constexpr int kMaxInFlight = 4;                // tile requests at once
inline constexpr size_t kMaxTiles = 256;              // tiles kept in the cache
inline constexpr int kMaxWantedTiles = 16;            // tiles one view may need (else a coarser grid)
inline constexpr Millis kTileFresh{10 * 60 * 1000};   // a cached tile is read again after this
inline constexpr Millis kRetry{5000};                 // after a network failure
inline constexpr Millis kFailedRetry{30000};          // after the service refused a tile
inline constexpr Millis kAvailabilityEvery{30000};
inline constexpr size_t kAvailabilityBatch = 100;

// Sends requests with ids from the Model's counter, so they never clash with the journey's.
struct Out {
    std::vector<Effect>& effects;
    int& next_id;
    int send(HttpRequest r);
};

// The grid zoom for a view zoom: about one tile per 256 px of screen, coarser for big screens.
int data_zoom(const geo::Camera& c);
// The data tiles of the view (before any split: reading_tiles in tile_split.hpp).
std::vector<geo::TileId> wanted_tiles(const geo::Camera& c);

// The camera moved; `settled` plans at once, otherwise after kDebounce of quiet.
void moved(MapState& map, const geo::Camera& camera, bool settled, TimePoint now, Out out);
// Loads what the current view lacks and aborts what it no longer needs.
void plan(MapState& map, TimePoint now, Out out);
// A WakeAt came due: a debounced plan, a retry, an availability refresh.
void tick(MapState& map, TimePoint now, bool map_visible, Out out);
// Filters changed: everything loaded is for the old filters; abort and forget it all.
void reset_data(MapState& map, Out out);

// A page of a tile: stored, then the next page, the tile's children, or the next tile in view.
void on_tile(MapState& map, const MapRequest& request, const HttpResponse& r, TimePoint now, Out out);
void on_availability(MapState& map, const HttpResponse& r, TimePoint now, Out out);

}  // namespace core::planner
