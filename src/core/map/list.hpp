// The list under the map: the chargers in view that match the driver's words, nearest first, kept
// as indices into MapState::locations. A frame with 10,000 chargers in view pays only for the rows
// on screen: positions are turned into unit vectors once per data change, a new view or point costs
// one pass over them, and the order is sorted only as far down as the list has been shown.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "state.hpp"

namespace core {

// Case-insensitive (ASCII) match of lower-cased words against name, street and city.
bool matches_words(const LocationSummary& l, std::string_view lower_words);
std::string lower_ascii(std::string s);

struct ListedLocation {
    double distance_m = 0;
    size_t index = 0;  // into MapState::locations
};

// The chargers of `map` inside `box` matching `words`, nearest `from` first (ties by id). The plain
// reference the cache below must agree with.
std::vector<ListedLocation> nearest_in_view(const MapState& map, const geo::Box& box, geo::LatLng from,
                                            std::string_view words);

// The same list, remembered until the data, the box, the point or the words change, and sorted
// lazily: at(i) orders the list only down to row i.
class MapListCache {
public:
    // Prepares the list for this frame; returns its length.
    size_t update(const MapState& map, const geo::Box& box, geo::LatLng from, std::string_view words);
    size_t size() const { return rows_.size(); }
    const ListedLocation& at(size_t i);  // i < size()
    int rebuilds() const { return rebuilds_; }

private:
    struct Row {
        double chord2;  // squared chord to `from` on the unit sphere: orders like the great-circle distance
        size_t index;
    };
    const MapState* map_ = nullptr;
    uint64_t version_ = UINT64_MAX;
    size_t count_ = 0;
    std::vector<std::array<double, 3>> unit_;  // per location, its point on the unit sphere
    geo::Box box_{};
    geo::LatLng from_{};
    std::string words_;
    std::vector<Row> rows_;
    std::vector<ListedLocation> sorted_;  // the ordered prefix, with distances in metres
    int rebuilds_ = 0;
};

}  // namespace core
