// The map's raster tiles without I/O: which to fetch (nearest the centre first, a few at a time),
// which fetches to abort (out of view), when a failure is retried, which textures to drop (least
// recently used), and what to draw while a tile loads (a loaded ancestor, cropped to the tile).
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "geo.hpp"

namespace core::tiles {

using geo::TileId;

// A part of `tile`'s image: u and v in [0, 1], v downwards like tile y.
struct Crop {
    TileId tile;
    double u0 = 0, v0 = 0, u1 = 1, v1 = 1;
};

// The part of `child`'s ancestor `levels_up` levels up (0: the child itself) that covers `child`.
// levels_up is clamped to [0, child.z].
Crop ancestor_crop(TileId child, int levels_up);
// The four tiles one level deeper that cover `t`: north-west, north-east, south-west, south-east.
std::array<TileId, 4> children(TileId t);

struct Limits {
    size_t max_in_flight = 8;     // browsers open ~6 connections per host: keep the rest for the API
    size_t max_textures = 160;    // about 10 MB of 256 px RGBA tiles
    double retry_after_s = 30;    // a failed tile is asked for again after this, or when back online
    int fallback_levels = 4;      // how far up an ancestor may stand in for a missing tile
};

// What the platform does after a plan: start these fetches (in this order), abort these, and
// delete these textures.
struct Plan {
    std::vector<TileId> start, abort;
    std::vector<unsigned> release;
};

class TileSet {
public:
    explicit TileSet(Limits limits = {});

    // The tiles this frame shows, nearest the view's centre first. Fetches of tiles not among them
    // are aborted (and forgotten); missing ones start in this order while fewer than
    // max_in_flight are loading; failures are retried once their time has come; textures beyond
    // max_textures go, least recently used first (never one this frame shows).
    Plan plan(const std::vector<TileId>& wanted, double now_s);
    // A fetch ended. false: the tile was aborted or is unknown meanwhile, the caller frees `texture`.
    bool loaded(TileId t, unsigned texture);
    void failed(TileId t, double now_s);
    void network_back();  // failures are retried at the next plan

    unsigned texture(TileId t);  // 0 unless loaded; counts as a use
    // The nearest loaded ancestor (up to fallback_levels up), cropped to `t`, with its texture.
    struct Piece {
        Crop crop;
        unsigned texture = 0;
    };
    std::optional<Piece> ancestor(TileId t);

    // When a failed tile of the last plan may be fetched again (to wake up for it), if any.
    std::optional<double> next_retry() const;
    size_t in_flight() const;
    bool loading(TileId t) const;
    size_t textures() const;

private:
    enum class State : unsigned char { Loading, Loaded, Failed };
    struct Entry {
        State state = State::Loading;
        unsigned texture = 0;
        uint64_t used = 0;
        double failed_at = 0;
    };
    Limits limits_;
    std::map<TileId, Entry> tiles_;
    std::vector<TileId> wanted_;  // the last plan's, sorted
    uint64_t clock_ = 0;
    size_t loading_ = 0, loaded_ = 0;
    bool retry_now_ = false;

    bool wanted(TileId t) const;
    void erase(std::map<TileId, Entry>::iterator it);
};

}  // namespace core::tiles
