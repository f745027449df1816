// The driver's favourite chargers: read from the service once the token is registered, kept with
// enough of each place (name, address, position) to list them and show them on the map without
// the network, and stored so a reload offline still lists them.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "planner.hpp"
#include "state.hpp"

namespace core {

inline constexpr const char* kKeyMapFavourites = "mapFavourites";
inline constexpr size_t kMaxFavourites = 500;  // far more than any driver keeps; bounds hostile answers

// Asks GET /favorites/{token}/locations (nearest `near` first) unless already asked.
void request_favourites(MapState& map, std::string_view app_token, geo::LatLng near, planner::Out out);
// The answer: the service's list replaces ours, except for changes still on their way to it.
// False when the answer is unusable (the list stays as it was).
bool apply_favourites(MapState& map, std::string_view body);
// The driver marked or unmarked one: the place from what the map knows of it (the loaded
// summaries, the open sheet, search results), so the list can show it at once.
void set_favourite(MapState& map, const std::string& location_id, bool on);

// The favourites nearest `from` first, as (metres, place).
std::vector<std::pair<double, const LocationSummary*>> favourites_by_distance(const MapState& map, geo::LatLng from);

// For storage: the token they belong to and the places; decode ignores another token's list and
// anything malformed.
std::string encode_favourites(std::string_view app_token, const std::vector<LocationSummary>& places);
std::optional<std::vector<LocationSummary>> decode_favourites(std::string_view stored, std::string_view app_token);

}  // namespace core
