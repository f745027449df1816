// Raster tile bookkeeping for the map (see tile_set.hpp).
#include "tile_set.hpp"

#include <algorithm>
#include <limits>

namespace core::tiles {

Crop ancestor_crop(TileId child, int levels_up) {
    const int k = std::clamp(levels_up, 0, child.z);
    const int n = 1 << k;  // the ancestor's side in child tiles
    Crop c;
    c.tile = {child.z - k, child.x >> k, child.y >> k};
    const double step = 1.0 / n;
    c.u0 = (child.x & (n - 1)) * step;
    c.v0 = (child.y & (n - 1)) * step;
    c.u1 = c.u0 + step;
    c.v1 = c.v0 + step;
    return c;
}

std::array<TileId, 4> children(TileId t) {
    const int z = t.z + 1, x = 2 * t.x, y = 2 * t.y;
    return {TileId{z, x, y}, TileId{z, x + 1, y}, TileId{z, x, y + 1}, TileId{z, x + 1, y + 1}};
}

TileSet::TileSet(Limits limits) : limits_(limits) {}

bool TileSet::wanted(TileId t) const { return std::binary_search(wanted_.begin(), wanted_.end(), t); }

void TileSet::erase(std::map<TileId, Entry>::iterator it) {
    if (it->second.state == State::Loading) --loading_;
    if (it->second.state == State::Loaded) --loaded_;
    tiles_.erase(it);
}

Plan TileSet::plan(const std::vector<TileId>& wanted_tiles, double now_s) {
    Plan plan;
    ++clock_;
    wanted_ = wanted_tiles;
    std::sort(wanted_.begin(), wanted_.end());
    wanted_.erase(std::unique(wanted_.begin(), wanted_.end()), wanted_.end());
    if (retry_now_) {
        for (auto& [t, e] : tiles_)
            if (e.state == State::Failed) e.failed_at = -std::numeric_limits<double>::infinity();
        retry_now_ = false;
    }

    // Out of view: a fetch still loading is aborted so it stops holding a connection; a failure
    // whose wait is over is forgotten (it would be retried anyway if it came back into view).
    for (auto it = tiles_.begin(); it != tiles_.end();) {
        const auto next = std::next(it);
        const Entry& e = it->second;
        if (!wanted(it->first)) {
            if (e.state == State::Loading) {
                plan.abort.push_back(it->first);
                erase(it);
            } else if (e.state == State::Failed && now_s >= e.failed_at + limits_.retry_after_s) {
                erase(it);
            }
        }
        it = next;
    }

    // In view, nearest first: start what is missing (or failed long enough ago) while there is room.
    for (const TileId& t : wanted_tiles) {
        auto it = tiles_.find(t);
        if (it != tiles_.end()) {
            it->second.used = clock_;
            if (it->second.state != State::Failed || now_s < it->second.failed_at + limits_.retry_after_s) continue;
        }
        if (loading_ >= limits_.max_in_flight) continue;  // later tiles may still be loaded or failed
        if (it == tiles_.end()) it = tiles_.emplace(t, Entry{}).first;
        it->second = Entry{State::Loading, 0, clock_, 0};
        ++loading_;
        plan.start.push_back(t);
    }

    // Too many textures: the least recently used go, never one this frame shows.
    if (loaded_ > limits_.max_textures) {
        std::vector<std::pair<uint64_t, TileId>> order;
        for (const auto& [t, e] : tiles_)
            if (e.state == State::Loaded && !wanted(t)) order.emplace_back(e.used, t);
        std::sort(order.begin(), order.end());
        for (const auto& [used, t] : order) {
            if (loaded_ <= limits_.max_textures) break;
            const auto it = tiles_.find(t);
            plan.release.push_back(it->second.texture);
            erase(it);
        }
    }
    return plan;
}

bool TileSet::loaded(TileId t, unsigned texture) {
    const auto it = tiles_.find(t);
    if (it == tiles_.end() || it->second.state != State::Loading) return false;
    it->second.state = State::Loaded;
    it->second.texture = texture;
    --loading_;
    ++loaded_;
    return true;
}

void TileSet::failed(TileId t, double now_s) {
    const auto it = tiles_.find(t);
    if (it == tiles_.end() || it->second.state != State::Loading) return;
    it->second.state = State::Failed;
    it->second.failed_at = now_s;
    --loading_;
}

void TileSet::network_back() { retry_now_ = true; }

unsigned TileSet::texture(TileId t) {
    const auto it = tiles_.find(t);
    if (it == tiles_.end() || it->second.state != State::Loaded) return 0;
    it->second.used = clock_;
    return it->second.texture;
}

std::optional<TileSet::Piece> TileSet::ancestor(TileId t) {
    for (int k = 1; k <= std::min(limits_.fallback_levels, t.z); ++k) {
        const Crop crop = ancestor_crop(t, k);
        if (const unsigned tex = texture(crop.tile)) return Piece{crop, tex};
    }
    return std::nullopt;
}

std::optional<double> TileSet::next_retry() const {
    std::optional<double> at;
    for (const TileId& t : wanted_) {
        const auto it = tiles_.find(t);
        if (it == tiles_.end() || it->second.state != State::Failed) continue;
        const double when = it->second.failed_at + limits_.retry_after_s;
        if (!at || when < *at) at = when;
    }
    return at;
}

size_t TileSet::in_flight() const { return loading_; }

bool TileSet::loading(TileId t) const {
    const auto it = tiles_.find(t);
    return it != tiles_.end() && it->second.state == State::Loading;
}

size_t TileSet::textures() const { return loaded_; }

}  // namespace core::tiles
