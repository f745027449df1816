// When a data tile is read as its four children instead of page by page. The service said there was
// more than one page (hasMoreData) but the rest could not be had: the next page was refused, empty,
// or repeated locations or a token already seen; there was no token; or the tile reached its page
// cap. Its children that meet the view are read in its place, and theirs, down to a floor a few
// zooms below the data tiles; a floor tile still full is what "zoom in to see them all" means.
#pragma once
#include <vector>

#include "core/api/api.hpp"
#include "geo.hpp"
#include "state.hpp"

namespace core::planner {

inline constexpr int kMaxPages = 100;  // pages read for one tile (5,000 locations) before it is split
// The floor is the data zoom + 3: a data tile is 256-512 CSS px on screen, a floor tile 32-64 px,
// about one marker's box (56 px), so splitting deeper could change nothing but a cluster's count,
// at 4 times the requests a level. At most 1 + 4 + 16 + 64 = 85 tiles stand in for one data tile.
inline constexpr int kSplitLevels = 3;

int floor_zoom(int data_zoom);

// What a tile's reading does after an answered page.
enum class PageVerdict {
    Follow,       // ask for the next page with the page's token
    Done,         // every page read
    Split,        // more than can be read page by page (no token, the page cap, tokens known to fail)
    TokenFailed,  // the token led nowhere (a page empty or repeating locations, a token given twice): split
};
// Judges `page`, the answer to `tile`'s next request, before its locations are added to the tile.
// `tokens_lead_on`: no token of this service has failed yet (MapState::tokens_lead_on).
PageVerdict judge_page(const MapTile& tile, const LocationList& page, bool tokens_lead_on);
// Does this status, answering a request with a continuation token, refuse the token? (4xx, but a
// time-out or a rate limit is a failure to try again.)
bool refuses_token(int status);

// The tiles whose pages hold the chargers of `view`: each data tile, or where one was split, its
// children that meet the view (and theirs, down to the floor), nearest the view's centre first.
// `split`, when given, receives the split tiles on the way (they keep the markers of their first page).
std::vector<geo::TileId> reading_tiles(const MapState& map, const std::vector<geo::TileId>& data_tiles,
                                       const geo::Box& view, std::vector<geo::TileId>* split = nullptr);

}  // namespace core::planner
