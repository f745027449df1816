// The map's HTTP requests: one data tile (bounding box + filters + paging), the availability of a
// set of locations, and the filters as query parameters and as a stored string.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/api/api.hpp"
#include "core/io/io.hpp"
#include "state.hpp"

namespace core {

// "&filter.isAvailable=true&filter.powerType=DC..." (empty for no filter).
std::string filter_query(const MapFilters& f);
// GET /api/locations/boundingbox for the tile's box, 50 a page (the API's maximum).
HttpRequest tile_request(geo::TileId tile, const MapFilters& f, std::string_view continuation = {});
// GET /api/locations/search: the driver's words, the filters, nearest `near` first, one page.
HttpRequest search_request(std::string_view text, const MapFilters& f, geo::LatLng near);
// GET /api/favorites/{t}/locations (nearest `near` first); POST or DELETE /api/favorites/{t}/location/{id}.
HttpRequest favourites_request(std::string_view app_token, geo::LatLng near);
HttpRequest favourite_change_request(std::string_view app_token, std::string_view location_id, bool add);
// POST /api/locations/availability {"locationIds": [...]}
HttpRequest availability_request(const std::vector<std::string>& location_ids);

// The filters as JSON for storage, and back (unknown or malformed parts fall back to "any").
std::string encode_filters(const MapFilters& f);
MapFilters decode_filters(std::string_view stored);
// The camera's centre and zoom for storage, and back onto a camera (nullopt when unusable).
std::string encode_camera(const geo::Camera& c);
std::optional<geo::Camera> decode_camera(std::string_view stored, geo::Camera base);

// The availability answer: per location, its EVSEs' statuses (LocationAvailabilityResponse).
struct EvseAvailability {
    std::string uid;
    std::string status;
};
struct LocationAvailability {
    std::string id;
    std::vector<EvseAvailability> evses;
};
std::optional<std::vector<LocationAvailability>> decode_availability(std::string_view body);

}  // namespace core
