// Decoding base map cells: a hand-assembled cell read exactly, and every way of breaking one
// (truncation, garbage, counts larger than the bytes) refused without a crash.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>

#include "core/basemap/basemap.hpp"

using namespace core::basemap;

namespace {

struct Bytes {
    std::string s;
    Bytes& u8(std::uint32_t v) { s.push_back(static_cast<char>(v & 0xFF)); return *this; }
    Bytes& u16(std::uint32_t v) { return u8(v).u8(v >> 8); }
    Bytes& u32(std::uint32_t v) { return u16(v & 0xFFFF).u16(v >> 16); }
    Bytes& raw(std::string_view t) { s.append(t); return *this; }
};

Bytes header(int z = 10, std::uint32_t x = 526, std::uint32_t y = 336) {
    Bytes b;
    b.raw("EVBM").u8(1).u8(static_cast<std::uint32_t>(z)).u16(0).u32(x).u32(y);
    return b;
}

// One water triangle, a coast line, a border, two places.
std::string small_cell() {
    Bytes b = header();
    b.u32(3).u16(0).u16(0).u16(65535).u16(0).u16(0).u16(65535);
    b.u32(3).u16(0).u16(1).u16(2);
    b.u32(2);
    b.u8(0).u32(2).u16(0).u16(65535).u16(65535).u16(0);
    b.u8(3).u32(3).u16(100).u16(200).u16(300).u16(400).u16(500).u16(600);
    b.u32(2);
    b.u16(32768).u16(16384).u32(210000).u8(6).raw("Almere");
    b.u16(1).u16(2).u32(1500).u8(7).raw("K\xC3\xB6ln X");
    return b.s;
}

}  // namespace

TEST_CASE("basemap: a hand-assembled cell decodes exactly") {
    const auto cell = decode(small_cell());
    REQUIRE(cell);
    CHECK(cell->z == 10);
    CHECK(cell->x == 526);
    CHECK(cell->y == 336);
    REQUIRE(cell->water_xy.size() == 6);
    CHECK(cell->water_xy[2] == 1.0f);
    CHECK(cell->water_xy[5] == 1.0f);
    CHECK(cell->water_tris == std::vector<std::uint32_t>{0, 1, 2});
    REQUIRE(cell->lines.size() == 2);
    CHECK(cell->lines[0].kind == LineKind::Coast);
    CHECK(cell->lines[0].xy == std::vector<float>{0, 1, 1, 0});
    CHECK(cell->lines[1].kind == LineKind::Border);
    CHECK(cell->lines[1].xy.size() == 6);
    REQUIRE(cell->places.size() == 2);
    CHECK(cell->places[0].name == "Almere");
    CHECK(cell->places[0].x == Approx(0.5).margin(1e-4));
    CHECK(cell->places[0].y == Approx(0.25).margin(1e-4));
    CHECK(cell->places[0].population == 210000);
    CHECK(cell->places[1].name == "K\xC3\xB6ln X");
}

TEST_CASE("basemap: an empty cell (all land, nothing in it) decodes") {
    Bytes b = header(4, 8, 5);
    b.u32(0).u32(0).u32(0).u32(0);
    const auto cell = decode(b.s);
    REQUIRE(cell);
    CHECK(cell->water_xy.empty());
    CHECK(cell->lines.empty());
    CHECK(cell->places.empty());
}

TEST_CASE("basemap: every truncation of a cell is refused") {
    const std::string whole = small_cell();
    for (std::size_t n = 0; n < whole.size(); ++n) CHECK_FALSE(decode(std::string_view(whole).substr(0, n)));
    CHECK_FALSE(decode(whole + std::string(1, '\0')));  // trailing bytes
}

TEST_CASE("basemap: wrong magic, version, tile, kinds, indices or names are refused") {
    std::string s = small_cell();
    auto with = [&](std::size_t at, char c) { std::string t = s; t[at] = c; return t; };
    CHECK_FALSE(decode(with(0, 'X')));
    CHECK_FALSE(decode(with(4, 2)));                  // version
    CHECK_FALSE(decode(with(5, 31)));                 // zoom beyond 30
    CHECK_FALSE(decode(header(3, 8, 5).u32(0).u32(0).u32(0).u32(0).s));  // x beyond the zoom's tiles
    // An index past the vertices (the third index is at 16 + 4 + 12 + 4 + 4).
    CHECK_FALSE(decode(with(16 + 4 + 12 + 4 + 4, 3)));
    // A line kind beyond Border, a line of one point.
    const std::size_t line0 = 16 + 4 + 12 + 4 + 6 + 4;
    CHECK_FALSE(decode(with(line0, 4)));
    CHECK_FALSE(decode(with(line0 + 1, 1)));
    // A name that is not UTF-8 (a lone continuation byte, a lead byte cut short).
    const std::size_t name1 = s.size() - 7;
    CHECK_FALSE(decode(with(name1, '\x80')));
    CHECK_FALSE(decode(with(s.size() - 1, '\xC3')));
    // Index counts not a multiple of three.
    Bytes b = header();
    b.u32(3).u16(0).u16(0).u16(1).u16(0).u16(0).u16(1).u32(2).u16(0).u16(1).u32(0).u32(0);
    CHECK_FALSE(decode(b.s));
}

TEST_CASE("basemap: huge counts are refused before anything is allocated") {
    for (const std::uint32_t count : {0xFFFFFFFFu, 0x40000000u, 1000u}) {
        CHECK_FALSE(decode(header().u32(count).s));
        CHECK_FALSE(decode(header().u32(0).u32(count).s));
        CHECK_FALSE(decode(header().u32(0).u32(0).u32(count).s));
        CHECK_FALSE(decode(header().u32(0).u32(0).u32(1).u8(0).u32(count).u16(0).u16(0).u16(1).u16(1).u32(0).s));
        CHECK_FALSE(decode(header().u32(0).u32(0).u32(0).u32(count).s));
    }
}

TEST_CASE("basemap: random bytes and random damage never crash the decoder") {
    std::mt19937 rng(20261206);
    const std::string good = small_cell();
    int decoded = 0;
    for (int i = 0; i < 20000; ++i) {
        std::string s;
        if (i % 2 == 0) {
            s = good;
            for (int k = 0; k < 1 + static_cast<int>(rng() % 4); ++k) s[rng() % s.size()] = static_cast<char>(rng());
        } else {
            s = header().s;
            const std::size_t n = rng() % 64;
            for (std::size_t k = 0; k < n; ++k) s.push_back(static_cast<char>(rng() % 4 == 0 ? rng() : rng() % 3));
        }
        if (const auto cell = decode(s)) {
            ++decoded;
            for (const std::uint32_t v : cell->water_tris) REQUIRE(v < cell->water_xy.size() / 2);
        }
    }
    CHECK(decoded > 0);  // damage to coordinates or populations still reads as a cell
}
