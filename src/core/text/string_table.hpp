// How a language's texts are stored: its entries, written as {Str::Id, "text"} in any order in
// strings_<code>.cpp, are packed at compile time into one block of characters with a 16-bit offset
// per id. That is half the bytes of a pointer per id and no relocations; an id a language lacks
// keeps kMissing (tr() then falls back to English, and the string table test names it).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "language.hpp"
#include "strings.hpp"

namespace core::strings {

struct Entry {
    Str id;
    std::string_view text;
};

inline constexpr uint16_t kMissing = 0xFFFF;

// What tr() reads: the offset of each id's text (NUL-terminated) in `chars`.
struct TableView {
    const uint16_t* offsets;
    const char* chars;
    size_t size;  // bytes of `chars`
};

template <size_t Bytes>
struct PackedTable {
    uint16_t offsets[kStrCount];
    char chars[Bytes];
    constexpr TableView view() const { return {offsets, chars, Bytes}; }
};

template <size_t N>
constexpr size_t packed_size(const Entry (&entries)[N]) {
    size_t bytes = 0;
    for (const Entry& e : entries) bytes += e.text.size() + 1;
    return bytes;
}

// Called only where a table is wrong; not constexpr, so packing such a table fails to compile.
inline void string_id_listed_twice() {}
inline void string_table_too_large() {}

template <size_t Bytes, size_t N>
constexpr PackedTable<Bytes> pack(const Entry (&entries)[N]) {
    if (Bytes >= kMissing) string_table_too_large();
    PackedTable<Bytes> t{};
    for (uint16_t& o : t.offsets) o = kMissing;
    size_t at = 0;
    for (const Entry& e : entries) {
        uint16_t& slot = t.offsets[static_cast<size_t>(e.id)];
        if (slot != kMissing) string_id_listed_twice();
        slot = static_cast<uint16_t>(at);
        for (char c : e.text) t.chars[at++] = c;
        t.chars[at++] = '\0';
    }
    return t;
}

// The tables, one per language (strings.cpp and strings_<code>.cpp).
TableView english();
TableView dutch();
TableView german();
TableView french();

}  // namespace core::strings
