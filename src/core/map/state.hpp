// What the map knows and shows: camera, filters, the locations loaded per area (a tile cache),
// the requests in flight, the opened bottom sheet and the driver's position. Held by the Model.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "core/api/api.hpp"
#include "geo.hpp"
#include "core/time/time.hpp"

namespace core {

// Storage keys of the map: the driver's filters and the last camera, restored at boot.
inline constexpr const char* kKeyMapFilters = "mapFilters";
inline constexpr const char* kKeyMapCamera = "mapCamera";

// The driver's filters; each maps onto one of the API's filter.* query parameters.
struct MapFilters {
    enum class Power { Any, AC, DC };
    bool available_now = false;              // filter.isAvailable
    Power power = Power::Any;                // filter.powerType
    int min_kw = 0;                          // filter.minKw (0: any)
    std::vector<std::string> connector_types;  // filter.connectorTypes (API standards)
    bool direct_pay = false;                 // filter.directPayEnabled
    bool favourites_only = false;            // filter.isFavorite (with filter.appToken)
    std::string app_token;                   // whose favourites: set by the controller, never stored
    // The same choices are the same filters, whoever's token rides along.
    friend bool operator==(const MapFilters& a, const MapFilters& b) {
        return a.available_now == b.available_now && a.power == b.power && a.min_kw == b.min_kw &&
               a.connector_types == b.connector_types && a.direct_pay == b.direct_pay &&
               a.favourites_only == b.favourites_only;
    }
};

// A loaded location with its position on the Mercator square (projected once, drawn every frame).
struct MapLocation {
    LocationSummary summary;
    geo::World world;
};

// One area of the data grid (a tile at the planner's data zoom, or a split tile's child) and what
// it holds.
struct MapTile {
    std::vector<std::string> ids;     // locations in it, once each, in the service's order
    std::string continuation;         // token for the next page; empty before the first or after the last
    std::vector<std::string> tokens;  // tokens sent while reading it: one given again leads nowhere
    int pages = 0;
    bool complete = false;         // read: every page, or as many as the service gave
    // The service had more than this tile could read page by page: its children are read instead,
    // down to the floor (planner/tile_split.hpp); a floor tile that is full asks the driver to zoom in.
    bool truncated = false;
    bool failed = false;           // the service refused; not asked again until the view changes
    TimePoint fetched{};           // when the last page arrived
    uint64_t used = 0;             // planner clock at last use, for eviction
};

enum class MapRequestKind { Tile, Availability, Sheet, Search, Favourites, FavouriteChange };

struct MapRequest {
    MapRequestKind kind = MapRequestKind::Tile;
    geo::TileId tile;
    std::string location_id;  // Sheet, FavouriteChange; Search: the words
    bool add = false;         // FavouriteChange: added (true) or removed
};

enum class LocateState { Idle, Asking, Found, Denied, Unavailable };

struct MapState {
    // Almere to Volendam on a phone until the view reports its size or a saved camera is restored.
    geo::Camera camera{{52.425, 5.10}, 10.5, 412, 420};
    MapFilters filters;

    std::vector<MapLocation> locations;                    // every loaded location, once
    std::unordered_map<std::string, size_t> location_index;  // id -> index in `locations`
    uint64_t data_version = 0;  // bumped whenever `locations` changes, so views may cache
    // Operators' brandings by id: a list gives each in full once, then only its brandingId.
    std::unordered_map<std::string, Branding> brandings;

    std::map<geo::TileId, MapTile> tiles;  // the cache, by data tile (and split tiles' children)
    // No continuation token of this service has led nowhere yet. Once one has (the walkthrough's
    // "not yet implemented" paging), a tile with more than one page is split at once.
    bool tokens_lead_on = true;
    std::map<int, MapRequest> pending;     // request id -> what it was for
    uint64_t clock = 0;                    // planner clock (plans made), for least-recently-used

    std::optional<TimePoint> plan_at;   // debounced plan due (the finger is still moving)
    std::optional<TimePoint> wake_at;   // the WakeAt asked for the debounce, if any
    std::optional<TimePoint> retry_at;  // after a network failure
    std::optional<TimePoint> availability_at;
    bool availability_supported = true;

    bool offline = false;    // the last tile request got no answer at all
    bool page_offline = false;  // the browser says there is no network (the tiles may still come from its cache)
    bool server_error = false;
    std::string selected_id;              // the bottom sheet's location, empty when closed
    std::optional<Location> selected;     // its details, once loaded
    bool selected_failed = false;

    bool started = false;  // boot seen (a second Boot changes nothing)
    // Search by text over the whole service (/locations/search), nearest the driver first.
    std::string search_query;                    // the words of the results below, empty for none
    std::vector<LocationSummary> search_results;
    bool search_loading = false, search_failed = false;

    // The driver's favourite locations (the API's favorites), read once the token is registered
    // (again when a sheet opens if that failed); restored from storage at boot.
    std::vector<LocationSummary> favourites;
    bool favourites_loaded = false;  // the service's list has arrived
    bool favourites_asked = false;   // asked at least once since boot

    LocateState locate = LocateState::Idle;
    std::optional<TimePoint> locate_deadline;  // Asking gives up then: a prompt left unanswered never calls back
    std::optional<geo::LatLng> me;
};

namespace intent {
// The view's camera changed: `settled` is false while a finger or an inertia fling still moves it.
struct MapMoved {
    geo::Camera camera;
    bool settled = true;
};
struct SelectLocation { std::string location_id; };  // empty closes the sheet
struct SetMapFilters { MapFilters filters; };
struct LocateMe {};
struct SearchLocations { std::string text; };  // empty clears the results
// A search result was chosen: open its sheet and show it on the map.
struct ToggleFavourite { std::string location_id; };
struct ShowLocation { std::string location_id; double lat = 0, lng = 0; };
// From the platform's Geolocation answer.
struct Located { double lat = 0, lng = 0; };
struct LocateFailed { bool denied = false; };
}  // namespace intent

using MapIntent = std::variant<intent::MapMoved, intent::SelectLocation, intent::SetMapFilters, intent::LocateMe,
                               intent::Located, intent::LocateFailed, intent::SearchLocations, intent::ShowLocation,
                               intent::ToggleFavourite>;

// Locations of the map inside `box`, for views and tests.
std::vector<const MapLocation*> locations_in(const MapState& map, const geo::Box& box);
// Is any area of the view still loading?
bool map_loading(const MapState& map);
// Does the view show an area with more chargers than it could read, even split to the floor?
bool map_truncated(const MapState& map);
bool is_favourite(const MapState& map, const std::string& location_id);
// Where lists are ordered from: the driver when located, else the middle of the map.
geo::LatLng list_origin(const MapState& map);
// How far the driver is from a place; nothing when the driver's position is not known (a
// distance from the map's middle would read as the driver's: "Marga · 0 m" from 10 km away).
std::optional<double> distance_from_driver(const MapState& map, geo::LatLng place);

}  // namespace core
