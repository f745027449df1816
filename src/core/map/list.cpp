// The chargers in view, nearest first (see list.hpp).
#include "list.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace core {
namespace {

constexpr double kDegree = 3.14159265358979323846 / 180.0;
constexpr size_t kSortChunk = 64;  // rows ordered at a time beyond what is asked: a screenful or two

std::array<double, 3> unit_vector(geo::LatLng p) {
    const double lat = p.lat * kDegree, lng = p.lng * kDegree;
    return {std::cos(lat) * std::cos(lng), std::cos(lat) * std::sin(lng), std::sin(lat)};
}

}  // namespace

std::string lower_ascii(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool matches_words(const LocationSummary& l, std::string_view q) {
    if (q.empty()) return true;
    return lower_ascii(l.name).find(q) != std::string::npos || lower_ascii(l.address).find(q) != std::string::npos ||
           lower_ascii(l.city).find(q) != std::string::npos;
}

std::vector<ListedLocation> nearest_in_view(const MapState& map, const geo::Box& box, geo::LatLng from,
                                            std::string_view words) {
    std::vector<ListedLocation> out;
    for (size_t i = 0; i < map.locations.size(); ++i) {
        const LocationSummary& s = map.locations[i].summary;
        if (!box.contains({s.lat, s.lng}) || !matches_words(s, words)) continue;
        out.push_back({geo::distance_m(from, {s.lat, s.lng}), i});
    }
    std::sort(out.begin(), out.end(), [&](const ListedLocation& a, const ListedLocation& b) {
        if (a.distance_m != b.distance_m) return a.distance_m < b.distance_m;
        return map.locations[a.index].summary.id < map.locations[b.index].summary.id;
    });
    return out;
}

size_t MapListCache::update(const MapState& map, const geo::Box& box, geo::LatLng from, std::string_view words) {
    const bool new_data = map_ != &map || version_ != map.data_version || count_ != map.locations.size();
    const bool same = !new_data && box_.south == box.south && box_.west == box.west && box_.north == box.north &&
                      box_.east == box.east && from_.lat == from.lat && from_.lng == from.lng && words_ == words;
    if (same) return rows_.size();
    if (new_data) {
        unit_.resize(map.locations.size());
        for (size_t i = 0; i < map.locations.size(); ++i)
            unit_[i] = unit_vector({map.locations[i].summary.lat, map.locations[i].summary.lng});
    }
    map_ = &map;
    version_ = map.data_version;
    count_ = map.locations.size();
    box_ = box;
    from_ = from;
    words_ = std::string(words);
    ++rebuilds_;
    const auto f = unit_vector(from);
    rows_.clear();
    sorted_.clear();
    for (size_t i = 0; i < map.locations.size(); ++i) {
        const LocationSummary& s = map.locations[i].summary;
        if (!box.contains({s.lat, s.lng}) || !matches_words(s, words)) continue;
        const auto& u = unit_[i];
        const double dx = u[0] - f[0], dy = u[1] - f[1], dz = u[2] - f[2];
        rows_.push_back({dx * dx + dy * dy + dz * dz, i});
    }
    return rows_.size();
}

const ListedLocation& MapListCache::at(size_t i) {
    if (i >= sorted_.size()) {
        // Order the next stretch: everything after the sorted prefix is no nearer than it.
        const size_t upto = std::min(rows_.size(), std::max(i + 1, sorted_.size() + kSortChunk));
        const auto& locations = map_->locations;
        std::partial_sort(rows_.begin() + static_cast<long>(sorted_.size()), rows_.begin() + static_cast<long>(upto),
                          rows_.end(), [&](const Row& a, const Row& b) {
                              if (a.chord2 != b.chord2) return a.chord2 < b.chord2;
                              return locations[a.index].summary.id < locations[b.index].summary.id;
                          });
        for (size_t k = sorted_.size(); k < upto; ++k) {
            const LocationSummary& s = locations[rows_[k].index].summary;
            sorted_.push_back({geo::distance_m(from_, {s.lat, s.lng}), rows_[k].index});
        }
    }
    return sorted_[i];
}

}  // namespace core
