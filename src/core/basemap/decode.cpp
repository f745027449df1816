// Reads a base map cell file (layout: tools/basemap/cell_format.py) into a Cell, refusing
// anything malformed without reading past the input or trusting its counts.
#include "core/basemap/basemap.hpp"

namespace core::basemap {
namespace {

constexpr float kQuant = 65535.0f;

class Reader {
public:
    explicit Reader(std::string_view b) : bytes_(b) {}
    std::size_t left() const { return bytes_.size() - pos_; }
    bool ok() const { return ok_; }
    // Whether `count` items of at least `each` bytes can still follow (so a count is never trusted).
    bool room_for(std::uint64_t count, std::uint64_t each) {
        if (count > left() / each) ok_ = false;
        return ok_;
    }
    std::uint8_t u8() { return static_cast<std::uint8_t>(take(1)); }
    std::uint16_t u16() { return static_cast<std::uint16_t>(take(2)); }
    std::uint32_t u32() { return static_cast<std::uint32_t>(take(4)); }
    std::string_view bytes(std::size_t n) {
        if (!ok_ || n > left()) {
            ok_ = false;
            return {};
        }
        std::string_view s = bytes_.substr(pos_, n);
        pos_ += n;
        return s;
    }

private:
    std::uint64_t take(std::size_t n) {
        if (!ok_ || n > left()) {
            ok_ = false;
            return 0;
        }
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < n; ++i) v |= std::uint64_t{static_cast<unsigned char>(bytes_[pos_ + i])} << (8 * i);
        pos_ += n;
        return v;
    }
    std::string_view bytes_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

// Well-formed UTF-8 (no overlong forms checked beyond the lead byte; enough that text drawing
// never walks past a name's end).
bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t more = 0;
        if (c < 0x80) more = 0;
        else if (c >= 0xC2 && c <= 0xDF) more = 1;
        else if ((c & 0xF0) == 0xE0) more = 2;
        else if (c >= 0xF0 && c <= 0xF4) more = 3;
        else return false;
        if (more >= s.size() - i) return false;  // the sequence runs past the end
        for (std::size_t k = 1; k <= more; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        }
        i += more + 1;
    }
    return true;
}

void read_points(Reader& r, std::uint32_t n, std::vector<float>& out) {
    out.reserve(out.size() + 2 * std::size_t{n});
    for (std::uint32_t i = 0; i < n; ++i) {
        out.push_back(static_cast<float>(r.u16()) / kQuant);
        out.push_back(static_cast<float>(r.u16()) / kQuant);
    }
}

}  // namespace

std::optional<Cell> decode(std::string_view bytes) {
    Reader r(bytes);
    if (r.bytes(4) != "EVBM") return std::nullopt;
    if (r.u8() != kFormatVersion) return std::nullopt;
    Cell cell;
    cell.z = r.u8();
    r.u16();  // flags, none yet
    const std::uint32_t x = r.u32(), y = r.u32();
    if (!r.ok() || cell.z > 30 || x >= (1u << cell.z) || y >= (1u << cell.z)) return std::nullopt;
    cell.x = static_cast<int>(x);
    cell.y = static_cast<int>(y);

    const std::uint32_t nv = r.u32();
    if (!r.room_for(nv, 4)) return std::nullopt;
    read_points(r, nv, cell.water_xy);
    const std::uint32_t ni = r.u32();
    const bool wide = nv > 65536;
    if (ni % 3 != 0 || !r.room_for(ni, wide ? 4 : 2)) return std::nullopt;
    cell.water_tris.reserve(ni);
    for (std::uint32_t i = 0; i < ni; ++i) {
        const std::uint32_t v = wide ? r.u32() : r.u16();
        if (v >= nv) return std::nullopt;
        cell.water_tris.push_back(v);
    }

    const std::uint32_t nl = r.u32();
    if (!r.room_for(nl, 1 + 4 + 2 * 4)) return std::nullopt;
    cell.lines.reserve(nl);
    for (std::uint32_t i = 0; i < nl; ++i) {
        const std::uint8_t kind = r.u8();
        const std::uint32_t n = r.u32();
        if (kind > static_cast<std::uint8_t>(LineKind::Border) || n < 2 || !r.room_for(n, 4)) return std::nullopt;
        Line line;
        line.kind = static_cast<LineKind>(kind);
        read_points(r, n, line.xy);
        cell.lines.push_back(std::move(line));
    }

    const std::uint32_t np = r.u32();
    if (!r.room_for(np, 2 + 2 + 4 + 1)) return std::nullopt;
    cell.places.reserve(np);
    for (std::uint32_t i = 0; i < np; ++i) {
        Place p;
        p.x = static_cast<float>(r.u16()) / kQuant;
        p.y = static_cast<float>(r.u16()) / kQuant;
        p.population = r.u32();
        const std::string_view name = r.bytes(r.u8());
        if (!r.ok() || !valid_utf8(name)) return std::nullopt;
        p.name = std::string(name);
        cell.places.push_back(std::move(p));
    }
    if (!r.ok() || r.left() != 0) return std::nullopt;
    return cell;
}

}  // namespace core::basemap
