// Tiles read as their children when their pages cannot all be had (see tile_split.hpp).
#include "tile_split.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_set>

#include "tile_set.hpp"

namespace core::planner {
namespace {

bool meets(const geo::Box& a, const geo::Box& b) {
    return a.south <= b.north && a.north >= b.south && a.west <= b.east && a.east >= b.west;
}

bool is_split(const MapState& map, const geo::TileId& t, int floor) {
    if (t.z >= floor) return false;
    const auto it = map.tiles.find(t);
    return it != map.tiles.end() && it->second.complete && it->second.truncated;
}

void visit(const MapState& map, const geo::TileId& t, int floor, const geo::Box& view, geo::World centre,
           std::vector<geo::TileId>& out, std::vector<geo::TileId>* split) {
    if (!is_split(map, t, floor)) {
        out.push_back(t);
        return;
    }
    if (split) split->push_back(t);
    std::array<geo::TileId, 4> children = tiles::children(t);
    const double n = static_cast<double>(1 << (t.z + 1));
    auto d2 = [&](const geo::TileId& c) {
        const double dx = (c.x + 0.5) / n - centre.x, dy = (c.y + 0.5) / n - centre.y;
        return dx * dx + dy * dy;
    };
    std::sort(children.begin(), children.end(), [&](const auto& a, const auto& b) { return d2(a) < d2(b); });
    for (const geo::TileId& c : children)
        if (meets(geo::tile_box(c), view)) visit(map, c, floor, view, centre, out, split);
}

}  // namespace

int floor_zoom(int data_zoom) { return data_zoom + kSplitLevels; }

PageVerdict judge_page(const MapTile& tile, const LocationList& page, bool tokens_lead_on) {
    if (tile.pages > 0) {
        // Asked for with a token: the page must bring locations this tile has not seen yet.
        if (page.items.empty()) return PageVerdict::TokenFailed;
        const std::unordered_set<std::string_view> seen(tile.ids.begin(), tile.ids.end());
        for (const auto& l : page.items)
            if (seen.count(l.id)) return PageVerdict::TokenFailed;
    }
    if (!page.has_more_data) return PageVerdict::Done;
    const std::string& token = page.continuation_token;
    if (token.empty()) return PageVerdict::Split;
    if (std::find(tile.tokens.begin(), tile.tokens.end(), token) != tile.tokens.end())
        return PageVerdict::TokenFailed;
    if (!tokens_lead_on || tile.pages + 1 >= kMaxPages) return PageVerdict::Split;
    return PageVerdict::Follow;
}

bool refuses_token(int status) { return status >= 400 && status < 500 && status != 408 && status != 429; }

std::vector<geo::TileId> reading_tiles(const MapState& map, const std::vector<geo::TileId>& data_tiles,
                                       const geo::Box& view, std::vector<geo::TileId>* split) {
    std::vector<geo::TileId> out;
    out.reserve(data_tiles.size());
    const geo::World centre = geo::project({(view.south + view.north) / 2, (view.west + view.east) / 2});
    for (const geo::TileId& t : data_tiles) visit(map, t, floor_zoom(t.z), view, centre, out, split);
    return out;
}

}  // namespace core::planner
